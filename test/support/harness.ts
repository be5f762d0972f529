import type { Stack } from "@pulumi/pulumi/automation";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/index";
import { SftpToGoClient } from "../../sdk/sftptogo/client";
import { emulatorStack } from "../../scripts/workspace";

/** A Pulumi project around a compiled test program, on a fresh file backend and emulator. */
export interface E2eContext {
  emulator: RunningEmulator;
  stack: Stack;
  stateDir: string;
  /** A client of the emulator acting behind Pulumi's back. */
  api: SftpToGoClient;
  cleanup(): Promise<void>;
}

export async function e2eContext(programDir: string, options: EmulatorOptions = {}): Promise<E2eContext> {
  const emulator = await startEmulator({ port: 0, ...options });
  const stateDir = mkdtempSync(join(tmpdir(), "sftp-partners-state-"));
  const workDir = resolve(programDir);
  writeFileSync(join(workDir, "Pulumi.yaml"), "name: e2e\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
  // A package of its own, as a user's project is: the program then loads pulumi-sftp-partners
  // from node_modules (not by the repository's self-reference), like an installed dependency.
  writeFileSync(join(workDir, "package.json"), JSON.stringify({ name: "e2e-program", private: true }) + "\n");
  const organization = emulator.organizations[0];
  const stack = await emulatorStack({
    workDir,
    stackName: `e2e-${process.pid}`,
    stateDir,
    passphrase: "e2e-passphrase",
    emulator: { ...emulator, organizationId: organization.id, apiKey: organization.apiKey },
  });
  const api = new SftpToGoClient({ apiKey: organization.apiKey, organizationId: organization.id, apiUrl: emulator.sftpToGoApiUrl });
  return {
    emulator,
    stack,
    stateDir,
    api,
    async cleanup() {
      await api.close();
      await emulator.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** API calls made since `before`, from the emulator's request counters. */
export function callsSince(emulator: RunningEmulator, before: number): number {
  return emulator.stats().total - before;
}

/**
 * Everything the file backend wrote (state, history, backups) as one string. Read from disk
 * because the Automation API's exportStack decrypts secrets.
 */
export function backendFiles(stateDir: string): string {
  return readdirSync(stateDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath ?? entry.path, entry.name), "utf8"))
    .join("\n");
}
