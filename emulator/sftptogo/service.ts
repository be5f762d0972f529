import type { EmulatorContext } from "../context";
import { Failure, type Service } from "../http";
import { CredentialHandlers } from "./credentials";
import { ShareLinkHandlers } from "./share-links";
import { SshKeyHandlers } from "./ssh-keys";
import { WebhookHandlers } from "./webhooks";

/** SFTP To Go under /organizations/{organizationId}, authenticated with `Bearer <api key>`. */
export function sftpToGoService(emulator: EmulatorContext): { service: Service; credentials: CredentialHandlers } {
  const credentials = new CredentialHandlers(emulator);
  const keys = new SshKeyHandlers(emulator, credentials);
  const webhooks = new WebhookHandlers(emulator);
  const links = new ShareLinkHandlers(emulator);
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
      { method: "GET", pattern: "/users/{id}/ssh-public-keys", handler: keys.list },
      { method: "POST", pattern: "/users/{id}/ssh-public-keys", handler: keys.add },
      { method: "DELETE", pattern: "/users/{id}/ssh-public-keys/{keyId}", handler: keys.remove },
      { method: "GET", pattern: "/webhooks", handler: webhooks.list },
      { method: "POST", pattern: "/webhooks", handler: webhooks.create },
      { method: "PATCH", pattern: "/webhooks/{id}", handler: webhooks.update },
      { method: "DELETE", pattern: "/webhooks/{id}", handler: webhooks.remove },
      { method: "GET", pattern: "/portal-links", handler: links.list },
      { method: "POST", pattern: "/portal-links", handler: links.create },
      { method: "GET", pattern: "/portal-links/{id}", handler: links.get },
      { method: "PATCH", pattern: "/portal-links/{id}", handler: links.update },
      { method: "DELETE", pattern: "/portal-links/{id}", handler: links.remove },
      // Emulator extension: what the data plane sent to the organization's webhooks.
      { method: "GET", pattern: "/webhook-deliveries", handler: (ctx) => ({ status: 200, body: emulator.webhooks.deliveries(ctx.principal) }) },
    ],
  };
  return { service, credentials };
}
