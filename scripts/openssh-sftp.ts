import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SftpRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs OpenSSH's own `sftp` client with the given commands. With a key it runs in batch mode
 * (`-b -`, stopping at the first failing command); with a password it feeds the commands on
 * stdin and answers the password prompt through SSH_ASKPASS, since batch mode forbids prompts.
 */
export async function opensshSftp(options: { port: number; user: string; password?: string; identityFile?: string; commands: string[] }): Promise<SftpRun> {
  const dir = mkdtempSync(join(tmpdir(), "sftp-client-"));
  const askpass = join(dir, "askpass.sh");
  writeFileSync(askpass, '#!/bin/sh\nprintf "%s\\n" "$SFTP_TEST_PASSWORD"\n');
  chmodSync(askpass, 0o700);
  const common = ["-P", String(options.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"];
  const auth = options.identityFile
    ? ["-b", "-", "-i", options.identityFile, "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no"]
    : ["-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1"];
  const env = { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: "force", DISPLAY: ":0", SFTP_TEST_PASSWORD: options.password ?? "" };
  try {
    return await new Promise<SftpRun>((resolve, reject) => {
      const child = spawn("sftp", [...common, ...auth, `${options.user}@127.0.0.1`], { env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += String(chunk)));
      child.stderr.on("data", (chunk) => (stderr += String(chunk)));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.commands.join("\n") + "\n");
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
