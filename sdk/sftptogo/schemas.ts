import { z } from "zod";

/** Wire shapes of the SFTP To Go API (see the README's "API choices" for the ambiguous ones). */
export const permissions = ["none", "read-only", "read-write", "write-only", "full"] as const;
export const credentialStates = ["active", "inactive"] as const;
export const ruleProtocols = ["*", "SFTP", "FTPS"] as const;
export const ruleStates = ["enabled", "disabled"] as const;
export const webhookTypes = ["webhook", "slack", "ms-teams", "email"] as const;
export const webhookTopics = ["file.created", "file.deleted", "file.downloaded"] as const;
export const webhookStates = ["enabled", "paused"] as const;
export const shareLinkPermissions = ["read-only", "read-write", "write-only", "read-write-no-delete"] as const;

export const inboundRuleSchema = z.object({
  Id: z.string(),
  Protocol: z.enum(ruleProtocols),
  State: z.enum(ruleStates),
  Action: z.literal("allow"),
  Source: z.string(),
  Description: z.string().optional(),
});
export type InboundRule = z.infer<typeof inboundRuleSchema>;

export const credentialSchema = z.object({
  Id: z.string(),
  OrganizationId: z.string(),
  Alias: z.string().optional(),
  UserName: z.string(),
  Password: z.string().optional(),
  HomeDirectory: z.string(),
  ChrootDirectory: z.string().optional(),
  Permission: z.enum(permissions),
  State: z.enum(credentialStates),
  Expiration: z.number().nullable().optional(),
  IsDefault: z.boolean(),
  Host: z.string().optional(),
  URI: z.string().optional(),
  CreatedAt: z.number(),
  UpdatedAt: z.number(),
  PasswordCreatedAt: z.string().optional(),
  SshPublicKeysCount: z.number().optional(),
  Settings: z.object({ Network: z.object({ InboundRules: z.array(inboundRuleSchema) }) }).optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

export interface CredentialFields {
  Alias?: string;
  UserName?: string;
  Password?: string;
  HomeDirectory?: string;
  ChrootDirectory?: string;
  Permission?: (typeof permissions)[number];
  State?: (typeof credentialStates)[number];
  Expiration?: number | null;
}

export const sshPublicKeySchema = z.object({
  Id: z.string(),
  UserId: z.string(),
  SshPublicKeyBody: z.string(),
  Type: z.string(),
  Fingerprint: z.string(),
  Comment: z.string().optional(),
  CreatedAt: z.number(),
  UpdatedAt: z.number(),
});
export type SshPublicKey = z.infer<typeof sshPublicKeySchema>;

export const webhookSchema = z.object({
  Id: z.string(),
  Alias: z.string().optional(),
  Url: z.string(),
  Type: z.enum(webhookTypes),
  AuthorizationHeader: z.string().nullable().optional(),
  Secret: z.string(),
  Topics: z.array(z.enum(webhookTopics)),
  State: z.enum(webhookStates),
  OrganizationId: z.string(),
  CreatedAt: z.number(),
  UpdatedAt: z.number(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export interface WebhookFields {
  Alias?: string;
  Url?: string;
  Type?: (typeof webhookTypes)[number];
  AuthorizationHeader?: string | null;
  Topics?: (typeof webhookTopics)[number][];
  State?: (typeof webhookStates)[number];
}

export const shareLinkSchema = z.object({
  Id: z.string(),
  Type: z.literal("share"),
  Path: z.string(),
  Permission: z.enum(shareLinkPermissions),
  ExpiresAt: z.number().nullable(),
  AccessLimit: z.number(),
  AccessCount: z.number(),
  Password: z.string().nullable().optional(),
  Notes: z.string().nullable(),
  State: z.string(),
  Url: z.string(),
  CreatedBy: z.record(z.unknown()).optional(),
  OrganizationId: z.string(),
  CreatedAt: z.number(),
  UpdatedAt: z.number(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export interface ShareLinkFields {
  Path?: string;
  Permission?: (typeof shareLinkPermissions)[number];
  ExpiresAt?: number | null;
  AccessLimit?: number;
  Password?: string | null;
  Notes?: string | null;
}

export const messageSchema = z.object({ message: z.string() });

export const errorBodySchema = z.object({
  message: z.string(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
