import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { webhookStates, webhookTopics, webhookTypes, type Webhook } from "../../sdk/sftptogo/schemas";
import type { EmulatorContext } from "../context";
import { Failure, type Reply, type RequestContext } from "../http";
import { OrganizationRecords } from "./records";
import { parseBody } from "../validation";

const httpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
};
const emailAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

const fields = {
  Alias: z.string().max(100),
  Url: z.string().min(1).max(2048),
  Type: z.enum(webhookTypes),
  AuthorizationHeader: z.string().max(1024).nullable(),
  Topics: z
    .array(z.enum(webhookTopics))
    .min(1)
    .refine((topics) => new Set(topics).size === topics.length, "must not repeat a topic"),
  State: z.enum(webhookStates),
};
const createSchema = z.object(fields).partial({ Alias: true, AuthorizationHeader: true, State: true, Type: true }).strict();
const updateSchema = z.object(fields).partial().strict();

/** A webhook's Url must suit its Type: an https URL, or an address for email. */
function checkUrl(webhook: Pick<Webhook, "Url" | "Type">): void {
  const ok = webhook.Type === "email" ? emailAddress(webhook.Url) : httpsUrl(webhook.Url);
  if (!ok) {
    const wanted = webhook.Type === "email" ? "an email address" : "an https:// URL";
    throw new Failure(400, "ValidationError", `Url must be ${wanted} for type ${webhook.Type}`, [{ field: "Url", message: `must be ${wanted}` }]);
  }
}

export class WebhookHandlers {
  private readonly records: OrganizationRecords<Webhook>;

  constructor(private readonly emulator: EmulatorContext) {
    this.records = new OrganizationRecords(emulator, "webhook", "Webhook");
  }

  list = (ctx: RequestContext): Reply => ({ status: 200, body: this.records.list(ctx.principal) });

  create = (ctx: RequestContext): Reply => {
    const input = parseBody(createSchema, ctx.body);
    const now = this.emulator.now();
    const webhook: Webhook = {
      Id: randomUUID(),
      Alias: input.Alias ?? "",
      Url: input.Url,
      Type: input.Type ?? "webhook",
      AuthorizationHeader: input.AuthorizationHeader ?? null,
      Secret: `whsec_${randomBytes(24).toString("base64url")}`,
      Topics: input.Topics,
      State: input.State ?? "enabled",
      OrganizationId: ctx.principal,
      CreatedAt: now,
      UpdatedAt: now,
    };
    checkUrl(webhook);
    this.records.put(ctx.principal, webhook);
    return { status: 201, body: webhook };
  };

  update = (ctx: RequestContext): Reply => {
    const input = parseBody(updateSchema, ctx.body);
    return { status: 200, body: this.records.patch(ctx.principal, ctx.params.id, input, checkUrl) };
  };

  remove = (ctx: RequestContext): Reply => {
    this.records.remove(ctx.principal, ctx.params.id);
    return { status: 200 };
  };
}
