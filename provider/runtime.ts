import type * as pulumi from "@pulumi/pulumi";
import { readSettings, sftpToGoClient, type ProviderSettings } from "./config";
import { credentialProvider } from "./credential";
import type { ProviderRuntime, ResourceKind } from "./delegate";

/**
 * Loaded by package name inside Pulumi's dynamic-provider process (see DelegatingProvider).
 * Settings arrive through `configure`; clients are built on first use, never serialized.
 */
let settings: ProviderSettings = readSettings({ get: () => undefined });

const lazily = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const providers: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  "sftptogo:Credential": credentialProvider(lazily(() => sftpToGoClient(settings))),
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
