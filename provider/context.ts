import type { SftpToGoClient } from "../sdk/sftptogo/client";
import type { Credential, ShareLink, SshPublicKey, Webhook } from "../sdk/sftptogo/schemas";
import type { StediSftpClient, StediUser } from "../sdk/stedi/client";
import { NotFoundError } from "../sdk/errors";

/**
 * Shares one list call among the many reads of a refresh: the first read of a kind lists, the
 * reads that follow within the time to live wait on that same answer. Any write made by this
 * process drops what was cached.
 */
export class ListCache {
  private readonly entries = new Map<string, { at: number; items: Promise<unknown[]> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get<T>(key: string, list: () => Promise<T[]>): Promise<T[]> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.items as Promise<T[]>;
    const items = list();
    this.entries.set(key, { at: this.now(), items });
    items.catch(() => this.entries.delete(key));
    return items;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** What every resource provider works with; built lazily inside the provider process. */
export interface ProviderContext {
  sftpToGo(): SftpToGoClient;
  stedi(): StediSftpClient;
  now(): number;
  reads: CachedReads;
}

/** Reads for `read` (refresh), answered from shared list calls. */
export class CachedReads {
  private readonly cache: ListCache;

  constructor(
    private readonly sftpToGo: () => SftpToGoClient,
    private readonly stedi: () => StediSftpClient,
    now: () => number,
    ttlMs = 5_000,
  ) {
    this.cache = new ListCache(ttlMs, now);
  }

  credential(id: string): Promise<Credential | undefined> {
    return this.find("credentials", () => this.sftpToGo().listCredentials(), (c) => c.Id === id);
  }
  /** The credential's keys, or undefined when the credential itself is gone. */
  async sshPublicKeys(credentialId: string): Promise<SshPublicKey[] | undefined> {
    try {
      return await this.cache.get(`keys:${credentialId}`, () => this.sftpToGo().listSshPublicKeys(credentialId));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
  webhook(id: string): Promise<Webhook | undefined> {
    return this.find("webhooks", () => this.sftpToGo().listWebhooks(), (w) => w.Id === id);
  }
  shareLink(id: string): Promise<ShareLink | undefined> {
    return this.find("share-links", () => this.sftpToGo().listShareLinks(), (l) => l.Id === id);
  }
  stediUser(username: string): Promise<StediUser | undefined> {
    return this.find("stedi-users", () => this.stedi().listUsers(), (u) => u.username === username);
  }

  private async find<T>(key: string, list: () => Promise<T[]>, match: (item: T) => boolean): Promise<T | undefined> {
    return (await this.cache.get(key, list)).find(match);
  }

  /** Called after every write so no later read sees the old answer. */
  written(): void {
    this.cache.clear();
  }
}
