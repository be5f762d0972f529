import type { EmulatorContext } from "../context";
import { Failure, type Service } from "../http";
import { CredentialHandlers } from "./credentials";

/** SFTP To Go under /organizations/{organizationId}, authenticated with `Bearer <api key>`. */
export function sftpToGoService(emulator: EmulatorContext): { service: Service; credentials: CredentialHandlers } {
  const credentials = new CredentialHandlers(emulator);
  const service: Service = {
    name: "sftptogo",
    prefix: "/organizations/{organizationId}",
    authenticate(headers) {
      const match = /^Bearer (\S+)$/.exec(headers.authorization ?? "");
      return match ? emulator.store.organizationForKey(match[1]) : undefined;
    },
    renderError(failure: Failure) {
      const body = {
        message: failure.message,
        code: failure.code,
        ...(failure.fields.length > 0 && { errors: failure.fields }),
      };
      return { status: failure.status, headers: failure.headers, body };
    },
    routes: [
      { method: "GET", pattern: "/users", handler: credentials.list },
      { method: "POST", pattern: "/users", handler: credentials.create },
      { method: "GET", pattern: "/users/{id}", handler: credentials.get },
      { method: "PATCH", pattern: "/users/{id}", handler: credentials.update },
      { method: "DELETE", pattern: "/users/{id}", handler: credentials.remove },
      { method: "POST", pattern: "/users/{id}/credential-rotations", handler: credentials.rotate },
    ],
  };
  return { service, credentials };
}
