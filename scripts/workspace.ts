import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "..", "..");

/** The directory scripts/setup-pulumi.sh chose for pulumi and its plugins. */
export function pulumiBinDir(): string {
  try {
    return readFileSync(join(repoRoot, ".pulumi-bin"), "utf8").trim();
  } catch {
    throw new Error("The Pulumi toolchain is not set up: run `bash scripts/setup-pulumi.sh` first.");
  }
}

export interface StackOptions {
  /** Folder of the Pulumi project (holding Pulumi.yaml). */
  workDir: string;
  stackName: string;
  /** Folder for the file backend's state. */
  stateDir: string;
  passphrase: string;
  emulator: { sftpToGoApiUrl: string; stediApiUrl: string; organizationId: string; apiKey: string; stediApiKey: string };
}

/** A stack on a local file backend, configured for the given emulator, driven by the real CLI. */
export async function emulatorStack(options: StackOptions): Promise<Stack> {
  const envVars = {
    PATH: `${pulumiBinDir()}:${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${options.stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: options.passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
  };
  // The CLI at <root>/bin/pulumi; its plugins are found through the PATH given to it.
  const pulumiCommand = await PulumiCommand.get({ root: dirname(pulumiBinDir()), skipVersionCheck: true });
  const stack = await LocalWorkspace.createOrSelectStack({ workDir: options.workDir, stackName: options.stackName }, { envVars, pulumiCommand });
  await stack.setAllConfig({
    "sftptogo:apiUrl": { value: options.emulator.sftpToGoApiUrl },
    "sftptogo:organizationId": { value: options.emulator.organizationId },
    "sftptogo:apiKey": { value: options.emulator.apiKey, secret: true },
    "stedi:apiUrl": { value: options.emulator.stediApiUrl },
    "stedi:apiKey": { value: options.emulator.stediApiKey, secret: true },
  });
  return stack;
}
