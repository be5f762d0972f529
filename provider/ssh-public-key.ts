import * as pulumi from "@pulumi/pulumi";
import type { SshPublicKey as WireKey } from "../sdk/sftptogo/schemas";
import { parsePublicKey } from "../sdk/sftptogo/ssh-keys";
import { FieldChecker, diffBySpec, diffResult, ignoreNotFound } from "./checks";
import type { ProviderContext } from "./context";
import { providerFor } from "./delegate";
import { sshPublicKeySpec } from "./specs";

export interface SshPublicKeyArgs {
  /** Id of the credential the key logs in as; a change replaces the key. */
  credentialId: pulumi.Input<string>;
  /** One OpenSSH public key line. Whitespace and comment are not compared; another key replaces it. */
  publicKey: pulumi.Input<string>;
  /** Id of a key the credential already has, to manage it instead of adding it again. */
  adoptId?: pulumi.Input<string>;
}

type Props = Record<string, unknown>;

/** `<algorithm> <base64>` of a key line, or the line itself when it does not parse. */
export function canonicalKey(line: unknown): unknown {
  if (typeof line !== "string") return line;
  const parsed = parsePublicKey(line);
  return parsed instanceof Error ? line.trim() : parsed.canonical;
}

export function checkSshPublicKey(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] } {
  const check = new FieldChecker(news);
  check.string("credentialId", { required: true });
  check.string("publicKey", { required: true });
  check.explain("publicKey", (value) => {
    const parsed = parsePublicKey(String(value));
    return parsed instanceof Error ? `it ${parsed.message}` : undefined;
  });
  check.string("adoptId");
  return { inputs: news, failures: check.failures };
}

export const diffSshPublicKey = (olds: Props, news: Props) =>
  diffResult(diffBySpec(sshPublicKeySpec, olds, news, { publicKey: (next, previous) => canonicalKey(next) === canonicalKey(previous) }));

function toOutputs(key: WireKey, credentialId: string, publicKey: unknown) {
  return {
    credentialId,
    // The key as declared, unless the service holds a different one.
    publicKey: canonicalKey(publicKey) === canonicalKey(key.SshPublicKeyBody) ? publicKey : key.SshPublicKeyBody,
    keyType: key.Type,
    fingerprint: key.Fingerprint,
    comment: key.Comment ?? "",
    createdAt: key.CreatedAt,
  };
}

export function sshPublicKeyProvider(ctx: ProviderContext): pulumi.dynamic.ResourceProvider {
  return {
    async check(_olds: Props, news: Props) {
      return checkSshPublicKey(news);
    },
    async diff(_id: string, olds: Props, news: Props) {
      return diffSshPublicKey(olds, news);
    },
    async create(inputs: Props) {
      const credentialId = inputs.credentialId as string;
      let key: WireKey | undefined;
      if (inputs.adoptId) {
        key = (await ctx.sftpToGo().listSshPublicKeys(credentialId)).find((k) => k.Id === inputs.adoptId);
        if (!key) throw new Error(`credential ${credentialId} has no SSH key ${inputs.adoptId as string} to adopt`);
        if (canonicalKey(key.SshPublicKeyBody) !== canonicalKey(inputs.publicKey)) {
          throw new Error(`SSH key ${key.Id} to adopt is ${key.Fingerprint}, not the publicKey given`);
        }
      } else {
        key = await ctx.sftpToGo().addSshPublicKey(credentialId, inputs.publicKey as string);
      }
      return { id: key.Id, outs: toOutputs(key, credentialId, inputs.publicKey) };
    },
    async read(id: string, props: Props) {
      const credentialId = props.credentialId as string;
      const key = (await ctx.reads.sshPublicKeys(credentialId))?.find((k) => k.Id === id);
      return key ? { id, props: toOutputs(key, credentialId, props.publicKey) } : {};
    },
    async delete(id: string, props: Props) {
      await ignoreNotFound(ctx.sftpToGo().removeSshPublicKey(props.credentialId as string, id));
    },
  };
}

/** An SSH public key that logs in as a credential. */
export class SshPublicKey extends pulumi.dynamic.Resource {
  declare readonly credentialId: pulumi.Output<string>;
  declare readonly publicKey: pulumi.Output<string>;
  declare readonly keyType: pulumi.Output<string>;
  declare readonly fingerprint: pulumi.Output<string>;
  declare readonly comment: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;

  constructor(name: string, args: SshPublicKeyArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { keyType: undefined, fingerprint: undefined, comment: undefined, createdAt: undefined };
    super(providerFor("sftptogo:SshPublicKey"), name, { ...outputs, ...args }, opts, "sftptogo", "SshPublicKey");
  }
}
