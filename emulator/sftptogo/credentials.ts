import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Credential, InboundRule } from "../../sdk/sftptogo/schemas";
import { credentialStates, permissions, ruleProtocols, ruleStates } from "../../sdk/sftptogo/schemas";
import type { EmulatorContext } from "../context";
import { Failure, type RequestContext, type Reply } from "../http";
import { generatePassword, hexId, randomToken } from "../ids";
import { allowAnywhereRule, isIpOrCidr, normalizeDirectory, userNamePattern, userNameRule } from "../../sdk/sftptogo/rules";
import { absolutePath, parseBody, passwordField } from "../validation";

/** A credential as stored: the wire shape; the password is kept to serve logins and GETs. */
export type StoredCredential = Credential & { Password: string; Settings: { Network: { InboundRules: InboundRule[] } } };

const userName = z.string().regex(userNamePattern, `must be ${userNameRule}`);
const credentialFields = {
  Alias: z.string().max(100),
  UserName: userName,
  Password: passwordField,
  HomeDirectory: absolutePath,
  ChrootDirectory: absolutePath,
  Permission: z.enum(permissions),
  State: z.enum(credentialStates),
  Expiration: z.number().int().nonnegative().nullable(),
};
const createSchema = z.object(credentialFields).partial().strict();

const inboundRuleInput = z
  .object({
    Id: z.string().min(1).max(64).optional(),
    Protocol: z.enum(ruleProtocols),
    State: z.enum(ruleStates),
    Action: z.literal("allow", { errorMap: () => ({ message: "must be allow" }) }),
    Source: z.string().refine(isIpOrCidr, "must be one IP address or a CIDR range"),
    Description: z.string().max(256).optional(),
  })
  .strict();
const updateSchema = z
  .object({
    ...credentialFields,
    Settings: z.object({ Network: z.object({ InboundRules: z.array(inboundRuleInput).max(100) }).strict() }).strict(),
  })
  .partial()
  .strict();

export const defaultInboundRule = (): InboundRule => ({ Id: randomUUID(), ...allowAnywhereRule });

export class CredentialHandlers {
  constructor(private readonly emulator: EmulatorContext) {}

  /** Creates the organization's root credential unless it exists. */
  ensureRoot(organizationId: string): void {
    const { store } = this.emulator;
    store.transaction(() => {
      if (store.list<StoredCredential>("credential", organizationId).some(({ doc }) => doc.IsDefault)) return;
      this.insert(organizationId, { Alias: "Root", UserName: `root-${randomToken(10).toLowerCase()}`, HomeDirectory: "/", Permission: "full" }, true);
    });
  }

  list = (ctx: RequestContext): Reply => ({
    status: 200,
    body: this.emulator.store.list<StoredCredential>("credential", ctx.principal).map(({ doc }) => this.present(doc)),
  });

  get = (ctx: RequestContext): Reply => ({ status: 200, body: this.present(this.find(ctx.principal, ctx.params.id)) });

  create = (ctx: RequestContext): Reply => {
    const input = parseBody(createSchema, ctx.body);
    const created = this.emulator.store.transaction(() => this.insert(ctx.principal, input, false));
    return { status: 201, body: this.present(created) };
  };

  update = (ctx: RequestContext): Reply => {
    const input = parseBody(updateSchema, ctx.body);
    const { store } = this.emulator;
    const updated = store.transaction(() => {
      const current = this.find(ctx.principal, ctx.params.id);
      const { Settings, ...fields } = input;
      if (fields.UserName !== undefined && fields.UserName !== current.UserName) {
        this.claim(fields.UserName, ctx.principal, current.Id);
        store.releaseUsername(current.UserName);
      }
      const next: StoredCredential = {
        ...current,
        ...withDirectoriesNormalized(fields),
        UpdatedAt: this.emulator.now(),
      };
      if (fields.Password !== undefined) next.PasswordCreatedAt = new Date(this.emulator.now()).toISOString();
      if (Settings) {
        next.Settings = { Network: { InboundRules: Settings.Network.InboundRules.map((rule) => ({ ...rule, Id: rule.Id ?? randomUUID() })) } };
      }
      store.put("credential", ctx.principal, current.Id, next);
      return next;
    });
    return { status: 200, body: this.present(updated) };
  };

