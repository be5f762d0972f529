export { Credential, type CredentialArgs, type Permission, type CredentialState } from "./credential";
export { SshPublicKey, type SshPublicKeyArgs } from "./ssh-public-key";
export { InboundRules, type InboundRulesArgs, type InboundRuleArgs } from "./inbound-rules";
export { Webhook, type WebhookArgs } from "./webhook";
export { ShareLink, type ShareLinkArgs } from "./share-link";
export { StediUser, type StediUserArgs } from "./stedi-user";
export { TradingPartner, type TradingPartnerArgs } from "./trading-partner";
export * from "./lookups";
export { readSettings, type ProviderSettings } from "./config";
