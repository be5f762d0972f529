#!/usr/bin/env node
// Upload and download of one large file with OpenSSH's sftp client, through the emulator's SFTP
// server and through OpenSSH's own sshd + sftp-server on this machine, in the same run.
// Needs openssh-client and openssh-server (Debian: apt-get install openssh-server); run as root
// or as a user sshd may log in as.
//
//   npm run build && node bench/sftp-throughput.mjs [--mib 1024]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { startEmulator } = require("../dist/emulator/index.js");
const { SftpToGoClient } = require("../dist/sdk/index.js");
const { opensshSftp } = require("../dist/scripts/openssh-sftp.js");

const { values } = parseArgs({ options: { mib: { type: "string", default: "1024" }, "sshd-port": { type: "string", default: "18222" } } });
const mib = Number(values.mib);
const sshd = "/usr/sbin/sshd";
try {
  statSync(sshd);
} catch {
  throw new Error("OpenSSH's sshd is not installed (Debian: apt-get install openssh-server)");
}

const work = mkdtempSync(join(tmpdir(), "sftp-bench-"));
const bigFile = join(work, "big.bin");
execFileSync("dd", ["if=/dev/urandom", `of=${bigFile}`, "bs=1M", `count=${mib}`, "status=none"]);
const key = join(work, "id_ed25519");
execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]);
const publicKey = readFileSync(`${key}.pub`, "utf8").trim();

async function sftp(port, user, commands) {
  // Start each transfer with no dirty pages left over from the one before.
  execFileSync("sync");
  const started = performance.now();
  const run = await opensshSftp({ port, user, identityFile: key, commands });
  if (run.code !== 0) throw new Error(`sftp exited ${run.code}: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

async function measure(label, port, user, remotePath) {
  const upload = await sftp(port, user, [`put ${bigFile} ${remotePath}`]);
  const download = await sftp(port, user, [`get ${remotePath} ${join(work, `${label}.back`)}`]);
  if (statSync(join(work, `${label}.back`)).size !== mib * 1024 * 1024) throw new Error(`${label}: the downloaded file has the wrong size`);
  rmSync(join(work, `${label}.back`));
  return { label, upload: mib / upload, download: mib / download };
}

// OpenSSH's sshd on its own port, with a config of its own.
const hostKey = join(work, "ssh_host_ed25519_key");
execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey]);
writeFileSync(join(work, "authorized_keys"), publicKey + "\n", { mode: 0o600 });
writeFileSync(
  join(work, "sshd_config"),
  [
    `Port ${values["sshd-port"]}`,
    "ListenAddress 127.0.0.1",
    `HostKey ${hostKey}`,
    `AuthorizedKeysFile ${join(work, "authorized_keys")}`,
    "PasswordAuthentication no",
    "PermitRootLogin prohibit-password",
    "StrictModes no",
    `PidFile ${join(work, "sshd.pid")}`,
    "Subsystem sftp /usr/lib/openssh/sftp-server",
  ].join("\n") + "\n",
);
execFileSync("mkdir", ["-p", "/run/sshd"]);
const daemon = spawn(sshd, ["-D", "-e", "-f", join(work, "sshd_config")], { stdio: "ignore" });
const emulator = await startEmulator({ port: 0, dataDir: join(work, "emulator") });
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const [organization] = emulator.organizations;
  const api = new SftpToGoClient({ apiKey: organization.apiKey, organizationId: organization.id, apiUrl: emulator.url });
  const credential = await api.createCredential({ HomeDirectory: "/bench", Permission: "full" });
  await api.addSshPublicKey(credential.Id, publicKey);
  await api.close();

  // Two rounds in alternating order, best of each: the page cache and writeback left by one
  // transfer otherwise slow down whichever server goes second.
  const runOurs = () => measure("emulator", emulator.sftpPort, credential.UserName, "/big.bin");
  const runOpenssh = () => measure("openssh", Number(values["sshd-port"]), userInfo().username, join(work, "openssh-upload.bin"));
  const rounds = [await runOurs(), await runOpenssh(), await runOpenssh(), await runOurs()];
  const best = (label) => {
    const mine = rounds.filter((r) => r.label === label);
    return { label, upload: Math.max(...mine.map((r) => r.upload)), download: Math.max(...mine.map((r) => r.download)) };
  };
  const ours = best("emulator");
  const openssh = best("openssh");
  console.log(`SFTP throughput, ${mib} MiB file, OpenSSH sftp client, 127.0.0.1, best of 2 rounds in alternating order`);
  for (const r of [openssh, ours]) console.log(`${r.label.padEnd(9)} upload ${r.upload.toFixed(0).padStart(5)} MiB/s   download ${r.download.toFixed(0).padStart(5)} MiB/s`);
  console.log(`ratio     upload ${(ours.upload / openssh.upload).toFixed(2)}          download ${(ours.download / openssh.download).toFixed(2)}`);
} finally {
  daemon.kill();
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
