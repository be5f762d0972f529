import { z } from "zod";
import { shareLinkPermissions, type ShareLink } from "../../sdk/sftptogo/schemas";
import type { EmulatorContext } from "../context";
import type { Reply, RequestContext } from "../http";
import { randomToken } from "../ids";
import { OrganizationRecords } from "./records";
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
  private readonly records: OrganizationRecords<ShareLink>;

  constructor(private readonly emulator: EmulatorContext) {
    this.records = new OrganizationRecords(emulator, "share-link", "Share link");
  }

  list = (ctx: RequestContext): Reply => ({ status: 200, body: this.records.list(ctx.principal) });

  get = (ctx: RequestContext): Reply => ({ status: 200, body: this.records.find(ctx.principal, ctx.params.id) });

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
    this.records.put(ctx.principal, link);
    return { status: 201, body: link };
  };

  update = (ctx: RequestContext): Reply => {
    const input = parseBody(updateSchema, ctx.body);
    return { status: 200, body: this.records.patch(ctx.principal, ctx.params.id, input) };
  };

  remove = (ctx: RequestContext): Reply => {
    this.records.remove(ctx.principal, ctx.params.id);
    return { status: 200 };
  };
}
