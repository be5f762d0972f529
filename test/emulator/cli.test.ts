import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { describe, it } from "node:test";
import { repoRoot } from "../../scripts/workspace";
import { SftpToGoClient } from "../../sdk/sftptogo/client";

const organization = { id: "org-cli", apiKey: "cli-key-0123456789" };

/** The emulator as `npx sftp-emulator` runs it: the package's bin, as a separate process. */
function binPath(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> };
  return join(repoRoot, manifest.bin["sftp-emulator"]);
}

async function startCli(args: string[]): Promise<{ child: ChildProcess; banner: string; apiUrl: string }> {
  const child = spawn(process.execPath, [binPath(), "--port", "0", "--sftp-port", "0", ...args], {
    env: { ...process.env, SFTPTOGO_ORGANIZATION_ID: organization.id, SFTPTOGO_API_KEY: organization.apiKey, STEDI_API_KEY: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let banner = "";
  for await (const chunk of child.stdout!) {
    banner += String(chunk);
    if (banner.includes("STEDI_API_KEY=")) break;
  }
  const apiUrl = /SFTPTOGO_API_URL=(\S+)/.exec(banner)?.[1];
  assert.ok(apiUrl, `the banner gives the API URL:\n${banner}`);
  return { child, banner, apiUrl };
}

async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  return child.exitCode;
}

describe("emulator: command line", () => {
  it("takes the organization and key from the environment, prints them, and stops on SIGTERM", async () => {
    const { child, banner, apiUrl } = await startCli([]);
    assert.match(banner, new RegExp(`SFTPTOGO_ORGANIZATION_ID=${organization.id}`));
    assert.match(banner, /STEDI_API_KEY=\S{16,}/, "an unset key is generated");
    assert.match(banner, /in memory/);
    const api = new SftpToGoClient({ apiKey: organization.apiKey, organizationId: organization.id, apiUrl });
    assert.equal((await api.listCredentials()).length, 1);
    await api.close();
    child.kill("SIGTERM");
    assert.equal(await exited(child), 0);
  });

  it("refuses an unknown flag and says which", async () => {
    const child = spawn(process.execPath, [binPath(), "--colour", "blue"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
    assert.equal(await exited(child), 2);
    assert.match(stderr, /--colour/);
  });

  it("loses no acknowledged write when killed with SIGKILL under write load", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emulator-kill-"));
    try {
      const { child, apiUrl } = await startCli(["--data-dir", dataDir]);
      const api = new SftpToGoClient({ apiKey: organization.apiKey, organizationId: organization.id, apiUrl, retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
      const acknowledged = new Map<string, number>();
      let stop = false;
      const worker = async (n: number) => {
        try {
          while (!stop) {
            const created = await api.createCredential({ HomeDirectory: `/w${n}` });
            acknowledged.set(created.Id, 0);
            for (let version = 1; version <= 3 && !stop; version++) {
              await api.updateCredential(created.Id, { Alias: `v${version}` });
              acknowledged.set(created.Id, version);
            }
          }
        } catch {
          // the connection dies with the process
        }
      };
      const workers = Array.from({ length: 8 }, (_, n) => worker(n));
      while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill("SIGKILL");
      stop = true;
      await Promise.all(workers);
      await exited(child);
      await api.close();

      const restarted = await startCli(["--data-dir", dataDir]);
      const again = new SftpToGoClient({ apiKey: organization.apiKey, organizationId: organization.id, apiUrl: restarted.apiUrl });
      const stored = new Map((await again.listCredentials()).map((c) => [c.Id, c]));
      for (const [id, version] of acknowledged) {
        const credential = stored.get(id);
        assert.ok(credential, `acknowledged credential ${id} survived`);
        const storedVersion = credential.Alias ? Number(credential.Alias.slice(1)) : 0;
        assert.ok(storedVersion >= version, `credential ${id} keeps acknowledged update v${version} (has v${storedVersion})`);
      }
      await again.close();
      restarted.child.kill("SIGTERM");
      await exited(restarted.child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
