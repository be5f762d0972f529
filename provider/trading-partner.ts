import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { Credential, type CredentialArgs } from "./credential";
import { InboundRules, type InboundRuleArgs } from "./inbound-rules";
import { ShareLink, type ShareLinkArgs } from "./share-link";
import { SshPublicKey, canonicalKey } from "./ssh-public-key";
import { Webhook, type WebhookArgs } from "./webhook";

export interface TradingPartnerArgs extends Omit<CredentialArgs, "adoptId"> {
  /** OpenSSH public key lines the partner may log in with. */
  sshPublicKeys?: string[];
  /** Where the partner may connect from (addresses, CIDR ranges or full rules); anywhere when omitted. */
  allowedSources?: pulumi.Input<pulumi.Input<InboundRuleArgs | string>[]>;
  /** A webhook told of the organization's file events for this partner's integration. */
  webhook?: WebhookArgs;
  /** A link sharing a file or folder with the partner without a login. */
  shareLink?: ShareLinkArgs;
}

/** A short, stable name for a key: the same key keeps its resource whatever its position or comment. */
const keyName = (line: string) => createHash("sha256").update(String(canonicalKey(line))).digest("hex").slice(0, 10);

/** One trading partner onboarded in one declaration: a login, its keys, its allow-list, a webhook and a share link. */
export class TradingPartner extends pulumi.ComponentResource {
  readonly credential: Credential;
  readonly sshPublicKeys: SshPublicKey[];
  readonly inboundRules?: InboundRules;
  readonly webhook?: Webhook;
  readonly shareLink?: ShareLink;
  readonly userName: pulumi.Output<string>;
  /** Secret. */
  readonly password: pulumi.Output<string>;
  readonly host: pulumi.Output<string>;

  constructor(name: string, args: TradingPartnerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("sftp-partners:index:TradingPartner", name, {}, opts);
    const { sshPublicKeys = [], allowedSources, webhook, shareLink, ...credentialArgs } = args;
    const child = { parent: this };
    this.credential = new Credential(name, credentialArgs, child);
    const credentialId = this.credential.id;
    this.sshPublicKeys = sshPublicKeys.map((publicKey) => new SshPublicKey(`${name}-key-${keyName(publicKey)}`, { credentialId, publicKey }, child));
    if (allowedSources) this.inboundRules = new InboundRules(`${name}-allow`, { credentialId, rules: allowedSources }, child);
    if (webhook) this.webhook = new Webhook(`${name}-webhook`, webhook, child);
    if (shareLink) this.shareLink = new ShareLink(`${name}-share`, shareLink, child);
    this.userName = this.credential.userName;
    this.password = this.credential.password;
    this.host = this.credential.host;
    this.registerOutputs({ userName: this.userName, password: this.password, host: this.host });
  }
}
