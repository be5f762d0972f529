import * as pulumi from "@pulumi/pulumi";
import { webhookStates, webhookTopics, webhookTypes, type Webhook as WireWebhook, type WebhookFields } from "../sdk/sftptogo/schemas";
import { FieldChecker, shown } from "./checks";
import type { ProviderContext } from "./context";
import { providerFor } from "./delegate";
import { patchableProvider } from "./patchable";
import { webhookSpec } from "./specs";

export interface WebhookArgs {
  alias?: pulumi.Input<string>;
  /** An https:// URL; an e-mail address for type `email`. */
  url: pulumi.Input<string>;
  /** `webhook` (default), `slack`, `ms-teams` or `email`; a change replaces the webhook. */
  type?: pulumi.Input<(typeof webhookTypes)[number]>;
  /** Sent as the Authorization header of each event; kept secret. */
  authorizationHeader?: pulumi.Input<string>;
  /** Events to send, in any order. */
  topics: pulumi.Input<pulumi.Input<(typeof webhookTopics)[number]>[]>;
  state?: pulumi.Input<(typeof webhookStates)[number]>;
  /** Id of an existing webhook to manage instead of creating one. */
  adoptId?: pulumi.Input<string>;
}

type Props = Record<string, unknown>;

const fieldNames = { alias: "Alias", url: "Url", type: "Type", authorizationHeader: "AuthorizationHeader", topics: "Topics", state: "State" } as const;

export function checkWebhook(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] } {
  const check = new FieldChecker(news);
  check.string("alias", { maxLength: 100 });
  check.oneOf("type", webhookTypes);
  check.string("url", { required: true });
  const type = news.type ?? "webhook";
  check.explain("url", (url) => {
    if (type === "email") return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(url)) ? undefined : "it must be an e-mail address for type email";
    try {
      return new URL(String(url)).protocol === "https:" ? undefined : "it must be an https:// URL";
    } catch {
      return "it must be an https:// URL";
    }
  });
  check.string("authorizationHeader", { maxLength: 1024, secret: true });
  check.oneOf("state", webhookStates);
  check.explain("topics", (topics) => {
    if (!Array.isArray(topics) || topics.length === 0) return `it must be a non-empty list of ${webhookTopics.join(", ")}`;
    const bad = topics.find((topic) => typeof topic === "string" && !webhookTopics.includes(topic as (typeof webhookTopics)[number]));
    return bad === undefined ? undefined : `it contains ${shown(bad)}; allowed topics are ${webhookTopics.join(", ")}`;
  });
  if (news.topics === undefined) check.failures.push({ property: "topics", reason: "topics is required" });
  check.string("adoptId");
  return { inputs: news, failures: check.failures };
}

function fieldsOf(inputs: Props, keys: string[]): WebhookFields {
  const fields: Record<string, unknown> = {};
  for (const key of keys) if (key in fieldNames) fields[fieldNames[key as keyof typeof fieldNames]] = inputs[key] ?? (key === "authorizationHeader" ? null : undefined);
  return fields as WebhookFields;
}

function toOutputs(webhook: WireWebhook) {
  return {
    alias: webhook.Alias ?? "",
    url: webhook.Url,
    type: webhook.Type,
    ...(webhook.AuthorizationHeader && { authorizationHeader: webhook.AuthorizationHeader }),
    topics: webhook.Topics,
    state: webhook.State,
    secret: webhook.Secret,
    createdAt: webhook.CreatedAt,
  };
}

export const webhookProvider = (ctx: ProviderContext) =>
  patchableProvider(
    {
      spec: webhookSpec,
      check: checkWebhook,
      fieldsOf,
      toOutputs,
      api: (c) => ({
        create: (fields) => c.sftpToGo().createWebhook(fields),
        update: (id, fields) => c.sftpToGo().updateWebhook(id, fields),
        remove: (id) => c.sftpToGo().deleteWebhook(id),
        read: (id) => c.reads.webhook(id),
      }),
    },
    ctx,
  );

/** A webhook that receives the organization's file events, signed with a server-generated secret. */
export class Webhook extends pulumi.dynamic.Resource {
  declare readonly alias: pulumi.Output<string>;
  declare readonly url: pulumi.Output<string>;
  declare readonly type: pulumi.Output<string>;
  declare readonly authorizationHeader: pulumi.Output<string | undefined>;
  declare readonly topics: pulumi.Output<string[]>;
  declare readonly state: pulumi.Output<string>;
  /** Key of the HMAC-SHA256 signature of each event; a secret. */
  declare readonly secret: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;

  constructor(name: string, args: WebhookArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      alias: undefined,
      type: undefined,
      state: undefined,
      secret: undefined,
      createdAt: undefined,
      ...args,
      authorizationHeader: args.authorizationHeader === undefined ? undefined : pulumi.secret(args.authorizationHeader),
    };
    super(providerFor("sftptogo:Webhook"), name, props, { ...opts, additionalSecretOutputs: ["authorizationHeader", "secret"] }, "sftptogo", "Webhook");
  }
}
