import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Kinds of record the emulator keeps; `scope` is the owning organization, credential or account. */
export type RecordKind = "credential" | "ssh-key" | "webhook" | "share-link" | "stedi-user" | "webhook-delivery";

export interface Organization {
  id: string;
  apiKeyHash: string;
}

/**
 * Durable storage on SQLite (WAL journal): every acknowledged write is committed before the
 * response is sent, so a crashed or killed process loses nothing it answered.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string | undefined) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, "emulator.sqlite") : ":memory:");
    this.db.pragma("journal_mode = WAL");
    // NORMAL with WAL survives the death of the process (the writes are in the OS); FULL would
    // add an fsync per commit to survive power loss, which an emulator does not need.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS organizations (id TEXT PRIMARY KEY, api_key_hash TEXT NOT NULL UNIQUE);
      CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, api_key_hash TEXT NOT NULL UNIQUE);
      CREATE TABLE IF NOT EXISTS records (
        kind TEXT NOT NULL, scope TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
        seq INTEGER NOT NULL, PRIMARY KEY (kind, scope, id));
      CREATE INDEX IF NOT EXISTS records_by_id ON records (kind, id);
      CREATE TABLE IF NOT EXISTS usernames (username TEXT PRIMARY KEY, kind TEXT NOT NULL, scope TEXT NOT NULL, id TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
  }

  /** Prepared once per SQL text: preparing is most of the cost of these small queries. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  upsertOrganization(id: string, apiKey: string): void {
    this.db
      .prepare("INSERT INTO organizations (id, api_key_hash) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET api_key_hash = excluded.api_key_hash")
      .run(id, hashKey(apiKey));
  }
  organizationForKey(apiKey: string): string | undefined {
    const row = this.statement("SELECT id FROM organizations WHERE api_key_hash = ?").get(hashKey(apiKey)) as { id: string } | undefined;
    return row?.id;
  }
  upsertAccount(name: string, apiKey: string): void {
    this.db
      .prepare("INSERT INTO accounts (name, api_key_hash) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET api_key_hash = excluded.api_key_hash")
      .run(name, hashKey(apiKey));
  }
  accountForKey(apiKey: string): string | undefined {
    const row = this.statement("SELECT name FROM accounts WHERE api_key_hash = ?").get(hashKey(apiKey)) as { name: string } | undefined;
    return row?.name;
  }

  get<T>(kind: RecordKind, scope: string, id: string): T | undefined {
    const row = this.statement("SELECT doc FROM records WHERE kind = ? AND scope = ? AND id = ?").get(kind, scope, id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }
  /** A record found by id alone, with the scope it belongs to. */
  findById<T>(kind: RecordKind, id: string): { scope: string; doc: T } | undefined {
    const row = this.statement("SELECT scope, doc FROM records WHERE kind = ? AND id = ?").get(kind, id) as { scope: string; doc: string } | undefined;
    return row ? { scope: row.scope, doc: JSON.parse(row.doc) as T } : undefined;
  }
  /** Records of a scope in creation order; after `afterSeq` when paging. */
  list<T>(kind: RecordKind, scope: string, limit = -1, afterSeq = 0): { seq: number; doc: T }[] {
    const rows = this.db
      .prepare("SELECT seq, doc FROM records WHERE kind = ? AND scope = ? AND seq > ? ORDER BY seq LIMIT ?")
      .all(kind, scope, afterSeq, limit) as { seq: number; doc: string }[];
    return rows.map((row) => ({ seq: row.seq, doc: JSON.parse(row.doc) as T }));
  }
  count(kind: RecordKind, scope: string): number {
    return (this.statement("SELECT COUNT(*) AS n FROM records WHERE kind = ? AND scope = ?").get(kind, scope) as { n: number }).n;
  }
  seqOf(kind: RecordKind, scope: string, id: string): number | undefined {
    const row = this.statement("SELECT seq FROM records WHERE kind = ? AND scope = ? AND id = ?").get(kind, scope, id) as { seq: number } | undefined;
    return row?.seq;
  }
  put(kind: RecordKind, scope: string, id: string, doc: unknown): void {
    const existing = this.seqOf(kind, scope, id);
    const seq = existing ?? this.next("record-seq");
    this.statement("INSERT OR REPLACE INTO records (kind, scope, id, doc, seq) VALUES (?, ?, ?, ?, ?)").run(kind, scope, id, JSON.stringify(doc), seq);
  }
  delete(kind: RecordKind, scope: string, id: string): boolean {
    return this.statement("DELETE FROM records WHERE kind = ? AND scope = ? AND id = ?").run(kind, scope, id).changes > 0;
  }
  deleteScope(kind: RecordKind, scope: string): void {
    this.statement("DELETE FROM records WHERE kind = ? AND scope = ?").run(kind, scope);
  }

  /** Login names are unique across both APIs, since one SFTP server serves them all. */
  claimUsername(username: string, owner: { kind: RecordKind; scope: string; id: string }): boolean {
    const result = this.db
      .prepare("INSERT OR IGNORE INTO usernames (username, kind, scope, id) VALUES (?, ?, ?, ?)")
      .run(username, owner.kind, owner.scope, owner.id);
    return result.changes > 0;
  }
  releaseUsername(username: string): void {
    this.statement("DELETE FROM usernames WHERE username = ?").run(username);
  }
  ownerOfUsername(username: string): { kind: RecordKind; scope: string; id: string } | undefined {
    return this.statement("SELECT kind, scope, id FROM usernames WHERE username = ?").get(username) as
      | { kind: RecordKind; scope: string; id: string }
      | undefined;
  }

  private next(name: string): number {
    const row = this.db
      .prepare("INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value")
      .get(name) as { value: number };
    return row.value;
  }

  close(): void {
    this.db.close();
  }
}

export function hashKey(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex");
}
