import type { EmulatorContext } from "../context";
import type { Failure, Service } from "../http";
import { StediUserHandlers } from "./users";

/** Stedi SFTP under /2022-04-01, authenticated with `Key <api key>`, with Smithy REST-JSON errors. */
export function stediService(emulator: EmulatorContext): Service {
  const users = new StediUserHandlers(emulator);
  return {
    name: "stedi",
    prefix: "/2022-04-01",
    authenticate(headers) {
      const match = /^Key (\S+)$/.exec(headers.authorization ?? "");
      return match ? emulator.store.accountForKey(match[1]) : undefined;
    },
    renderError(failure: Failure) {
      const code = failure.code === "ValidationError" ? "ValidationException" : failure.code;
      const body = {
        message: failure.message,
        code,
        ...(code === "ValidationException" && {
          fieldList: failure.fields.map((f) => ({ path: "/" + f.field.replace(/\./g, "/"), message: f.message })),
        }),
      };
      return { status: failure.status, headers: { ...failure.headers, "x-amzn-errortype": code }, body };
    },
    routes: [
      { method: "POST", pattern: "/users", handler: users.create },
      { method: "GET", pattern: "/users", handler: users.list, query: ["pageSize", "pageToken"] },
      { method: "GET", pattern: "/users/{username}", handler: users.read },
      { method: "PUT", pattern: "/users/{username}", handler: users.update },
      { method: "DELETE", pattern: "/users/{username}", handler: users.remove },
    ],
  };
}
