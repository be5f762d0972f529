import type * as pulumi from "@pulumi/pulumi";

/** The value Pulumi passes for inputs not known during preview. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const isUnknown = (value: unknown) => value === unknownValue;

export type Failure = pulumi.dynamic.CheckFailure;

/** Shows a bad value in a check failure without ever echoing a secret. */
export function shown(value: unknown, secret = false): string {
  if (secret) return "(secret value)";
  return JSON.stringify(value) ?? String(value);
}

/** Collects check failures field by field; a field whose value is unknown at preview is not judged. */
export class FieldChecker {
  readonly failures: Failure[] = [];

  constructor(private readonly inputs: Record<string, unknown>) {}

  private fail(property: string, value: unknown, allowed: string, secret = false): void {
    const reason = `${property} is ${shown(value, secret)}; ${allowed}`;
    // The engine prints the input value of a failing property, plaintext even when it is a
    // secret, so a failure on a secret field is reported against the resource instead.
    this.failures.push({ property: secret ? "" : property, reason });
  }

  private value(property: string, required: boolean): unknown {
    const value = this.inputs[property];
    if (value === undefined || value === null) {
      if (required) this.failures.push({ property, reason: `${property} is required` });
      return undefined;
    }
    return isUnknown(value) ? undefined : value;
  }

  string(property: string, opts: { required?: boolean; pattern?: RegExp; allowed?: string; maxLength?: number; secret?: boolean } = {}): void {
    const value = this.value(property, opts.required ?? false);
    if (value === undefined) return;
    if (typeof value !== "string") return this.fail(property, value, "it must be a string", opts.secret);
    if (opts.maxLength !== undefined && value.length > opts.maxLength) {
      return this.fail(property, value, `it must be at most ${opts.maxLength} characters`, opts.secret);
    }
    if (opts.pattern && !opts.pattern.test(value)) this.fail(property, value, opts.allowed ?? `it must match ${opts.pattern}`, opts.secret);
  }

  oneOf(property: string, choices: readonly string[], required = false): void {
    const value = this.value(property, required);
    if (value !== undefined && !choices.includes(value as string)) this.fail(property, value, `allowed values are ${choices.join(", ")}`);
  }

  integer(property: string, opts: { min?: number; max?: number; required?: boolean } = {}): void {
    const value = this.value(property, opts.required ?? false);
    if (value === undefined) return;
    const ok = typeof value === "number" && Number.isInteger(value) && value >= (opts.min ?? -Infinity) && value <= (opts.max ?? Infinity);
    if (!ok) {
      const range = [opts.min !== undefined && `at least ${opts.min}`, opts.max !== undefined && `at most ${opts.max}`].filter(Boolean).join(" and ");
      this.fail(property, value, `it must be a whole number${range ? " " + range : ""}`);
    }
  }

  custom(property: string, valid: (value: unknown) => boolean, allowed: string, secret = false): void {
    const value = this.value(property, false);
    if (value !== undefined && !valid(value)) this.fail(property, value, allowed, secret);
  }
}

/** Whether an input differs from the stored output; unknown inputs always count as a change. */
export function changed(news: Record<string, unknown>, olds: Record<string, unknown>, key: string): boolean {
  const next = news[key];
  if (isUnknown(next)) return true;
  return JSON.stringify(next ?? null) !== JSON.stringify(olds[key] ?? null);
}
