import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileOnDisk } from "../../emulator/files";
import { startEmulator, type RunningEmulator } from "../../emulator/index";
import { SftpToGoClient } from "../../sdk/sftptogo/client";
import { StediSftpClient } from "../../sdk/stedi/client";
import type { Permission } from "../../emulator/sftp/access";
import { webhookReceiver } from "../../scripts/webhook-receiver";
import { sshKeygen } from "../support/keys";
import { allowed, nodeSftp, opensshSftp } from "../support/sftp-clients";

const password = "Partner-Passw0rd-1";

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe("data plane: the emulator's SFTP server enforces the control plane", { timeout: 300_000 }, () => {
  let emulator: RunningEmulator;
  let api: SftpToGoClient;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let organizationId: string;
  const workDir = mkdtempSync(join(tmpdir(), "data-plane-"));
  const login = async (fields: Parameters<SftpToGoClient["createCredential"]>[0]) => api.createCredential({ Password: password, ...fields });
  const onDisk = (servicePath: string) => fileOnDisk(emulator.filesRoot, "sftptogo", organizationId, servicePath);

  before(async () => {
    receiver = await webhookReceiver();
    emulator = await startEmulator({ port: 0, webhookRetryDelaysMs: [50, 100], webhookTrustedCa: receiver.ca });
    const [organization] = emulator.organizations;
    organizationId = organization.id;
    api = new SftpToGoClient({ apiKey: organization.apiKey, organizationId, apiUrl: emulator.url });
  });
  after(async () => {
    await api.close();
    await emulator.stop();
    await receiver.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("a partner logs in with OpenSSH sftp and a password, uploads and downloads; files land under the data directory", async () => {
    const alice = await login({ HomeDirectory: "/alice" });
    const local = join(workDir, "po.edi");
    writeFileSync(local, "ISA*00*...~");
    const run = await opensshSftp({
      port: emulator.sftpPort,
      user: alice.UserName,
      password,
      commands: ["pwd", "mkdir in", `put ${local} in/po.edi`, "ls -l in", `get in/po.edi ${join(workDir, "back.edi")}`],
    });
    assert.match(run.stdout, /Remote working directory: \//);
    assert.match(run.stdout, /po\.edi/);
    assert.equal(readFileSync(onDisk("/alice/in/po.edi"), "utf8"), "ISA*00*...~");
    assert.equal(readFileSync(join(workDir, "back.edi"), "utf8"), "ISA*00*...~");
  });

  it("enforces each permission level on list, read, write, delete, mkdir and rename", async () => {
    const expected: Record<Permission, Record<string, boolean>> = {
      none: { list: false, read: false, write: false, delete: false, mkdir: false, rename: false },
      "read-only": { list: true, read: true, write: false, delete: false, mkdir: false, rename: false },
      "write-only": { list: false, read: false, write: true, delete: false, mkdir: true, rename: false },
      "read-write": { list: true, read: true, write: true, delete: false, mkdir: true, rename: true },
      full: { list: true, read: true, write: true, delete: true, mkdir: true, rename: true },
    };
    for (const [permission, operations] of Object.entries(expected) as [Permission, Record<string, boolean>][]) {
      const credential = await login({ HomeDirectory: `/perm-${permission}`, Permission: permission });
      mkdirSync(onDisk(`/perm-${permission}`), { recursive: true });
      writeFileSync(onDisk(`/perm-${permission}/seed.txt`), "seed");
      writeFileSync(onDisk(`/perm-${permission}/victim.txt`), "victim");
      const { sftp, close } = await nodeSftp({ port: emulator.sftpPort, user: credential.UserName, password });
      const actual = {
        list: await allowed((done) => sftp.readdir("/", (e) => done(e))),
        read: await allowed((done) => sftp.readFile("/seed.txt", (e) => done(e))),
        write: await allowed((done) => sftp.writeFile("/new.txt", "new", (e) => done(e))),
        delete: await allowed((done) => sftp.unlink("/victim.txt", done)),
        mkdir: await allowed((done) => sftp.mkdir("/folder", done)),
        rename: await allowed((done) => sftp.rename("/seed.txt", "/renamed.txt", done)),
      };
      close();
      assert.deepEqual(actual, operations, `permission ${permission}`);
      assert.equal(existsSync(onDisk(`/perm-${permission}/victim.txt`)), !operations.delete, `${permission}: the file is deleted only when allowed`);
    }
  });

  it("contains every path inside the home directory: .., absolute paths and symlinks", async () => {
    const bob = await login({ HomeDirectory: "/bob", Permission: "full" });
    await login({ HomeDirectory: "/carol" });
    mkdirSync(onDisk("/carol"), { recursive: true });
    writeFileSync(onDisk("/carol/secret.txt"), "carol's");
    mkdirSync(onDisk("/bob"), { recursive: true });
    symlinkSync("/etc", onDisk("/bob/etc-link"));
    symlinkSync(onDisk("/carol"), onDisk("/bob/carol-link"));
    const run = await opensshSftp({
      port: emulator.sftpPort,
      user: bob.UserName,
      password,
      commands: ["cd ..", "pwd", "ls", `get /etc/hostname ${join(workDir, "h1")}`, `get ../carol/secret.txt ${join(workDir, "h2")}`, `get etc-link/hostname ${join(workDir, "h3")}`, `get carol-link/secret.txt ${join(workDir, "h4")}`],
    });
    assert.match(run.stdout, /Remote working directory: \/\n/, "cd .. stays at the user's root");
    for (const file of ["h1", "h2", "h3", "h4"]) assert.ok(!existsSync(join(workDir, file)), `${file} was not downloaded`);
    const { sftp, close } = await nodeSftp({ port: emulator.sftpPort, user: bob.UserName, password });
    assert.equal(await allowed((done) => sftp.symlink("/etc/passwd", "/passwd-link", done)), false, "no new symlinks");
    assert.equal(await allowed((done) => sftp.writeFile("../../escape.txt", "x", (e) => done(e))), true, "writes to ../.. land in the home");
    close();
    assert.ok(existsSync(onDisk("/bob/escape.txt")));
    assert.ok(!existsSync(join(emulator.filesRoot, "escape.txt")));
  });

  it("maps the home directory to the chroot name", async () => {
    const sales = await login({ HomeDirectory: "/sales", ChrootDirectory: "/ventas" });
    mkdirSync(onDisk("/sales"), { recursive: true });
    writeFileSync(onDisk("/sales/q1.csv"), "q1");
    const { sftp, close } = await nodeSftp({ port: emulator.sftpPort, user: sales.UserName, password });
    const root = await new Promise<string[]>((resolve, reject) => sftp.readdir("/", (e, list) => (e ? reject(e) : resolve(list.map((f) => f.filename)))));
    const inside = await new Promise<string>((resolve, reject) => sftp.readFile("/ventas/q1.csv", (e, data) => (e ? reject(e) : resolve(String(data)))));
    const start = await new Promise<string>((resolve, reject) => sftp.realpath(".", (e, path) => (e ? reject(e) : resolve(path))));
    close();
    assert.deepEqual([root, inside, start], [["ventas"], "q1", "/ventas"]);
  });

  it("refuses inactive and expired credentials, and applies a rotated password to new sessions", async () => {
    const dave = await login({ HomeDirectory: "/dave" });
    const tryLogin = (secret: string) => allowed((done) => nodeSftp({ port: emulator.sftpPort, user: dave.UserName, password: secret }).then((s) => (s.close(), done()), done));
    assert.equal(await tryLogin(password), true);
    await api.updateCredential(dave.Id, { State: "inactive" });
    assert.equal(await tryLogin(password), false, "inactive");
    await api.updateCredential(dave.Id, { State: "active", Expiration: Math.floor(Date.now() / 1000) - 60 });
    assert.equal(await tryLogin(password), false, "expired");
    await api.updateCredential(dave.Id, { Expiration: null });
    await api.setPassword(dave.Id, "Rotated-Passw0rd-2");
    assert.equal(await tryLogin(password), false, "the old password no longer works");
    assert.equal(await tryLogin("Rotated-Passw0rd-2"), true, "the new one does");
  });

  it("logs in with an added SSH key through OpenSSH, and not once the key is removed", async () => {
    const erin = await login({ HomeDirectory: "/erin" });
    const key = sshKeygen("ed25519", "erin@laptop");
    const keyFile = join(workDir, "erin_key");
    writeFileSync(keyFile, key.privateKey, { mode: 0o600 });
    const added = await api.addSshPublicKey(erin.Id, key.line);
    const first = await opensshSftp({ port: emulator.sftpPort, user: erin.UserName, identityFile: keyFile, commands: ["pwd"] });
    assert.equal(first.code, 0, first.stderr);
    await api.removeSshPublicKey(erin.Id, added.Id);
    const second = await opensshSftp({ port: emulator.sftpPort, user: erin.UserName, identityFile: keyFile, commands: ["pwd"] });
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /Permission denied/);
    key.dispose();
  });

  it("refuses a login whose enabled inbound rules do not match the client's address and protocol", async () => {
    const frank = await login({ HomeDirectory: "/frank" });
    const tryLogin = () => allowed((done) => nodeSftp({ port: emulator.sftpPort, user: frank.UserName, password }).then((s) => (s.close(), done()), done));
    const rule = (Source: string, Protocol: "*" | "SFTP" | "FTPS" = "SFTP", State: "enabled" | "disabled" = "enabled") => ({ Source, Protocol, State, Action: "allow" as const });
    await api.replaceInboundRules(frank.Id, [rule("203.0.113.0/24")]);
    assert.equal(await tryLogin(), false, "another network");
    await api.replaceInboundRules(frank.Id, [rule("127.0.0.1", "SFTP", "disabled")]);
    assert.equal(await tryLogin(), false, "a disabled rule");
    await api.replaceInboundRules(frank.Id, [rule("127.0.0.0/8", "FTPS")]);
    assert.equal(await tryLogin(), false, "another protocol");
    await api.replaceInboundRules(frank.Id, [rule("203.0.113.0/24"), rule("127.0.0.0/8", "*")]);
    assert.equal(await tryLogin(), true, "a matching rule");
  });

  it("lets a Stedi user log in to its own home only", async () => {
    const stediApi = new StediSftpClient({ apiKey: emulator.stediApiKey, apiUrl: emulator.stediApiUrl });
    const stedi = await stediApi.createUser({ description: "Carol", homeDirectory: "/carol-edi" });
    await stediApi.close();
    const { sftp, close } = await nodeSftp({ port: emulator.sftpPort, user: stedi.username, password: stedi.password });
    assert.equal(await allowed((done) => sftp.writeFile("/850.edi", "ISA", (e) => done(e))), true);
    const path = await new Promise<string>((resolve, reject) => sftp.realpath("../..", (e, p) => (e ? reject(e) : resolve(p))));
    close();
    assert.equal(path, "/");
  });

  it("posts signed file events to enabled webhooks whose topics match, retries failures, and logs deliveries", async () => {
    const hook = await api.createWebhook({ Url: `${receiver.url}/events`, Topics: ["file.created", "file.deleted"], AuthorizationHeader: "Bearer receiver-token" });
    await api.createWebhook({ Url: `${receiver.url}/paused`, Topics: ["file.created", "file.deleted", "file.downloaded"], State: "paused" });
    const grace = await login({ HomeDirectory: "/grace", Permission: "full" });
    receiver.failNext(1);
    const { sftp, close } = await nodeSftp({ port: emulator.sftpPort, user: grace.UserName, password });
    await allowed((done) => sftp.writeFile("/invoice.edi", "ISA*invoice", (e) => done(e)));
    await allowed((done) => sftp.readFile("/invoice.edi", (e) => done(e)));
    await allowed((done) => sftp.unlink("/invoice.edi", done));
    close();
    await until(() => receiver.received.length >= 2, "two deliveries");
    const events = receiver.received.map((r) => ({ ...r, payload: JSON.parse(r.body) as { Topic: string; Data: { Path: string; Size: number; Actor: string } } }));
    // The first attempt to arrive fails and is retried, so the events may arrive in either order.
    assert.deepEqual(events.map((e) => [e.path, e.payload.Topic, e.payload.Data.Path]).sort(), [
      ["/events", "file.created", "/grace/invoice.edi"],
      ["/events", "file.deleted", "/grace/invoice.edi"],
    ]);
    for (const event of events) {
      assert.equal(event.headers.authorization, "Bearer receiver-token");
      assert.equal(event.headers["x-webhook-signature"], "sha256=" + createHmac("sha256", hook.Secret).update(event.body).digest("hex"), "HMAC-SHA256 of the body, keyed by the secret");
      assert.equal(event.payload.Data.Actor, grace.UserName);
    }
    const deliveries = (await (
      await fetch(`${emulator.url}/organizations/${organizationId}/webhook-deliveries`, { headers: { authorization: `Bearer ${emulator.organizations[0].apiKey}` } })
    ).json()) as { WebhookId: string; State: string; Attempts: { status?: number }[] }[];
    const mine = deliveries.filter((d) => d.WebhookId === hook.Id);
    assert.deepEqual(mine.map((d) => d.State), ["delivered", "delivered"]);
    assert.deepEqual(mine.map((d) => d.Attempts.map((a) => a.status).join(",")).sort(), ["204", "500,204"], "the failed attempt was retried");
    assert.equal(deliveries.length, 2, "the paused webhook got nothing");
  });

  it("serves share links over HTTP: password, download, folder upload, access limit and expiry", async () => {
    mkdirSync(onDisk("/reports"), { recursive: true });
    writeFileSync(onDisk("/reports/march.csv"), "march");
    const fileLink = await api.createShareLink({ Path: "/reports/march.csv", Password: "Share-Passw0rd-1", AccessLimit: 2 });
    assert.equal((await fetch(fileLink.Url)).status, 401, "a password is needed");
    const download = await fetch(fileLink.Url, { headers: { "x-share-password": "Share-Passw0rd-1" } });
    assert.deepEqual([download.status, await download.text()], [200, "march"]);
    assert.equal((await api.getShareLink(fileLink.Id)).AccessCount, 1);
    assert.equal((await fetch(`${fileLink.Url}?password=Share-Passw0rd-1`)).status, 200);
    assert.equal((await fetch(`${fileLink.Url}?password=Share-Passw0rd-1`)).status, 404, "removed once the limit is reached");

    const folder = await api.createShareLink({ Path: "/reports/", Permission: "read-write-no-delete" });
    const put = await fetch(`${folder.Url}/inbox/april.csv`, { method: "PUT", body: "april" });
    assert.equal(put.status, 201);
    assert.equal(readFileSync(onDisk("/reports/inbox/april.csv"), "utf8"), "april");
    const listing = (await (await fetch(folder.Url)).json()) as { Entries: { Name: string }[] };
    assert.deepEqual(listing.Entries.map((e) => e.Name).sort(), ["inbox", "march.csv"]);
    assert.equal((await fetch(`${folder.Url}/march.csv`, { method: "DELETE" })).status, 403, "no delete");
    assert.equal((await fetch(`${folder.Url}/..%2F..%2Fescape.csv`, { method: "PUT", body: "x" })).status, 201);
    assert.ok(existsSync(onDisk("/reports/escape.csv")), "../ stays inside the shared folder");

    const readOnly = await api.createShareLink({ Path: "/reports/", Permission: "read-only" });
    assert.equal((await fetch(`${readOnly.Url}/x.csv`, { method: "PUT", body: "x" })).status, 403);
    const expired = await api.createShareLink({ Path: "/reports/march.csv", ExpiresAt: Date.now() - 1000 });
    assert.equal((await fetch(expired.Url)).status, 410);
  });
});
