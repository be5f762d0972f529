import type * as pulumi from "@pulumi/pulumi";
import { readSettings, sftpToGoClient, stediClient, type ProviderSettings } from "./config";
import { CachedReads, type ProviderContext } from "./context";
import { credentialProvider } from "./credential";
import type { ProviderRuntime, ResourceKind } from "./delegate";
import { inboundRulesProvider } from "./inbound-rules";
import { shareLinkProvider } from "./share-link";
import { sshPublicKeyProvider } from "./ssh-public-key";
import { stediUserProvider } from "./stedi-user";
import { webhookProvider } from "./webhook";

/**
 * Loaded by package name inside Pulumi's dynamic-provider process (see DelegatingProvider).
 * Settings arrive through `configure`; clients are built on first use, never serialized.
 */
let settings: ProviderSettings = readSettings({ get: () => undefined });

const lazily = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const sftpToGo = lazily(() => sftpToGoClient(settings));
const stedi = lazily(() => stediClient(settings));
const context: ProviderContext = { sftpToGo, stedi, now: Date.now, reads: new CachedReads(sftpToGo, stedi, Date.now) };

/** Every write drops the reads cached for refresh, so no read after it sees the old answer. */
function invalidatingReads(provider: pulumi.dynamic.ResourceProvider): pulumi.dynamic.ResourceProvider {
  const afterWrite =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        context.reads.written();
      }
    };
  return {
    ...provider,
    create: afterWrite(provider.create),
    ...(provider.update && { update: afterWrite(provider.update) }),
    ...(provider.delete && { delete: afterWrite(provider.delete) }),
  };
}

const providers: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  "sftptogo:Credential": invalidatingReads(credentialProvider(context)),
  "sftptogo:SshPublicKey": invalidatingReads(sshPublicKeyProvider(context)),
  "sftptogo:InboundRules": invalidatingReads(inboundRulesProvider(context)),
  "sftptogo:Webhook": invalidatingReads(webhookProvider(context)),
  "sftptogo:ShareLink": invalidatingReads(shareLinkProvider(context)),
  "stedi:User": invalidatingReads(stediUserProvider(context)),
};

export const runtime: ProviderRuntime = {
  async configure(req) {
    settings = readSettings(req.config);
  },
  provider(kind) {
    const provider = providers[kind];
    if (!provider) throw new Error(`This release of pulumi-sftp-partners does not know resources of kind '${kind}'`);
    return provider;
  },
};

export const { configure, provider } = runtime;
