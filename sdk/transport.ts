import { Agent, type Dispatcher } from "undici";
import { type ZodType } from "zod";
import { ApiError, ConnectionError, ResponseShapeError, errorFromResponse } from "./errors";
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs, shouldRetry, type AttemptOutcome, type RetryPolicy } from "./retry";

/** What a service's error body says, in the terms of ApiError. */
export interface ErrorDescription {
  message?: string;
  code?: string;
  fields?: { path: string; message: string }[];
}

export interface RequestSenderOptions {
  baseUrl: string;
  /** The whole Authorization header value, e.g. `Bearer <key>`; never logged or put in errors. */
  authorization: string;
  describeError: (body: unknown, headers: Record<string, string | string[] | undefined>) => ErrorDescription;
  /** An undici dispatcher to send through; by default one keep-alive Agent per sender. */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOptions<T> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The documented shape of a success body; omitted for calls whose body is ignored. */
  schema?: ZodType<T>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends JSON requests to one API: auth, timeouts, retries, error mapping and response validation. */
export class RequestSender {
  private readonly options: RequestSenderOptions;
  private readonly dispatcher: Dispatcher;
  private readonly origin: string;
  private readonly basePath: string;

  constructor(options: RequestSenderOptions) {
    this.options = options;
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, "");
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  }

  async send<T>(request: SendOptions<T>): Promise<T> {
    const policy = this.options.retryPolicy ?? defaultRetryPolicy;
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request);
      if (!(result instanceof ApiError)) return result;
      const outcome: AttemptOutcome =
        result.status === undefined
          ? { kind: "network", sent: result.requestSent }
          : { kind: "response", status: result.status };
      if (!shouldRetry(request.method, outcome, attempt, policy)) throw result;
      await sleep(retryDelayMs(attempt, policy, result.retryAfterMs, Math.random()));
    }
  }

  /** Returns the parsed body or the error of this one attempt (errors are returned, not thrown, to decide on retry). */
  private async attempt<T>(request: SendOptions<T>): Promise<T | ApiError> {
    const path = this.basePath + request.path;
    const query = Object.entries(request.query ?? {}).filter(([, v]) => v !== undefined) as [string, string | number][];
    const search = query.length ? "?" + new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString() : "";
    const timeout = this.options.timeoutMs ?? 30_000;
    const headers: Record<string, string> = {
      authorization: this.options.authorization,
      accept: "application/json",
      "user-agent": this.options.userAgent ?? "pulumi-sftp-partners",
    };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    let response: Dispatcher.ResponseData;
    try {
      response = await this.dispatcher.request({
        origin: this.origin,
        path: path + search,
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch (cause) {
      const code = (cause as { code?: string }).code;
      return new ConnectionError(`${request.method} ${path} could not reach ${this.origin}: ${code ?? (cause as Error).message}`, {
        method: request.method,
        path,
        code,
        // A refused connection never carried the request, so even a create may be tried again.
        requestSent: code !== "ECONNREFUSED",
        cause,
      });
    }
    const text = await response.body.text();
    const requestId = headerValue(response.headers["x-request-id"] ?? response.headers["x-amzn-requestid"]);
    const parsed = parseJson(text);
    if (response.statusCode >= 300) {
      const description = this.options.describeError(parsed, response.headers);
      return errorFromResponse(description.message, {
        status: response.statusCode,
        requestId,
        code: description.code,
        fields: description.fields,
        retryAfterMs: parseRetryAfter(headerValue(response.headers["retry-after"]), Date.now()),
        method: request.method,
        path,
      });
    }
    if (!request.schema) return undefined as T;
    const checked = request.schema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return new ResponseShapeError(
        `${request.method} ${path} returned an unexpected body: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
        { status: response.statusCode, requestId, method: request.method, path, cause: checked.error },
      );
    }
    return checked.data;
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close();
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
