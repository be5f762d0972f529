/**
 * Rules of the SFTP To Go API that both sides must agree on: the emulator enforces them and the
 * provider checks them at preview time, before any call.
 */
export const userNamePattern = /^[A-Za-z0-9_.-]{10,100}$/;
export const userNameRule = "10 to 100 letters, digits, _, - or .";

/** Chosen policy (the seeds say only "the organization's password policy"). */
export const passwordPolicy = "12 to 128 characters with at least one lowercase letter, one uppercase letter and one digit";

export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= 12 && password.length <= 128 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /[0-9]/.test(password);
}

export const absolutePathRule = "an absolute path starting with / and without . or .. segments";

export function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") && !path.includes("\0") && !path.split("/").some((s) => s === "." || s === "..");
}

/** The form the service stores directories in: no repeated or trailing slashes but the root. */
export function normalizeDirectory(path: string): string {
  const collapsed = path.replace(/\/+/g, "/");
  return collapsed.length > 1 ? collapsed.replace(/\/$/, "") : collapsed;
}

export function isIpOrCidr(source: string): boolean {
  const [address, prefix, ...rest] = source.split("/");
  if (rest.length) return false;
  const v4 = address.split(".");
  const isV4 = v4.length === 4 && v4.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
  const isV6 = !isV4 && /^[0-9a-fA-F:]+$/.test(address) && address.includes(":") && address.split("::").length <= 2;
  if (!isV4 && !isV6) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (isV4 ? 32 : 128);
}

/** The rule a credential starts with, and gets back when its allow-list is removed. */
export const allowAnywhereRule = {
  Protocol: "*",
  State: "enabled",
  Action: "allow",
  Source: "0.0.0.0/0",
  Description: "Allow all inbound traffic from anywhere",
} as const;
