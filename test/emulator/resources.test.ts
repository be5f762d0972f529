import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startEmulator, type RunningEmulator } from "../../emulator/index";
import { SftpToGoClient } from "../../sdk/sftptogo/client";
import { sshKeygen } from "../support/keys";

describe("emulator: SSH keys, webhooks, share links, faults", () => {
  let emulator: RunningEmulator;
  let api: SftpToGoClient;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const [org] = emulator.organizations;
    api = new SftpToGoClient({ apiKey: org.apiKey, organizationId: org.id, apiUrl: emulator.url });
  });
  after(async () => {
    await api.close();
    await emulator.stop();
  });

  it("parses SSH keys and fingerprints them exactly as OpenSSH does", async () => {
    const credential = await api.createCredential({ HomeDirectory: "/keys" });
    for (const type of ["ed25519", "rsa", "ecdsa"] as const) {
      const key = sshKeygen(type, `${type}@partner`);
      const added = await api.addSshPublicKey(credential.Id, `  ${key.line}\n`);
      assert.equal(added.Type, type);
      assert.equal(added.Fingerprint, key.fingerprint);
      assert.equal(added.Comment, `${type}@partner`);
      key.dispose();
    }
    assert.equal((await api.listSshPublicKeys(credential.Id)).length, 3);
    assert.equal((await api.getCredential(credential.Id)).SshPublicKeysCount, 3);
    const [first] = await api.listSshPublicKeys(credential.Id);
    await api.removeSshPublicKey(credential.Id, first.Id);
    assert.equal((await api.listSshPublicKeys(credential.Id)).length, 2);
    await assert.rejects(api.removeSshPublicKey(credential.Id, first.Id), { name: "NotFoundError" });
    await assert.rejects(api.listSshPublicKeys("no-such-credential"), { name: "NotFoundError" });
  });

  it("rejects malformed, truncated, private and duplicate keys", async () => {
    const credential = await api.createCredential({ HomeDirectory: "/bad-keys" });
    const key = sshKeygen("ed25519", "dup");
    await api.addSshPublicKey(credential.Id, key.line);
    await assert.rejects(api.addSshPublicKey(credential.Id, key.line), { status: 409 });
    await assert.rejects(api.addSshPublicKey(credential.Id, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMq"), { status: 400 });
    await assert.rejects(api.addSshPublicKey(credential.Id, "not a key"), { status: 400 });
    await assert.rejects(api.addSshPublicKey(credential.Id, key.privateKey), { status: 400 });
    key.dispose();
  });

  it("creates webhooks with a server-generated secret and validates URL, type and topics", async () => {
    const hook = await api.createWebhook({ Alias: "EDI", Url: "https://hooks.example.com/sftp", AuthorizationHeader: "Bearer abc", Topics: ["file.created"] });
    assert.match(hook.Secret, /^whsec_/);
    assert.equal(hook.State, "enabled");
    const paused = await api.updateWebhook(hook.Id, { State: "paused", Topics: ["file.created", "file.deleted"] });
    assert.deepEqual([paused.State, paused.Topics.length, paused.Secret], ["paused", 2, hook.Secret]);
    await assert.rejects(api.createWebhook({ Url: "http://insecure.example.com", Topics: ["file.created"] }), { status: 400 });
    await assert.rejects(api.createWebhook({ Url: "https://x.example.com", Topics: [] }), { status: 400 });
    assert.ok(await api.createWebhook({ Type: "email", Url: "ops@example.com", Topics: ["file.deleted"] }));
    await api.deleteWebhook(hook.Id);
    assert.ok(!(await api.listWebhooks()).some((w) => w.Id === hook.Id));
    await assert.rejects(api.deleteWebhook(hook.Id), { name: "NotFoundError" });
    await assert.rejects(api.updateWebhook(hook.Id, { State: "enabled" }), { name: "NotFoundError" });
  });

  it("creates share links with a URL on this server and checks folder paths and limits", async () => {
    const link = await api.createShareLink({ Path: "/shared/", Permission: "read-write", AccessLimit: 3, Password: "Share-Passw0rd1", Notes: "Q1" });
    assert.equal(link.Url, `${emulator.url}/share/${link.Id}`);
    assert.deepEqual([link.AccessCount, link.ExpiresAt, link.State], [0, null, "active"]);
    const updated = await api.updateShareLink(link.Id, { AccessLimit: 10, Notes: null });
    assert.deepEqual([updated.AccessLimit, updated.Notes, updated.Path], [10, null, "/shared/"]);
    await assert.rejects(api.createShareLink({ Path: "relative/", Permission: "read-only" }), { status: 400 });
    await assert.rejects(api.createShareLink({ Path: "/x", AccessLimit: -1 }), { status: 400 });
    await api.deleteShareLink(link.Id);
    await assert.rejects(api.getShareLink(link.Id), { name: "NotFoundError" });
    await assert.rejects(api.updateShareLink(link.Id, { Notes: "x" }), { name: "NotFoundError" });
  });
});

describe("emulator: fault injection", () => {
  it("answers a share of requests 429 with Retry-After and 503, and a failed request changes nothing", async () => {
    const emulator = await startEmulator({ port: 0, faults: { rateLimitRate: 0.3, serverErrorRate: 0.3, retryAfterSeconds: 0 } });
    try {
      const [org] = emulator.organizations;
      const url = `${emulator.url}/organizations/${org.id}/users`;
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${org.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ HomeDirectory: `/f${i}` }),
        });
        if (response.status === 429) assert.equal(response.headers.get("retry-after"), "0");
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      const created = statuses.filter((s) => s === 201).length;
      assert.ok(statuses.includes(429) && statuses.includes(503), "both kinds of fault happen");
      const api = new SftpToGoClient({ apiKey: org.apiKey, organizationId: org.id, apiUrl: emulator.url, retryPolicy: { maxAttempts: 50, baseDelayMs: 0, maxDelayMs: 0 } });
      const listed = await api.listCredentials();
      assert.equal(listed.filter((c) => !c.IsDefault).length, created, "only the answered creates exist");
      await api.close();
    } finally {
      await emulator.stop();
    }
  });
});
