import * as pulumi from "@pulumi/pulumi";
import type { SftpToGoClient } from "../sdk/sftptogo/client";
import type { Credential, ShareLink, SshPublicKey, Webhook } from "../sdk/sftptogo/schemas";
import type { StediSftpClient, StediUser } from "../sdk/stedi/client";
import { readSettings, sftpToGoClient, stediClient } from "./config";

/**
 * Lookups of objects a program references but does not manage. They run in the program, with
 * the same stack config and environment fallbacks as the resources. Secrets (passwords, webhook
 * signing secrets, authorization headers) are left out of what they return.
 */
export type CredentialInfo = Omit<Credential, "Password">;
export type WebhookInfo = Omit<Webhook, "Secret" | "AuthorizationHeader">;
export type ShareLinkInfo = Omit<ShareLink, "Password">;

const programSettings = () => readSettings({ get: (key) => pulumi.runtime.getConfig(key) });

async function withClient<C extends { close(): Promise<void> }, T>(client: C, work: (client: C) => Promise<T>): Promise<T> {
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}
const sftpToGo = <T>(work: (client: SftpToGoClient) => Promise<T>) => withClient(sftpToGoClient(programSettings()), work);
const stedi = <T>(work: (client: StediSftpClient) => Promise<T>) => withClient(stediClient(programSettings()), work);

const withoutPassword = <T extends { Password?: unknown }>({ Password: _password, ...rest }: T) => rest;

export const getCredential = (id: string): Promise<CredentialInfo> => sftpToGo(async (api) => withoutPassword(await api.getCredential(id)));
export const listCredentials = (): Promise<CredentialInfo[]> => sftpToGo(async (api) => (await api.listCredentials()).map(withoutPassword));
/** The credential whose login name is `userName`, or undefined. */
export const findCredentialByUserName = async (userName: string): Promise<CredentialInfo | undefined> =>
  (await listCredentials()).find((credential) => credential.UserName === userName);
export const listSshPublicKeys = (credentialId: string): Promise<SshPublicKey[]> => sftpToGo((api) => api.listSshPublicKeys(credentialId));
export const listWebhooks = (): Promise<WebhookInfo[]> =>
  sftpToGo(async (api) => (await api.listWebhooks()).map(({ Secret: _secret, AuthorizationHeader: _header, ...rest }) => rest));
export const listShareLinks = (): Promise<ShareLinkInfo[]> => sftpToGo(async (api) => (await api.listShareLinks()).map(withoutPassword));
export const getStediUser = (username: string): Promise<StediUser> => stedi((api) => api.readUser(username));
export const listStediUsers = (): Promise<StediUser[]> => stedi((api) => api.listUsers());
