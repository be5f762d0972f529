import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SshPublicKey } from "../../sdk/sftptogo/schemas";
import { parsePublicKey } from "../../sdk/sftptogo/ssh-keys";
import type { EmulatorContext } from "../context";
import { Failure, type Reply, type RequestContext } from "../http";
import { parseBody } from "../validation";
import type { CredentialHandlers } from "./credentials";

const addSchema = z.object({ SshPublicKeyBody: z.string().min(1).max(16_384) }).strict();

/** SSH public keys of a credential, stored under the credential's id. */
export class SshKeyHandlers {
  constructor(
    private readonly emulator: EmulatorContext,
    private readonly credentials: CredentialHandlers,
  ) {}

  list = (ctx: RequestContext): Reply => {
    const credential = this.credentials.find(ctx.principal, ctx.params.id);
    return { status: 200, body: this.emulator.store.list<SshPublicKey>("ssh-key", credential.Id).map(({ doc }) => doc) };
  };

  add = (ctx: RequestContext): Reply => {
    const { SshPublicKeyBody } = parseBody(addSchema, ctx.body);
    const parsed = parsePublicKey(SshPublicKeyBody);
    if (parsed instanceof Error) {
      throw new Failure(400, "InvalidSshPublicKey", `SshPublicKeyBody ${parsed.message}`, [{ field: "SshPublicKeyBody", message: parsed.message }]);
    }
    const { store } = this.emulator;
    const key = store.transaction(() => {
      const credential = this.credentials.find(ctx.principal, ctx.params.id);
      const existing = store.list<SshPublicKey>("ssh-key", credential.Id).find(({ doc }) => doc.Fingerprint === parsed.fingerprint);
      if (existing) throw new Failure(409, "DuplicateSshPublicKey", `The key ${parsed.fingerprint} is already added to these credentials`);
      const now = this.emulator.now();
      const added: SshPublicKey = {
        Id: randomUUID(),
        UserId: credential.Id,
        SshPublicKeyBody: SshPublicKeyBody.trim(),
        Type: parsed.type,
        Fingerprint: parsed.fingerprint,
        Comment: parsed.comment,
        CreatedAt: now,
        UpdatedAt: now,
      };
      store.put("ssh-key", credential.Id, added.Id, added);
      return added;
    });
    return { status: 201, body: key };
  };

  remove = (ctx: RequestContext): Reply => {
    const { store } = this.emulator;
    const removed = store.transaction(() => {
      const credential = this.credentials.find(ctx.principal, ctx.params.id);
      const key = store.get<SshPublicKey>("ssh-key", credential.Id, ctx.params.keyId);
      if (!key) throw new Failure(404, "NotFound", `SSH key '${ctx.params.keyId}' not found`);
      store.delete("ssh-key", credential.Id, key.Id);
      return key;
    });
    return { status: 200, body: removed };
  };
}
