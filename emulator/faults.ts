/** Fault injection for reliability tests; off unless configured. A failed request changes nothing. */
export interface FaultOptions {
  /** Share of API requests answered 429, from 0 to 1. */
  rateLimitRate?: number;
  /** Share of API requests answered 503, from 0 to 1. */
  serverErrorRate?: number;
  retryAfterSeconds?: number;
  /** Added to every API request, in milliseconds. */
  latencyMs?: number;
}

export type FaultDecision = { status: 429 | 503; retryAfterSeconds?: number } | undefined;

export function decideFault(options: FaultOptions, random: () => number = Math.random): FaultDecision {
  if (options.rateLimitRate && random() < options.rateLimitRate) {
    return { status: 429, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
  }
  if (options.serverErrorRate && random() < options.serverErrorRate) return { status: 503 };
  return undefined;
}
