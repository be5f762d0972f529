import { z } from "zod";
import { shareLinkPermissions, type ShareLink } from "../../sdk/sftptogo/schemas";
import type { EmulatorContext } from "../context";
import { Failure, type Reply, type RequestContext } from "../http";
import { randomToken } from "../ids";
import { absolutePath, parseBody, passwordField } from "../validation";

const alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const fields = {
  Path: absolutePath,
  Permission: z.enum(shareLinkPermissions),
  /** Milliseconds, like the seed's example and every other timestamp of the API. */
  ExpiresAt: z.number().int().positive().nullable(),
  AccessLimit: z.number().int().nonnegative(),
  Password: passwordField.nullable(),
  Notes: z.string().max(1000).nullable(),
};
const createSchema = z
  .object({ ...fields, Type: z.literal("share", { errorMap: () => ({ message: "must be share" }) }) })
  .partial({ ExpiresAt: true, AccessLimit: true, Password: true, Notes: true, Permission: true })
  .strict();
const updateSchema = z.object(fields).partial().strict();

export class ShareLinkHandlers {
  constructor(private readonly emulator: EmulatorContext) {}

  list = (ctx: RequestContext): Reply => ({
    status: 200,
    body: this.emulator.store.list<ShareLink>("share-link", ctx.principal).map(({ doc }) => doc),
  });

  get = (ctx: RequestContext): Reply => ({ status: 200, body: this.find(ctx.principal, ctx.params.id) });

  create = (ctx: RequestContext): Reply => {
    const input = parseBody(createSchema, ctx.body);
    const now = this.emulator.now();
    const id = randomToken(13, alphanumeric);
    const link: ShareLink = {
      Id: id,
      Type: "share",
      Path: input.Path,
      Permission: input.Permission ?? "read-only",
      ExpiresAt: input.ExpiresAt ?? null,
      AccessLimit: input.AccessLimit ?? 0,
      AccessCount: 0,
      Password: input.Password ?? null,
      Notes: input.Notes ?? null,
      State: "active",
      Url: `${this.emulator.publicUrl()}/share/${id}`,
      CreatedBy: { Type: "ApiKey", Id: ctx.principal, Name: "API key" },
      OrganizationId: ctx.principal,
      CreatedAt: now,
      UpdatedAt: now,
    };
    this.emulator.store.put("share-link", ctx.principal, id, link);
    return { status: 201, body: link };
  };

  update = (ctx: RequestContext): Reply => {
    const input = parseBody(updateSchema, ctx.body);
    const { store } = this.emulator;
    const updated = store.transaction(() => {
      const next: ShareLink = { ...this.find(ctx.principal, ctx.params.id), ...input, UpdatedAt: this.emulator.now() };
      store.put("share-link", ctx.principal, next.Id, next);
      return next;
    });
    return { status: 200, body: updated };
  };

  remove = (ctx: RequestContext): Reply => {
    if (!this.emulator.store.delete("share-link", ctx.principal, ctx.params.id)) this.find(ctx.principal, ctx.params.id);
    return { status: 200 };
  };

  find(organizationId: string, id: string): ShareLink {
    const found = this.emulator.store.get<ShareLink>("share-link", organizationId, id);
    if (!found) throw new Failure(404, "NotFound", `Share link '${id}' not found`);
    return found;
  }
}
