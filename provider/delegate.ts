import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds this package implements; the names are part of the state format. */
export type ResourceKind =
  | "sftptogo:Credential"
  | "sftptogo:SshPublicKey"
  | "sftptogo:InboundRules"
  | "sftptogo:Webhook"
  | "sftptogo:ShareLink"
  | "stedi:User";

export interface ProviderRuntime {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
  provider(kind: ResourceKind): pulumi.dynamic.ResourceProvider;
}

/**
 * The provider object of every resource. It holds only the resource kind and loads the
 * implementation by package name at run time, so it captures no secret, and state written by
 * this release is served by whatever release of the package is installed when Pulumi later runs
 * read or delete. Keep this class, the `kinds/*` modules and the `provider-runtime` export stable
 * across releases.
 */
export class DelegatingProvider implements pulumi.dynamic.ResourceProvider {
  constructor(private readonly kind: ResourceKind) {}

  configure(req: pulumi.dynamic.ConfigureRequest) {
    return loadRuntime().configure(req);
  }
  check(olds: unknown, news: unknown) {
    return loadRuntime().provider(this.kind).check!(olds, news);
  }
  diff(id: string, olds: unknown, news: unknown) {
    return loadRuntime().provider(this.kind).diff!(id, olds, news);
  }
  create(inputs: unknown) {
    return loadRuntime().provider(this.kind).create(inputs);
  }
  read(id: string, props: unknown) {
    return loadRuntime().provider(this.kind).read!(id, props);
  }
  update(id: string, olds: unknown, news: unknown) {
    return loadRuntime().provider(this.kind).update!(id, olds, news);
  }
  delete(id: string, props: unknown) {
    return loadRuntime().provider(this.kind).delete!(id, props);
  }
}

function loadRuntime(): ProviderRuntime {
  return require("pulumi-sftp-partners/provider-runtime") as ProviderRuntime;
}

/**
 * The provider object of a kind: the whole export of its own module in `kinds/`. Pulumi
 * serializes a module's export found under node_modules as a `require()` of the module, so in
 * an installed package the state holds a one-line reference instead of the provider's code, and
 * each kind is serialized once per program.
 */
export function providerFor(kind: ResourceKind): DelegatingProvider {
  return require(`./kinds/${kindModules[kind]}`) as DelegatingProvider;
}

const kindModules: Record<ResourceKind, string> = {
  "sftptogo:Credential": "credential",
  "sftptogo:SshPublicKey": "ssh-public-key",
  "sftptogo:InboundRules": "inbound-rules",
  "sftptogo:Webhook": "webhook",
  "sftptogo:ShareLink": "share-link",
  "stedi:User": "stedi-user",
};
