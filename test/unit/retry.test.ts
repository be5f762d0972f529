import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs, shouldRetry } from "../../sdk/retry";

const policy = defaultRetryPolicy;

describe("retry policy", () => {
  it("retries 429 for every method, a create included", () => {
    assert.equal(shouldRetry("POST", { kind: "response", status: 429 }, 1, policy), true);
  });
  it("retries 5xx only for idempotent methods, so a create is never made twice", () => {
    assert.equal(shouldRetry("GET", { kind: "response", status: 503 }, 1, policy), true);
    assert.equal(shouldRetry("DELETE", { kind: "response", status: 500 }, 1, policy), true);
    assert.equal(shouldRetry("POST", { kind: "response", status: 503 }, 1, policy), false);
    assert.equal(shouldRetry("PATCH", { kind: "response", status: 502 }, 1, policy), false);
  });
  it("retries a create whose connection was refused, not one that may have been sent", () => {
    assert.equal(shouldRetry("POST", { kind: "network", sent: false }, 1, policy), true);
    assert.equal(shouldRetry("POST", { kind: "network", sent: true }, 1, policy), false);
  });
  it("never retries client errors", () => {
    for (const status of [400, 401, 403, 404, 409]) assert.equal(shouldRetry("GET", { kind: "response", status }, 1, policy), false);
  });
  it("stops after the capped number of attempts", () => {
    assert.equal(shouldRetry("GET", { kind: "response", status: 503 }, policy.maxAttempts, policy), false);
  });
  it("reads Retry-After as seconds or as an HTTP date", () => {
    assert.equal(parseRetryAfter("3", 0), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(parseRetryAfter("soon", 0), undefined);
    assert.equal(parseRetryAfter(undefined, 0), undefined);
  });
  it("honours Retry-After up to the cap, else backs off exponentially with jitter", () => {
    assert.equal(retryDelayMs(1, policy, 1500, 0.5), 1500);
    assert.equal(retryDelayMs(1, policy, 60_000, 0.5), policy.maxDelayMs);
    assert.equal(retryDelayMs(3, policy, undefined, 0.5), Math.floor(0.5 * policy.baseDelayMs * 4));
    assert.ok(retryDelayMs(30, policy, undefined, 0.999) <= policy.maxDelayMs);
  });
});
