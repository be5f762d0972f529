import type * as pulumi from "@pulumi/pulumi";
import { NotFoundError } from "../sdk/errors";
import type { PropertySpec, ResourceSpec } from "./specs";

/** The value Pulumi passes for inputs not known during preview. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const isUnknown = (value: unknown) => value === unknownValue;

export type Failure = pulumi.dynamic.CheckFailure;

/** Shows a bad value in a check failure without ever echoing a secret. */
export function shown(value: unknown, secret = false): string {
  if (secret) return "(secret value)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}…" (${text.length} characters)` : text;
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
    this.explain(property, (value) => (valid(value) ? undefined : allowed), secret);
  }

  /** `why` says what is wrong with a value ("it ..."), or undefined when it is fine. */
  explain(property: string, why: (value: unknown) => string | undefined, secret = false): void {
    const value = this.value(property, false);
    const problem = value === undefined ? undefined : why(value);
    if (problem) this.fail(property, value, problem, secret);
  }
}

export type Equivalence = (next: unknown, previous: unknown) => boolean;

const setKey = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value.map((item) => JSON.stringify(item)).sort()) : JSON.stringify(value));

function inputChanged(property: PropertySpec, next: unknown, previous: unknown, equivalent?: Equivalence): boolean {
  if (isUnknown(next) || (Array.isArray(next) && next.some(isUnknown))) return true;
  const a = next ?? property.default ?? null;
  const b = previous ?? property.default ?? null;
  if (equivalent) return !equivalent(a, b);
  return property.set ? setKey(a) !== setKey(b) : JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * The inputs whose new value differs from the stored output, split by the spec into those that
 * replace the object and those updated in place. An omitted input the service generates (a user
 * name, say) is not a change; one with a documented default equals that default.
 */
export function diffBySpec(
  spec: ResourceSpec,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  equivalent: Record<string, Equivalence> = {},
): { replaces: string[]; updates: string[] } {
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const [key, property] of Object.entries(spec.inputs)) {
    if (property.createOnly || (property.replaceOnChanges && news[key] === undefined)) continue;
    if (inputChanged(property, news[key], olds[key], equivalent[key])) (property.replaceOnChanges ? replaces : updates).push(key);
  }
  return { replaces, updates };
}

export function diffResult({ replaces, updates }: { replaces: string[]; updates: string[] }): pulumi.dynamic.DiffResult {
  return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
}

/** Deleting what is already gone is done. */
export async function ignoreNotFound(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}
