// `npm run demo`: starts the emulator, runs `pulumi up` on the example with the real Pulumi CLI,
// shows the outputs (passwords stay secret) and how to go on.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SftpToGoClient } from "../sdk/sftptogo/client";
import { signBody, signatureHeader } from "../emulator/events";
import { fileOnDisk } from "../emulator/files";
import { resolveIdentity } from "../emulator/identity";
import { startEmulator, type RunningEmulator } from "../emulator/index";
import { opensshSftp } from "./openssh-sftp";
import { webhookReceiver, type WebhookReceiver } from "./webhook-receiver";
import { emulatorStack, pulumiBinDir, repoRoot } from "./workspace";

const demoDir = join(repoRoot, ".demo");
const port = Number(process.env.DEMO_PORT ?? 18080);
const sftpPort = Number(process.env.DEMO_SFTP_PORT ?? 18022);
const hookPort = Number(process.env.DEMO_HOOK_PORT ?? 18443);
const passphrase = "demo-passphrase";

async function main(): Promise<void> {
  const dataDir = join(demoDir, "emulator");
  const stateDir = join(demoDir, "state");
  mkdirSync(stateDir, { recursive: true });
  const identity = resolveIdentity({}, dataDir);
  const receiver = await webhookReceiver(hookPort);
  const emulator = await startEmulator({
    port,
    sftpPort,
    webhookTrustedCa: receiver.ca,
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
    await stack.setConfig("aliceWebhookUrl", { value: `${receiver.url}/alice` });
    const result = await stack.up({ onOutput: (text) => process.stdout.write(text), color: process.stdout.isTTY ? "always" : "never" });
    const outputs = result.outputs;
    const usernames = outputs.usernames?.value as Record<string, string>;
    console.log("\nPartner logins created on the emulator:");
    console.log(`  SFTP host   ${outputs.host?.value as string}:${emulator.sftpPort}`);
    for (const [partner, username] of Object.entries(usernames)) {
      console.log(`  ${partner.padEnd(6)} user ${username}   password [secret]`);
    }
    console.log(`  Bob's share link  ${outputs.bobReportsLink?.value as string}`);
    await partnerUploads(emulator, receiver, usernames.alice, (outputs.passwords?.value as Record<string, string>).alice, identity.organizationId);
    console.log(`
The passwords are secrets in the stack's state. To go on, keep the emulator running in one terminal:

  npm run emulator -- --port ${port} --sftp-port ${sftpPort} --data-dir .demo/emulator

and in another:

  export PATH="${pulumiBinDir()}:$PATH"
  export PULUMI_BACKEND_URL=file://${stateDir} PULUMI_CONFIG_PASSPHRASE=${passphrase}
  pulumi stack select demo
  pulumi stack output passwords --show-secrets   # reveal the passwords
  # change examples/partners/index.ts (say, Bob's permission to read-only), then:
  npm run build && pulumi preview
  sftp -P ${emulator.sftpPort} <user>@127.0.0.1        # log in as a partner
  pulumi refresh        # pick up changes made behind Pulumi's back
  pulumi destroy        # remove the partners again
`);
  } finally {
    await emulator.stop();
    await receiver.close();
  }
}

/** Alice uploads a purchase order with OpenSSH's sftp; her webhook receives the signed event. */
async function partnerUploads(emulator: RunningEmulator, receiver: WebhookReceiver, user: string, password: string, organizationId: string): Promise<void> {
  const order = join(demoDir, "purchase-order-850.edi");
  writeFileSync(order, "ISA*00*          *00*          *ZZ*ALICE          *ZZ*ACME           *261122*1200*U*00401*000000001*0*P*>~\n");
  console.log(`\nAlice uploads a purchase order with OpenSSH's sftp (password from the stack's secret output):\n  sftp -P ${emulator.sftpPort} ${user}@127.0.0.1`);
  const run = await opensshSftp({ port: emulator.sftpPort, user, password, commands: [`put ${order} purchase-order-850.edi`, "ls -l"] }).catch((error: Error) => ({ code: -1, stdout: "", stderr: error.message }));
  if (!run.stdout.includes("purchase-order-850.edi")) {
    console.log(`  (could not run OpenSSH's sftp: ${run.stderr.trim() || "no output"}; install openssh-client to see this step)`);
    return;
  }
  for (const line of run.stdout.trim().split("\n")) console.log(`  ${line}`);
  console.log(`  stored at ${fileOnDisk(emulator.filesRoot, "sftptogo", organizationId, "/alice/purchase-order-850.edi")}`);
  for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const [event] = receiver.received;
  if (!event) return console.log("  (no webhook event arrived)");
  const api = new SftpToGoClient({ apiKey: emulator.organizations[0].apiKey, organizationId, apiUrl: emulator.sftpToGoApiUrl });
  const [hook] = await api.listWebhooks();
  await api.close();
  const verified = event.headers[signatureHeader] === signBody(hook.Secret, event.body);
  console.log(`\nAlice's webhook received the event it caused (signature ${verified ? "verified" : "NOT verified"}):`);
  console.log(`  POST ${receiver.url}${event.path}\n  ${event.body}`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