  remove = (ctx: RequestContext): Reply => {
    const { store } = this.emulator;
    const removed = store.transaction(() => {
      const current = this.find(ctx.principal, ctx.params.id);
      if (current.IsDefault) throw new Failure(400, "CannotDeleteRoot", "The root credentials of the organization cannot be deleted");
      store.delete("credential", ctx.principal, current.Id);
      store.deleteScope("ssh-key", current.Id);
      store.releaseUsername(current.UserName);
      return current;
    });
    return { status: 200, body: this.present(removed) };
  };

  rotate = (ctx: RequestContext): Reply => {
    const input = parseBody(z.object({ Password: passwordField }).partial().strict(), ctx.body);
    const { store } = this.emulator;
    store.transaction(() => {
      const current = this.find(ctx.principal, ctx.params.id);
      const now = this.emulator.now();
      store.put("credential", ctx.principal, current.Id, {
        ...current,
        Password: input.Password ?? generatePassword(),
        PasswordCreatedAt: new Date(now).toISOString(),
        UpdatedAt: now,
      });
    });
    return { status: 200, body: { message: "Password set." } };
  };

  find(organizationId: string, id: string): StoredCredential {
    const found = this.emulator.store.get<StoredCredential>("credential", organizationId, id);
    if (!found) throw new Failure(404, "NotFound", `Credentials '${id}' not found`);
    return found;
  }

  private insert(organizationId: string, input: z.infer<typeof createSchema>, isDefault: boolean): StoredCredential {
    const now = this.emulator.now();
    const id = hexId();
    const name = input.UserName ?? `${organizationId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}-${randomToken(8).toLowerCase()}`;
    this.claim(name, organizationId, id);
    const fields = withDirectoriesNormalized(input);
    const credential: StoredCredential = {
      Id: id,
      OrganizationId: organizationId,
      Alias: fields.Alias ?? "",
      UserName: name,
      Password: fields.Password ?? generatePassword(),
      HomeDirectory: fields.HomeDirectory ?? "/",
      ChrootDirectory: fields.ChrootDirectory ?? "/",
      Permission: fields.Permission ?? "read-write",
      State: fields.State ?? "active",
      Expiration: fields.Expiration ?? null,
      IsDefault: isDefault,
      CreatedAt: now,
      UpdatedAt: now,
      PasswordCreatedAt: new Date(now).toISOString(),
      Settings: { Network: { InboundRules: [defaultInboundRule()] } },
    };
    this.emulator.store.put("credential", organizationId, id, credential);
    return credential;
  }

  private claim(name: string, organizationId: string, id: string): void {
    if (!this.emulator.store.claimUsername(name, { kind: "credential", scope: organizationId, id })) {
      throw new Failure(409, "UserNameTaken", `UserName '${name}' is already in use`, [{ field: "UserName", message: "is already in use" }]);
    }
  }

  present(credential: StoredCredential): Credential {
    const { sftpHost, sftpPort, store } = this.emulator;
    return {
      ...credential,
      Host: sftpHost,
      URI: `sftp://${credential.UserName}@${sftpHost}:${sftpPort}`,
      SshPublicKeysCount: store.count("ssh-key", credential.Id),
    };
  }
}

function withDirectoriesNormalized<T extends { HomeDirectory?: string; ChrootDirectory?: string }>(fields: T): T {
  return {
    ...fields,
    ...(fields.HomeDirectory !== undefined && { HomeDirectory: normalizeDirectory(fields.HomeDirectory) }),
    ...(fields.ChrootDirectory !== undefined && { ChrootDirectory: normalizeDirectory(fields.ChrootDirectory) }),
  };
}
