// `npm run demo`: starts the emulator, runs `pulumi up` on the example with the real Pulumi CLI,
// shows the outputs (passwords stay secret) and how to go on.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { resolveIdentity } from "../emulator/identity";
import { startEmulator } from "../emulator/index";
import { emulatorStack, pulumiBinDir, repoRoot } from "./workspace";

const demoDir = join(repoRoot, ".demo");
const port = Number(process.env.DEMO_PORT ?? 18080);
const passphrase = "demo-passphrase";

async function main(): Promise<void> {
  const dataDir = join(demoDir, "emulator");
  const stateDir = join(demoDir, "state");
  mkdirSync(stateDir, { recursive: true });
  const identity = resolveIdentity({}, dataDir);
  const emulator = await startEmulator({
    port,
    dataDir,
    organizations: [{ id: identity.organizationId, apiKey: identity.apiKey }],
    stediApiKey: identity.stediApiKey,
  });
  console.log(`Emulator of SFTP To Go and Stedi SFTP running at ${emulator.url} (data in ${dataDir})\n`);
  try {
    const stack = await emulatorStack({
      workDir: repoRoot,
      stackName: "demo",
      stateDir,
      passphrase,
      emulator: { ...emulator, organizationId: identity.organizationId, apiKey: identity.apiKey },
    });
    const result = await stack.up({ onOutput: (text) => process.stdout.write(text), color: process.stdout.isTTY ? "always" : "never" });
    const outputs = result.outputs;
    const usernames = outputs.usernames?.value as Record<string, string>;
    console.log("\nPartner logins created on the emulator:");
    console.log(`  SFTP host   ${outputs.host?.value as string}:${emulator.sftpPort}`);
    for (const [partner, username] of Object.entries(usernames)) {
      console.log(`  ${partner.padEnd(6)} user ${username}   password [secret]`);
    }
    console.log(`  Bob's share link  ${outputs.bobReportsLink?.value as string}`);
    console.log(`
The passwords are secrets in the stack's state. To go on, keep the emulator running in one terminal:

  npm run emulator -- --port ${port} --data-dir .demo/emulator

and in another:

  export PATH="${pulumiBinDir()}:$PATH"
  export PULUMI_BACKEND_URL=file://${stateDir} PULUMI_CONFIG_PASSPHRASE=${passphrase}
  pulumi stack select demo
  pulumi stack output passwords --show-secrets   # reveal the passwords
  # change examples/partners/index.ts (say, Bob's permission to read-only), then:
  npm run build && pulumi preview
  pulumi refresh        # pick up changes made behind Pulumi's back
  pulumi destroy        # remove the partners again
`);
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
