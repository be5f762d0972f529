import { createHash } from "node:crypto";
import { utils } from "ssh2";

export interface ParsedPublicKey {
  /** Short type as the API reports it: rsa, ed25519, ecdsa. */
  type: string;
  /** `<algorithm> <base64>`: the key without comment or extra whitespace, for comparisons. */
  canonical: string;
  fingerprint: string;
  comment: string;
}

const shortTypes: Record<string, string> = {
  "ssh-rsa": "rsa",
  "ssh-ed25519": "ed25519",
  "ecdsa-sha2-nistp256": "ecdsa",
  "ecdsa-sha2-nistp384": "ecdsa",
  "ecdsa-sha2-nistp521": "ecdsa",
};
export const supportedKeyTypes = Object.keys(shortTypes);

/** Parses an OpenSSH public key line; an Error says why it is not acceptable. */
export function parsePublicKey(line: string): ParsedPublicKey | Error {
  // OpenSSH reads any run of whitespace between the fields as one separator.
  const trimmed = line.trim().split(/\s+/).join(" ");
  const parsed = utils.parseKey(trimmed);
  if (parsed instanceof Error) return new Error(`is not an OpenSSH public key: ${parsed.message}`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key.isPrivateKey()) return new Error("is a private key; give the public key (the .pub file)");
  const type = shortTypes[key.type];
  if (!type) return new Error(`has unsupported type ${key.type}; supported: ${supportedKeyTypes.join(", ")}`);
  const blob = key.getPublicSSH();
  const [algorithm, body] = trimmed.split(" ");
  if (algorithm !== key.type || body !== blob.toString("base64")) return new Error("is not a single OpenSSH public key line");
  return {
    type,
    canonical: `${key.type} ${blob.toString("base64")}`,
    fingerprint: "SHA256:" + createHash("sha256").update(blob).digest("base64").replace(/=+$/, ""),
    comment: trimmed.split(" ").slice(2).join(" "),
  };
}
