// Test program: declares the credentials of the `credentials` config object, then the resources
// of the `resources` object ({name: {kind, args}}); a string arg "id:<name>" is that resource's id.
import * as pulumi from "@pulumi/pulumi";
import * as partners from "pulumi-sftp-partners";

type Made = pulumi.CustomResource | partners.TradingPartner;
const config = new pulumi.Config();
const credentials = config.getObject<Record<string, partners.CredentialArgs>>("credentials") ?? {};
const resources = config.getObject<Record<string, { kind: string; args: Record<string, unknown> }>>("resources") ?? {};

const made: Record<string, Made> = {};
const idOf = (name: string) => {
  const resource = made[name];
  return resource instanceof partners.TradingPartner ? resource.credential.id : resource.id;
};
const resolve = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).map(([key, value]) => [key, typeof value === "string" && value.startsWith("id:") ? idOf(value.slice(3)) : value]));

const kinds: Record<string, new (name: string, args: never) => Made> = {
  SshPublicKey: partners.SshPublicKey,
  InboundRules: partners.InboundRules,
  Webhook: partners.Webhook,
  ShareLink: partners.ShareLink,
  StediUser: partners.StediUser,
  TradingPartner: partners.TradingPartner,
};

for (const [name, args] of Object.entries(credentials)) made[name] = new partners.Credential(name, args);
for (const [name, { kind, args }] of Object.entries(resources)) made[name] = new kinds[kind](name, resolve(args) as never);

export const ids = Object.fromEntries(Object.keys(made).map((name) => [name, idOf(name)]));
export const usernames = Object.fromEntries(Object.entries(credentials).map(([name]) => [name, (made[name] as partners.Credential).userName]));
export const passwords = Object.fromEntries(
  Object.entries(made)
    .filter(([, r]) => r instanceof partners.Credential || r instanceof partners.StediUser || r instanceof partners.TradingPartner)
    .map(([name, r]) => [name, (r as partners.Credential).password]),
);
export const webhookSecrets = Object.fromEntries(Object.entries(made).filter(([, r]) => r instanceof partners.Webhook).map(([name, r]) => [name, (r as partners.Webhook).secret]));

const lookupUserName = config.get("lookupUserName");
export const lookedUp = lookupUserName ? pulumi.output(partners.findCredentialByUserName(lookupUserName)).apply((c) => c?.Id ?? "none") : undefined;
