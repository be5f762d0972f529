import { createHash } from "node:crypto";
import { z } from "zod";
import type { CreatedStediUser, StediUser } from "../../sdk/stedi/client";
import type { EmulatorContext } from "../context";
import { Failure, type Reply, type RequestContext } from "../http";
import { generatePassword, randomToken } from "../ids";
import { parseBody } from "../validation";

/** A Stedi user as stored; the password serves logins and is returned only by create. */
export type StoredStediUser = StediUser & { password: string; createdAt: number };

const homeDirectory = z.string().regex(/^\/[^\0]*$/, "must start with /").max(1024);
const createSchema = z
  .object({
    description: z.string().max(255).optional(),
    homeDirectory,
    passwordOptions: z.object({ length: z.number().int().min(12).max(128) }).strict().optional(),
    bucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, "must be 3 to 63 lowercase letters, digits, . or -").optional(),
  })
  .strict();
const updateSchema = z
  .object({ description: z.string().max(255).optional(), homeDirectory: homeDirectory.optional(), bucketName: createSchema.shape.bucketName })
  .strict();

const pageTokenOf = (seq: number) => Buffer.from(`seq:${seq}`).toString("base64url");
function seqOfPageToken(token: string): number {
  const match = /^seq:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw new Failure(400, "ValidationException", "pageToken is not a token this API returned", [{ field: "/pageToken", message: "is invalid" }]);
  return Number(match[1]);
}

export class StediUserHandlers {
  constructor(private readonly emulator: EmulatorContext) {}

  private present({ password: _password, createdAt: _createdAt, ...user }: StoredStediUser): StediUser {
    return user;
  }

  create = (ctx: RequestContext): Reply => {
    const input = parseBody(createSchema, ctx.body);
    const { store } = this.emulator;
    const user = store.transaction(() => {
      let username = randomToken(8);
      while (!store.claimUsername(username, { kind: "stedi-user", scope: ctx.principal, id: username })) username = randomToken(8);
      const stored: StoredStediUser = {
        username,
        homeDirectory: input.homeDirectory,
        description: input.description ?? "",
        bucketName: input.bucketName ?? defaultBucket(ctx.principal),
        endpoint: this.emulator.sftpHost,
        password: generatePassword(input.passwordOptions?.length ?? 16),
        createdAt: this.emulator.now(),
      };
      store.put("stedi-user", ctx.principal, username, stored);
      return stored;
    });
    const created: CreatedStediUser = { ...this.present(user), password: user.password };
    return { status: 201, body: created };
  };

  read = (ctx: RequestContext): Reply => ({ status: 200, body: this.present(this.find(ctx)) });

  list = (ctx: RequestContext): Reply => {
    const sizeText = ctx.query.get("pageSize");
    const pageSize = sizeText === null ? 100 : Number(sizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      throw new Failure(400, "ValidationException", "pageSize must be a whole number from 1 to 100", [{ field: "/pageSize", message: "must be 1 to 100" }]);
    }
    const token = ctx.query.get("pageToken");
    const after = token ? seqOfPageToken(token) : 0;
    const rows = this.emulator.store.list<StoredStediUser>("stedi-user", ctx.principal, pageSize + 1, after);
    const page = rows.slice(0, pageSize);
    return {
      status: 200,
      body: {
        items: page.map(({ doc }) => this.present(doc)),
        ...(rows.length > pageSize && { nextPageToken: pageTokenOf(page[page.length - 1].seq) }),
      },
    };
  };

  update = (ctx: RequestContext): Reply => {
    const input = parseBody(updateSchema, ctx.body);
    const { store } = this.emulator;
    const updated = store.transaction(() => {
      const next = { ...this.find(ctx), ...input };
      store.put("stedi-user", ctx.principal, next.username, next);
      return next;
    });
    return { status: 200, body: this.present(updated) };
  };

  remove = (ctx: RequestContext): Reply => {
    const { store } = this.emulator;
    store.transaction(() => {
      const user = this.find(ctx);
      store.delete("stedi-user", ctx.principal, user.username);
      store.releaseUsername(user.username);
    });
    return { status: 204 };
  };

  private find(ctx: RequestContext): StoredStediUser {
    const user = this.emulator.store.get<StoredStediUser>("stedi-user", ctx.principal, ctx.params.username);
    if (!user) throw new Failure(404, "ResourceNotFoundException", `User '${ctx.params.username}' does not exist`);
    return user;
  }
}

function defaultBucket(account: string): string {
  const hash = createHash("sha256").update(account).digest("hex");
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}-sftp`;
}
