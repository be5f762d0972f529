import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { closed, listen } from "./listen";
import { decideFault, type FaultOptions } from "./faults";
import { Failure, compileRoutes, newRequestId, readJsonBody, rejectUnknownQuery, sendJson, type Service } from "./http";

export interface RequestStats {
  total: number;
  /** Requests per `METHOD /pattern` of the API routes, counted before auth and faults. */
  byRoute: Record<string, number>;
}

/** A non-API part of the port, such as share-link downloads, served by path prefix. */
export interface PathHandler {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/** The HTTP side of the emulator: one port, each API under its own prefix. */
export class ApiServer {
  private readonly server: Server;
  private readonly matchers: { service: Service; match: ReturnType<typeof compileRoutes> }[];
  readonly stats: RequestStats = { total: 0, byRoute: {} };

  constructor(
    services: Service[],
    private readonly faults: FaultOptions,
    private readonly pathHandlers: PathHandler[] = [],
  ) {
    this.matchers = services.map((service) => ({ service, match: compileRoutes(service) }));
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error("emulator: unhandled error", error);
        if (!res.headersSent) sendJson(res, 500, { message: "Internal error" });
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  listen(port: number, host: string): Promise<number> {
    return listen(this.server, port, host);
  }

  async close(): Promise<void> {
    this.server.closeIdleConnections();
    await closed(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    res.setHeader("x-request-id", requestId);
    res.setHeader("x-amzn-requestid", requestId);
    const url = new URL(req.url ?? "/", "http://emulator");
    const method = req.method ?? "GET";
    if (url.pathname === "/_emulator/health") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/_emulator/stats") return sendJson(res, 200, this.stats);
    const pathHandler = this.pathHandlers.find((handler) => url.pathname.startsWith(handler.prefix));
    if (pathHandler) return pathHandler.handle(req, res, url);

    for (const { service, match } of this.matchers) {
      const { route, params, pathKnown } = match(method, url.pathname);
      if (!pathKnown) continue;
      this.stats.total++;
      const routeKey = `${method} ${route ? service.prefix + route.pattern : url.pathname}`;
      this.stats.byRoute[routeKey] = (this.stats.byRoute[routeKey] ?? 0) + 1;
      try {
        if (this.faults.latencyMs) await delay(this.faults.latencyMs);
        const fault = decideFault(this.faults);
        if (fault) {
          const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
          throw new Failure(fault.status, fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable", "Injected fault", [], headers);
        }
        const principal = service.authenticate(req.headers);
        if (principal === undefined) throw new Failure(401, "Unauthorized", "Missing or invalid API key");
        if (params.organizationId !== undefined && params.organizationId !== principal) {
          throw new Failure(403, "Forbidden", `The API key does not grant access to organization '${params.organizationId}'`);
        }
        if (!route) throw new Failure(405, "MethodNotAllowed", `${method} is not supported on ${url.pathname}`);
        rejectUnknownQuery(route, url.searchParams);
        const body = await readJsonBody(req);
        const reply = route.handler({ method, path: url.pathname, params, query: url.searchParams, headers: req.headers, body, requestId, principal });
        return sendJson(res, reply.status, reply.body);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        const rendered = service.renderError(error);
        return sendJson(res, rendered.status, rendered.body, rendered.headers);
      }
    }
    sendJson(res, 404, { message: `No API at ${url.pathname}` });
  }
}
