import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { startEmulator, type RunningEmulator } from "../../emulator/index";
import { SftpToGoClient } from "../../sdk/sftptogo/client";

const orgA = { id: "org-a", apiKey: "key-a-0123456789" };
const orgB = { id: "org-b", apiKey: "key-b-0123456789" };

async function raw(emulator: RunningEmulator, method: string, path: string, init: { key?: string; body?: unknown } = {}) {
  const response = await fetch(emulator.url + path, {
    method,
    headers: {
      ...(init.key && { authorization: `Bearer ${init.key}` }),
      ...(init.body !== undefined && { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("emulator: SFTP To Go credentials over HTTP", () => {
  let emulator: RunningEmulator;
  let api: SftpToGoClient;
  before(async () => {
    emulator = await startEmulator({ port: 0, organizations: [orgA, orgB] });
    api = new SftpToGoClient({ apiKey: orgA.apiKey, organizationId: orgA.id, apiUrl: emulator.url });
  });
  after(async () => {
    await api.close();
    await emulator.stop();
  });

  it("starts each organization with one root credential that cannot be deleted", async () => {
    const [root] = await api.listCredentials();
    assert.equal(root.IsDefault, true);
    assert.equal(root.HomeDirectory, "/");
    assert.equal(root.Permission, "full");
    await assert.rejects(api.deleteCredential(root.Id), { status: 400 });
    assert.equal((await api.listCredentials()).length, 1);
  });

  it("creates, reads, patches and deletes a credential with the documented fields", async () => {
    const created = await api.createCredential({ Alias: "Alice", UserName: "alice-partner", HomeDirectory: "/alice/", Permission: "read-only" });
    assert.equal(created.HomeDirectory, "/alice", "directories are stored without a trailing slash");
    assert.equal(created.ChrootDirectory, "/");
    assert.equal(created.State, "active");
    assert.ok(created.Password && created.Password.length >= 12, "a password is generated");
    assert.ok(created.CreatedAt > 1e12, "CreatedAt is in milliseconds");
    assert.ok(!Number.isNaN(Date.parse(created.PasswordCreatedAt!)), "PasswordCreatedAt is ISO-8601");
    assert.equal(created.Settings?.Network.InboundRules.length, 1);
    const patched = await api.updateCredential(created.Id, { Permission: "full", State: "inactive" });
    assert.equal(patched.Permission, "full");
    assert.equal(patched.Alias, "Alice", "PATCH leaves unsent fields alone");
    assert.equal((await api.getCredential(created.Id)).State, "inactive");
    await api.deleteCredential(created.Id);
    await assert.rejects(api.getCredential(created.Id), { name: "NotFoundError" });
  });

  it("rejects bad fields with a 400 that names each one", async () => {
    const reply = await raw(emulator, "POST", `/organizations/${orgA.id}/users`, {
      key: orgA.apiKey,
      body: { UserName: "x", Permission: "admin", HomeDirectory: "rel", Password: "weak", Colour: "blue" },
    });
    assert.equal(reply.status, 400);
    const fields = (reply.body.errors as { field: string }[]).map((e) => e.field).sort();
    assert.deepEqual(fields, ["Colour", "HomeDirectory", "Password", "Permission", "UserName"]);
    assert.match(reply.body.message, /Colour is not a known field/);
  });

  it("refuses query parameters an operation does not support, naming them", async () => {
    const reply = await raw(emulator, "GET", `/organizations/${orgA.id}/users?limit=5`, { key: orgA.apiKey });
    assert.equal(reply.status, 400);
    assert.match(reply.body.message, /'limit' is not supported by GET \/users; this operation takes none/);
  });

  it("keeps user names unique", async () => {
    await api.createCredential({ UserName: "unique-name-1", HomeDirectory: "/u" });
    await assert.rejects(api.createCredential({ UserName: "unique-name-1", HomeDirectory: "/v" }), { status: 409 });
  });

  it("rotates or sets a password and replaces inbound rules as a whole", async () => {
    const created = await api.createCredential({ HomeDirectory: "/r" });
    await api.setPassword(created.Id);
    const rotated = await api.getCredential(created.Id);
    assert.notEqual(rotated.Password, created.Password);
    await api.setPassword(created.Id, "Chosen-Passw0rd-1");
    assert.equal((await api.getCredential(created.Id)).Password, "Chosen-Passw0rd-1");
    await assert.rejects(api.setPassword(created.Id, "weak"), { status: 400 });
    await assert.rejects(api.setPassword("no-such-credential"), { name: "NotFoundError" });
    const withRules = await api.replaceInboundRules(created.Id, [
      { Protocol: "SFTP", State: "enabled", Action: "allow", Source: "203.0.113.0/24", Description: "office" },
      { Protocol: "*", State: "disabled", Action: "allow", Source: "198.51.100.7" },
    ]);
    assert.deepEqual(withRules.Settings?.Network.InboundRules.map((r) => r.Source), ["203.0.113.0/24", "198.51.100.7"]);
    assert.ok(withRules.Settings?.Network.InboundRules.every((r) => r.Id));
    await assert.rejects(
      api.replaceInboundRules(created.Id, [{ Protocol: "SFTP", State: "enabled", Action: "allow", Source: "300.1.1.1" }]),
      (e: Error & { fields?: { path: string }[] }) => e.fields?.[0].path === "Settings.Network.InboundRules.0.Source",
    );
  });

  it("answers 401 to a missing or wrong key and changes nothing", async () => {
    const before = (await api.listCredentials()).length;
    assert.equal((await raw(emulator, "POST", `/organizations/${orgA.id}/users`, { body: { HomeDirectory: "/x" } })).status, 401);
    assert.equal((await raw(emulator, "POST", `/organizations/${orgA.id}/users`, { key: "wrong", body: { HomeDirectory: "/x" } })).status, 401);
    assert.equal((await api.listCredentials()).length, before);
  });

  it("keeps organizations apart", async () => {
    const mine = await api.createCredential({ HomeDirectory: "/mine" });
    assert.equal((await raw(emulator, "GET", `/organizations/${orgA.id}/users`, { key: orgB.apiKey })).status, 403);
    assert.equal((await raw(emulator, "DELETE", `/organizations/${orgA.id}/users/${mine.Id}`, { key: orgB.apiKey })).status, 403);
    assert.equal((await raw(emulator, "GET", `/organizations/${orgB.id}/users/${mine.Id}`, { key: orgB.apiKey })).status, 404);
    assert.equal((await api.getCredential(mine.Id)).HomeDirectory, "/mine");
  });
});

describe("emulator: durability", () => {
  it("keeps every acknowledged write across a restart on the same data directory", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "emulator-data-"));
    try {
      const first = await startEmulator({ port: 0, dataDir, organizations: [orgA] });
      const client = new SftpToGoClient({ apiKey: orgA.apiKey, organizationId: orgA.id, apiUrl: first.url });
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) => client.createCredential({ HomeDirectory: `/p${i}` })));
      await client.close();
      await first.stop();
      const second = await startEmulator({ port: 0, dataDir, organizations: [orgA] });
      const again = new SftpToGoClient({ apiKey: orgA.apiKey, organizationId: orgA.id, apiUrl: second.url });
      const listed = await again.listCredentials();
      assert.deepEqual(new Set(listed.filter((c) => !c.IsDefault).map((c) => c.Id)), new Set(created.map((c) => c.Id)));
      assert.equal(listed.filter((c) => c.IsDefault).length, 1, "the root credential is not made twice");
      await again.close();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
