import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { InboundRule } from "../../sdk/sftptogo/schemas";

/** Who may log in, as the control plane says: one SFTP To Go credential or Stedi user. */
export interface LoginAccount {
  service: "sftptogo" | "stedi";
  /** The organization (SFTP To Go) or account (Stedi) whose files the login reaches. */
  owner: string;
  id: string;
  userName: string;
  password: string;
  /** Public key blobs (the base64 of the wire form) allowed to log in. */
  publicKeys: string[];
  permission: Permission;
  state: "active" | "inactive";
  /** Unix seconds; the login is refused after it. */
  expiration?: number | null;
  homeDirectory: string;
  chrootDirectory: string;
  inboundRules?: InboundRule[];
}

export type Permission = "none" | "read-only" | "read-write" | "write-only" | "full";
export type Operation = "list" | "read" | "write" | "mkdir" | "rename" | "delete";

/**
 * What each permission level allows (chosen; the API notes only name the levels): write-only
 * uploads and makes folders without seeing anything; read-write does everything but delete;
 * full also deletes.
 */
const allowedOperations: Record<Permission, readonly Operation[]> = {
  none: [],
  "read-only": ["list", "read"],
  "write-only": ["write", "mkdir"],
  "read-write": ["list", "read", "write", "mkdir", "rename"],
  full: ["list", "read", "write", "mkdir", "rename", "delete"],
};

export function permits(permission: Permission, operation: Operation): boolean {
  return allowedOperations[permission].includes(operation);
}

/** `::ffff:127.0.0.1` is the IPv4 client 127.0.0.1 on a dual-stack socket. */
export function clientAddress(ip: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return { address: mapped[1], family: "ipv4" };
  return { address: ip, family: isIPv4(ip) ? "ipv4" : "ipv6" };
}

export function sourceMatches(source: string, ip: string): boolean {
  const client = clientAddress(ip);
  const [address, prefix] = source.split("/");
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (!family || family !== client.family) return false;
  const list = new BlockList();
  if (prefix === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(prefix), family);
  return list.check(client.address, family);
}

/** Why a login must be refused before its secret is even checked, or undefined to go on. */
export function loginRefusal(account: LoginAccount, ip: string, now: number): string | undefined {
  if (account.state !== "active") return "the credential is inactive";
  if (account.expiration != null && account.expiration * 1000 <= now) return "the credential has expired";
  if (account.inboundRules) {
    const allowed = account.inboundRules.some((rule) => rule.State === "enabled" && (rule.Protocol === "*" || rule.Protocol === "SFTP") && sourceMatches(rule.Source, ip));
    if (!allowed) return `no enabled inbound rule allows ${clientAddress(ip).address} over SFTP`;
  }
  return undefined;
}
