import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A request the service refuses; each API renders it in its own wire format. */
export class Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  requestId: string;
  /** Who the API key belongs to: an organization id or a Stedi account name. */
  principal: string;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  /** Query parameters the route understands; any other is refused (strict by default). */
  query?: string[];
}

/** One API on the shared port: its path prefix, auth scheme, error format and routes. */
export interface Service {
  name: string;
  prefix: string;
  authenticate(headers: IncomingMessage["headers"]): string | undefined;
  renderError(failure: Failure): { status: number; headers: Record<string, string>; body: unknown };
  routes: Route[];
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compileRoutes(service: Service): (method: string, path: string) => { route?: Route; params: Record<string, string>; pathKnown: boolean } {
  const compiled: CompiledRoute[] = service.routes.map((route) => {
    const names: string[] = [];
    const source = (service.prefix + route.pattern).replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { ...route, regex: new RegExp(`^${source}/?$`), names };
  });
  return (method, path) => {
    let pathKnown = false;
    for (const route of compiled) {
      const match = route.regex.exec(path);
      if (!match) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      return { route, params, pathKnown };
    }
    return { params: {}, pathKnown };
  };
}

export function rejectUnknownQuery(route: Route, query: URLSearchParams): void {
  const unknown = [...new Set(query.keys())].filter((name) => !route.query?.includes(name));
  if (unknown.length === 0) return;
  const allowed = route.query?.length ? `; supported: ${route.query.join(", ")}` : "; this operation takes none";
  throw new Failure(
    400,
    "ValidationError",
    `Query parameter ${unknown.map((name) => `'${name}'`).join(", ")} is not supported by ${route.method} ${route.pattern}${allowed}`,
    unknown.map((name) => ({ field: name, message: "unsupported query parameter" })),
  );
}

export const maxBodyBytes = 1 << 20;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Failure(413, "PayloadTooLarge", `Request body exceeds ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    throw new Failure(415, "UnsupportedMediaType", `Content-Type must be application/json, got '${contentType || "(none)"}'`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Failure(400, "InvalidJson", "Request body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : { "content-length": 0 }),
  });
  res.end(payload);
}

export function newRequestId(): string {
  return randomUUID();
}
