/** Retry policy as small pure functions, so each rule can be tested on its own. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 10_000 };

export type AttemptOutcome =
  | { kind: "response"; status: number }
  /** sent: whether the request may have reached the server before the failure. */
  | { kind: "network"; sent: boolean };

const idempotentMethods = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/**
 * Whether another attempt is safe and useful. A 429 was refused before any processing, and a
 * connection that never sent the request changed nothing, so both are retried for every method;
 * a 5xx or a failure after sending is retried only for idempotent methods, so a create is never
 * made twice.
 */
export function shouldRetry(method: string, outcome: AttemptOutcome, attempt: number, policy: RetryPolicy): boolean {
  if (attempt >= policy.maxAttempts) return false;
  const idempotent = idempotentMethods.has(method.toUpperCase());
  if (outcome.kind === "network") return idempotent || !outcome.sent;
  if (outcome.status === 429) return true;
  return outcome.status >= 500 && idempotent;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full-jitter exponential backoff, unless the server said how long to wait. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random * ceiling);
}
