import { z } from "zod";
import { RequestSender, type ErrorDescription, type RequestSenderOptions } from "../transport";
import {
  credentialSchema,
  errorBodySchema,
  messageSchema,
  shareLinkSchema,
  sshPublicKeySchema,
  webhookSchema,
  type Credential,
  type CredentialFields,
  type InboundRule,
  type ShareLink,
  type ShareLinkFields,
  type SshPublicKey,
  type Webhook,
  type WebhookFields,
} from "./schemas";

export const defaultSftpToGoApiUrl = "https://api.sftptogo.com";

export interface SftpToGoClientOptions extends Pick<RequestSenderOptions, "dispatcher" | "timeoutMs" | "retryPolicy" | "sleep"> {
  apiKey: string;
  organizationId: string;
  /** Origin of the API; the organization path is added by the client. */
  apiUrl?: string;
}

export function describeSftpToGoError(body: unknown): ErrorDescription {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { message: typeof body === "string" ? body.slice(0, 200) : undefined };
  return {
    message: parsed.data.message,
    code: parsed.data.code,
    fields: parsed.data.errors?.map((e) => ({ path: e.field, message: e.message })),
  };
}

const seg = encodeURIComponent;

/** Typed client of the SFTP To Go REST API for one organization. */
export class SftpToGoClient {
  private readonly sender: RequestSender;

  constructor(options: SftpToGoClientOptions) {
    const apiUrl = (options.apiUrl ?? defaultSftpToGoApiUrl).replace(/\/+$/, "");
    this.sender = new RequestSender({
      ...options,
      baseUrl: `${apiUrl}/organizations/${seg(options.organizationId)}`,
      authorization: `Bearer ${options.apiKey}`,
      describeError: describeSftpToGoError,
    });
  }

  listCredentials(): Promise<Credential[]> {
    return this.sender.send({ method: "GET", path: "/users", schema: z.array(credentialSchema) });
  }
  getCredential(id: string): Promise<Credential> {
    return this.sender.send({ method: "GET", path: `/users/${seg(id)}`, schema: credentialSchema });
  }
  createCredential(fields: CredentialFields): Promise<Credential> {
    return this.sender.send({ method: "POST", path: "/users", body: fields, schema: credentialSchema });
  }
  updateCredential(id: string, fields: CredentialFields): Promise<Credential> {
    return this.sender.send({ method: "PATCH", path: `/users/${seg(id)}`, body: fields, schema: credentialSchema });
  }
  /** Replaces every inbound rule of the credential. */
  replaceInboundRules(id: string, rules: Omit<InboundRule, "Id">[] | InboundRule[]): Promise<Credential> {
    return this.sender.send({
      method: "PATCH",
      path: `/users/${seg(id)}`,
      body: { Settings: { Network: { InboundRules: rules } } },
      schema: credentialSchema,
    });
  }
  deleteCredential(id: string): Promise<void> {
    return this.sender.send({ method: "DELETE", path: `/users/${seg(id)}` });
  }
  /** Rotates to a generated password, or sets the given one; read the result with getCredential. */
  async setPassword(id: string, password?: string): Promise<void> {
    await this.sender.send({
      method: "POST",
      path: `/users/${seg(id)}/credential-rotations`,
      body: password === undefined ? undefined : { Password: password },
      schema: messageSchema,
    });
  }

  listSshPublicKeys(credentialId: string): Promise<SshPublicKey[]> {
    return this.sender.send({ method: "GET", path: `/users/${seg(credentialId)}/ssh-public-keys`, schema: z.array(sshPublicKeySchema) });
  }
  addSshPublicKey(credentialId: string, body: string): Promise<SshPublicKey> {
    return this.sender.send({
      method: "POST",
      path: `/users/${seg(credentialId)}/ssh-public-keys`,
      body: { SshPublicKeyBody: body },
      schema: sshPublicKeySchema,
    });
  }
  removeSshPublicKey(credentialId: string, keyId: string): Promise<void> {
    return this.sender.send({ method: "DELETE", path: `/users/${seg(credentialId)}/ssh-public-keys/${seg(keyId)}` });
  }

  listWebhooks(): Promise<Webhook[]> {
    return this.sender.send({ method: "GET", path: "/webhooks", schema: z.array(webhookSchema) });
  }
  createWebhook(fields: WebhookFields): Promise<Webhook> {
    return this.sender.send({ method: "POST", path: "/webhooks", body: fields, schema: webhookSchema });
  }
  updateWebhook(id: string, fields: WebhookFields): Promise<Webhook> {
    return this.sender.send({ method: "PATCH", path: `/webhooks/${seg(id)}`, body: fields, schema: webhookSchema });
  }
  deleteWebhook(id: string): Promise<void> {
    return this.sender.send({ method: "DELETE", path: `/webhooks/${seg(id)}` });
  }

  listShareLinks(): Promise<ShareLink[]> {
    return this.sender.send({ method: "GET", path: "/portal-links", schema: z.array(shareLinkSchema) });
  }
  getShareLink(id: string): Promise<ShareLink> {
    return this.sender.send({ method: "GET", path: `/portal-links/${seg(id)}`, schema: shareLinkSchema });
  }
  createShareLink(fields: ShareLinkFields): Promise<ShareLink> {
    return this.sender.send({ method: "POST", path: "/portal-links", body: { ...fields, Type: "share" }, schema: shareLinkSchema });
  }
  updateShareLink(id: string, fields: ShareLinkFields): Promise<ShareLink> {
    return this.sender.send({ method: "PATCH", path: `/portal-links/${seg(id)}`, body: fields, schema: shareLinkSchema });
  }
  deleteShareLink(id: string): Promise<void> {
    return this.sender.send({ method: "DELETE", path: `/portal-links/${seg(id)}` });
  }

  close(): Promise<void> {
    return this.sender.close();
  }
}
