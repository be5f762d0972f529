import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const hexId = (bytes = 15) => randomBytes(bytes).toString("hex");

const lower = "abcdefghijkmnopqrstuvwxyz";
const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const digits = "23456789";

/** A random password of the given length with every character class the policy asks for. */
export function generatePassword(length = 24): string {
  const all = lower + upper + digits;
  const chars = [lower, upper, digits].map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

export function randomToken(length: number, alphabet = upper + digits): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** Compares a presented secret with the stored one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
