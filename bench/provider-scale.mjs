#!/usr/bin/env node
// `pulumi up` and `pulumi refresh` of 100 partners (credential, two SSH keys, an allow-list each)
// against the emulator, beside the same program on no-op dynamic resources in the same run,
// counting the API calls each step makes.
//
//   npm run build && node bench/provider-scale.mjs [--partners 100]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { generateKeyPairSync } from "node:crypto";

const require = createRequire(import.meta.url);
const { startEmulator } = require("../dist/emulator/index.js");
const { emulatorStack } = require("../dist/scripts/workspace.js");

const { values } = parseArgs({ options: { partners: { type: "string", default: "100" } } });
const partners = Number(values.partners);
/** An OpenSSH ed25519 public key line: the wire blob is string "ssh-ed25519" then string key. */
function ed25519Line(comment) {
  const raw = Buffer.from(generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x, "base64url");
  const field = (bytes) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]).toString("base64")} ${comment}`;
}
const keys = Array.from({ length: partners }, (_, i) => [0, 1].map((k) => ed25519Line(`partner-${i}-${k}@bench`)));

const emulator = await startEmulator({ port: 0 });
const [organization] = emulator.organizations;

async function timed(work) {
  const calls = emulator.stats().total;
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, calls: emulator.stats().total - calls, result };
}

async function run(program) {
  const stateDir = mkdtempSync(join(tmpdir(), `bench-${program}-`));
  const workDir = join(import.meta.dirname, "programs", program);
  writeFileSync(join(workDir, "Pulumi.yaml"), `name: bench-${program}\nruntime: nodejs\nmain: index.js\n`);
  // Its own package, so pulumi-sftp-partners is loaded from node_modules as a user's program does.
  writeFileSync(join(workDir, "package.json"), `{ "name": "bench-${program}", "private": true }\n`);
  try {
    const stack = await emulatorStack({
      workDir,
      stackName: "bench",
      stateDir,
      passphrase: "bench",
      emulator: { ...emulator, organizationId: organization.id, apiKey: organization.apiKey },
    });
    await stack.setConfig("keys", { value: JSON.stringify(keys) });
    const up = await timed(() => stack.up());
    const resources = Object.values(up.result.summary.resourceChanges ?? {}).reduce((a, b) => a + b, 0);
    const refresh = await timed(() => stack.refresh());
    const destroy = await timed(() => stack.destroy());
    await stack.workspace.removeStack("bench");
    return { program, resources, up, refresh, destroy };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

try {
  const noop = await run("noop");
  const real = await run("partners");
  console.log(`${partners} partners: ${real.resources} resources (stack, components, credentials, keys, allow-lists)`);
  for (const step of ["up", "refresh", "destroy"]) {
    const ratio = real[step].seconds / noop[step].seconds;
    console.log(
      `${step.padEnd(8)} no-op ${noop[step].seconds.toFixed(1).padStart(5)} s   emulator ${real[step].seconds.toFixed(1).padStart(5)} s   ratio ${ratio.toFixed(2)}   API calls ${real[step].calls}`,
    );
  }
} finally {
  await emulator.stop();
}
