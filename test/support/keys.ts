import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GeneratedKey {
  /** The public key line, as in the .pub file. */
  line: string;
  privateKey: string;
  /** `SHA256:...` as `ssh-keygen -l` prints it. */
  fingerprint: string;
  dispose(): void;
}

/** A fresh key pair made by OpenSSH's own ssh-keygen. */
export function sshKeygen(type: "ed25519" | "rsa" | "ecdsa", comment: string): GeneratedKey {
  const dir = mkdtempSync(join(tmpdir(), "keys-"));
  const file = join(dir, "key");
  execFileSync("ssh-keygen", ["-q", "-t", type, "-N", "", "-C", comment, "-f", file]);
  const fingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`]).toString().split(" ")[1];
  return {
    line: readFileSync(`${file}.pub`, "utf8").trim(),
    privateKey: readFileSync(file, "utf8"),
    fingerprint,
    dispose: () => rmSync(dir, { recursive: true }),
  };
}
