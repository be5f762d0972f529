import { createHmac, randomUUID } from "node:crypto";
import { Agent, request } from "undici";
import type { Webhook } from "../sdk/sftptogo/schemas";
import type { Store } from "./store";

export type FileTopic = "file.created" | "file.deleted" | "file.downloaded";

/** What happened to a file, through SFTP or a share link. */
export interface FileEventInput {
  topic: FileTopic;
  /** The file's path as the service names it, e.g. `/alice/in/po.edi`. */
  path: string;
  size: number;
  /** Who caused it: a credential's user name, or `share-link:<id>`. */
  actor: string;
}

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}

/** One event sent (or being sent) to one webhook; readable at GET /organizations/{id}/webhook-deliveries. */
export interface Delivery {
  Id: string;
  WebhookId: string;
  Url: string;
  Topic: FileTopic;
  Payload: unknown;
  State: "pending" | "delivered" | "failed" | "skipped";
  Attempts: DeliveryAttempt[];
  CreatedAt: number;
}

export interface DispatcherOptions {
  store: Store;
  now: () => number;
  /** Pauses before the 2nd, 3rd, ... attempt; a delivery fails after the last. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** Extra certificate authority (PEM) to trust for https receivers, e.g. a local test receiver's. */
  trustedCa?: string;
}

export const signatureHeader = "x-webhook-signature";

/** `sha256=<hex HMAC-SHA256 of the raw body keyed by the webhook's Secret>`. */
export function signBody(secret: string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * Sends file events to the organization's enabled webhooks whose topics match, signed, with the
 * configured Authorization header, retrying failures with backoff; every attempt is logged.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly retryDelaysMs: number[];
  private readonly agent: Agent;

  constructor(private readonly options: DispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 25_000];
    this.agent = new Agent(options.trustedCa ? { connect: { ca: options.trustedCa } } : {});
  }

  emit(organizationId: string, event: FileEventInput): void {
    const { store, now } = this.options;
    const webhooks = store.list<Webhook>("webhook", organizationId).map(({ doc }) => doc);
    const payload = {
      Id: randomUUID(),
      Topic: event.topic,
      OrganizationId: organizationId,
      CreatedAt: now(),
      Data: { Path: event.path, Size: event.size, Actor: event.actor },
    };
    for (const webhook of webhooks) {
      if (webhook.State !== "enabled" || !webhook.Topics.includes(event.topic)) continue;
      const delivery: Delivery = {
        Id: randomUUID(),
        WebhookId: webhook.Id,
        Url: webhook.Url,
        Topic: event.topic,
        Payload: payload,
        State: webhook.Type === "email" ? "skipped" : "pending",
        Attempts: [],
        CreatedAt: now(),
      };
      store.put("webhook-delivery", organizationId, delivery.Id, delivery);
      if (delivery.State === "pending") this.track(this.attempt(organizationId, webhook, delivery, 0));
    }
  }

  deliveries(organizationId: string): Delivery[] {
    return this.options.store.list<Delivery>("webhook-delivery", organizationId).map(({ doc }) => doc);
  }

  /** Waits for the attempts under way (not the retries scheduled later). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.settle();
    await this.agent.close();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async attempt(organizationId: string, webhook: Webhook, delivery: Delivery, index: number): Promise<void> {
    const body = JSON.stringify(delivery.Payload);
    const result: DeliveryAttempt = { at: this.options.now() };
    try {
      const response = await request(webhook.Url, {
        method: "POST",
        dispatcher: this.agent,
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": "sftp-emulator-webhooks",
          "x-webhook-id": delivery.Id,
          "x-webhook-topic": delivery.Topic,
          [signatureHeader]: signBody(webhook.Secret, body),
          ...(webhook.AuthorizationHeader && { authorization: webhook.AuthorizationHeader }),
        },
        headersTimeout: this.options.timeoutMs ?? 5_000,
        bodyTimeout: this.options.timeoutMs ?? 5_000,
      });
      await response.body.dump();
      result.status = response.statusCode;
    } catch (error) {
      result.error = (error as Error).message;
    }
    delivery.Attempts.push(result);
    const succeeded = result.status !== undefined && result.status >= 200 && result.status < 300;
    const delay = this.retryDelaysMs[index];
    delivery.State = succeeded ? "delivered" : delay === undefined ? "failed" : "pending";
    this.options.store.put("webhook-delivery", organizationId, delivery.Id, delivery);
    if (delivery.State !== "pending") return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(organizationId, webhook, delivery, index + 1));
    }, delay);
    this.timers.add(timer);
  }
}
