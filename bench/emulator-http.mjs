#!/usr/bin/env node
// Load test of the emulator's HTTP API with wrk: one read endpoint (GET a credential) and one
// write endpoint (PATCH a credential, committed to SQLite before the reply), on a durable data
// directory, with the emulator's resident memory sampled through a sustained run.
//
//   npm run build && node bench/emulator-http.mjs [--seconds 20] [--connections 16]
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";

const execFileAsync = promisify(execFile);

const { values } = parseArgs({ options: { seconds: { type: "string", default: "20" }, connections: { type: "string", default: "16" } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const organizationId = "org-bench";
const apiKey = "bench-key-0123456789";

try {
  execFileSync("wrk", ["--version"], { stdio: "ignore" });
} catch (error) {
  if (error.code === "ENOENT") throw new Error("wrk is not installed (Debian: apt-get install wrk)");
}

const dataDir = mkdtempSync(join(tmpdir(), "emulator-bench-"));
const emulator = spawn(process.execPath, ["dist/emulator/cli.js", "--port", "0", "--data-dir", dataDir], {
  env: { ...process.env, SFTPTOGO_ORGANIZATION_ID: organizationId, SFTPTOGO_API_KEY: apiKey },
  stdio: ["ignore", "pipe", "inherit"],
});
let banner = "";
for await (const chunk of emulator.stdout) {
  banner += chunk;
  if (banner.includes("STEDI_API_KEY=")) break;
}
const apiUrl = /SFTPTOGO_API_URL=(\S+)/.exec(banner)[1];
const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
const usersUrl = `${apiUrl}/organizations/${organizationId}/users`;

for (let i = 0; i < 200; i++) {
  const response = await fetch(usersUrl, { method: "POST", headers, body: JSON.stringify({ HomeDirectory: `/partner-${i}`, Alias: `Partner ${i}` }) });
  if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
  await response.arrayBuffer();
}
const list = await (await fetch(usersUrl, { headers })).json();
const target = list.find((c) => !c.IsDefault).Id;

function rssMiB() {
  const status = readFileSync(`/proc/${emulator.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const script = join(dataDir, "bench.lua");
async function runWrk(name, method, body, duration) {
  writeFileSync(
    script,
    `wrk.method = "${method}"
wrk.headers["Authorization"] = "Bearer ${apiKey}"
wrk.headers["Content-Type"] = "application/json"
${body ? `wrk.body = '${JSON.stringify(body)}'` : ""}
local errors = 0
response = function(status) if status >= 300 then errors = errors + 1 end end
done = function(summary) io.write(string.format("non2xx %d\\n", summary.errors.status)) end
`,
  );
  const samples = [];
  const sampler = setInterval(() => samples.push(rssMiB()), 1000);
  const { stdout: output } = await execFileAsync("wrk", ["-t", "1", "-c", String(connections), "-d", `${duration}s`, "--latency", "-s", script, `${usersUrl}/${target}`]);
  clearInterval(sampler);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)[1]);
  const p50 = /\s50%\s+(\S+)/.exec(output)[1];
  const p99 = /\s99%\s+(\S+)/.exec(output)[1];
  const non2xx = Number(/non2xx (\d+)/.exec(output)[1]);
  return { name, rps: Math.round(rps), p50, p99, non2xx, rssMiB: samples.map((m) => Math.round(m)) };
}

const results = [];
try {
  await runWrk("warm-up", "GET", undefined, 3);
  results.push(await runWrk("read  GET   /users/{id}", "GET", undefined, seconds));
  results.push(await runWrk("write PATCH /users/{id}", "PATCH", { Alias: "bench" }, seconds));
  results.push(await runWrk("sustained read (memory)", "GET", undefined, seconds * 3));
} finally {
  emulator.kill("SIGTERM");
}
console.log(`emulator HTTP benchmark: wrk, 1 thread, ${connections} connections, ${seconds} s per run, durable data dir`);
for (const r of results) {
  const memory = `RSS ${r.rssMiB[0]} -> ${r.rssMiB.at(-1)} MiB (max ${Math.max(...r.rssMiB)})`;
  console.log(`${r.name.padEnd(26)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50.padStart(8)}  p99 ${r.p99.padStart(8)}  errors ${r.non2xx}  ${memory}`);
}
rmSync(dataDir, { recursive: true, force: true });
