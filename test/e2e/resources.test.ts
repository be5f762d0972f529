import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { join } from "node:path";
import { StediSftpClient } from "../../sdk/stedi/client";
import { backendFiles, callsSince, e2eContext, type E2eContext } from "../support/harness";
import { sshKeygen, type GeneratedKey } from "../support/keys";

const programDir = join(__dirname, "program");
const hookToken = "Bearer hook-token-0123456789";
const linkPassword = "Share-Passw0rd-0123";

type Declared = Record<string, { kind: string; args: Record<string, unknown> }>;

describe("SSH keys, allow-lists, webhooks, share links, Stedi users and TradingPartner through the real engine", { timeout: 900_000 }, () => {
  let ctx: E2eContext;
  let stedi: StediSftpClient;
  let keys: GeneratedKey[];
  const declare = async (resources: Declared) => {
    await ctx.stack.setConfig("credentials", { value: JSON.stringify({ acme: { alias: "Acme", homeDirectory: "/acme" } }) });
    await ctx.stack.setConfig("resources", { value: JSON.stringify(resources), secret: true });
  };
  const outputs = async () => {
    const all = await ctx.stack.outputs();
    return Object.fromEntries(Object.entries(all).map(([name, output]) => [name, output.value])) as Record<string, Record<string, string>>;
  };
  const base = (): Declared => ({
    "acme-key": { kind: "SshPublicKey", args: { credentialId: "id:acme", publicKey: keys[0].line } },
    "acme-allow": { kind: "InboundRules", args: { credentialId: "id:acme", rules: ["203.0.113.0/24", { source: "198.51.100.7", protocol: "SFTP", description: "office" }] } },
    hook: { kind: "Webhook", args: { alias: "EDI", url: "https://hooks.example.com/sftp", topics: ["file.created", "file.deleted"], authorizationHeader: hookToken } },
    link: { kind: "ShareLink", args: { path: "/acme/outbound/", accessLimit: 5, password: linkPassword, notes: "Q1" } },
    edi: { kind: "StediUser", args: { description: "Acme EDI", homeDirectory: "/acme", passwordLength: 20 } },
    globex: { kind: "TradingPartner", args: { alias: "Globex", homeDirectory: "/globex", sshPublicKeys: [keys[1].line], allowedSources: ["192.0.2.0/24"] } },
  });
  const noChanges = (summary: Record<string, number | undefined>) => Object.keys(summary).filter((op) => op !== "same" && summary[op]).length === 0;

  before(async () => {
    ctx = await e2eContext(programDir);
    stedi = new StediSftpClient({ apiKey: ctx.emulator.stediApiKey, apiUrl: ctx.emulator.stediApiUrl });
    keys = [sshKeygen("ed25519", "acme@laptop"), sshKeygen("rsa", "globex@ci"), sshKeygen("ecdsa", "acme@new")];
  });
  after(async () => {
    keys?.forEach((key) => key.dispose());
    await stedi?.close();
    await ctx?.cleanup();
  });

  it("up creates every kind of object on the service", async () => {
    await declare(base());
    await ctx.stack.up();
    const { ids } = await outputs();
    const acmeKeys = await ctx.api.listSshPublicKeys(ids.acme);
    assert.deepEqual(acmeKeys.map((k) => k.Fingerprint), [keys[0].fingerprint]);
    const acme = await ctx.api.getCredential(ids.acme);
    assert.deepEqual(new Set(acme.Settings?.Network.InboundRules.map((r) => `${r.Source} ${r.Protocol}`)), new Set(["203.0.113.0/24 *", "198.51.100.7 SFTP"]));
    const [hook] = await ctx.api.listWebhooks();
    assert.deepEqual([hook.Id, hook.AuthorizationHeader, hook.Topics], [ids.hook, hookToken, ["file.created", "file.deleted"]]);
    const link = await ctx.api.getShareLink(ids.link);
    assert.deepEqual([link.Path, link.AccessLimit, link.Password], ["/acme/outbound/", 5, linkPassword]);
    const user = await stedi.readUser(ids.edi);
    assert.equal(user.homeDirectory, "/acme");
    const globex = await ctx.api.getCredential(ids.globex);
    assert.equal((await ctx.api.listSshPublicKeys(globex.Id))[0].Fingerprint, keys[1].fingerprint);
    assert.deepEqual(globex.Settings?.Network.InboundRules.map((r) => r.Source), ["192.0.2.0/24"]);
  });

  it("keeps every secret out of the state files in plain text", async () => {
    const { passwords, webhookSecrets } = await outputs();
    assert.equal(passwords.edi.length, 20, "the Stedi password is an output");
    assert.match(webhookSecrets.hook, /^whsec_/);
    const state = backendFiles(ctx.stateDir);
    for (const secret of [hookToken, linkPassword, passwords.edi, webhookSecrets.hook, passwords.globex, passwords.acme]) {
      assert.ok(secret && !state.includes(secret), `a secret of ${secret.length} characters is not in state`);
    }
  });

  it("a preview with reordered lists, re-commented keys and equivalent rule forms shows no changes and calls nothing", async () => {
    const resources = base();
    resources["acme-key"].args.publicKey = `  ${keys[0].line.split(" ").slice(0, 2).join("   ")} renamed@host \n`;
    resources["acme-allow"].args.rules = [{ source: "198.51.100.7", protocol: "SFTP", description: "office", state: "enabled" }, { source: "203.0.113.0/24" }];
    resources.hook.args.topics = ["file.deleted", "file.created"];
    await declare(resources);
    const calls = ctx.emulator.stats().total;
    const preview = await ctx.stack.preview();
    assert.ok(noChanges(preview.changeSummary), JSON.stringify(preview.changeSummary));
    assert.equal(callsSince(ctx.emulator, calls), 0);
  });

  it("in-place changes update the same objects, and the Stedi password survives update and refresh", async () => {
    const before = await outputs();
    const resources = base();
    (resources["acme-allow"].args.rules as unknown[]).push("10.1.0.0/16");
    resources.hook.args = { ...resources.hook.args, state: "paused", topics: ["file.created", "file.deleted", "file.downloaded"] };
    resources.link.args = { ...resources.link.args, notes: "Q2", accessLimit: 10 };
    resources.edi.args = { ...resources.edi.args, description: "Acme EDI (prod)" };
    await declare(resources);
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.update, 4);
    await ctx.stack.refresh();
    const after = await outputs();
    assert.deepEqual(after.ids, before.ids);
    assert.equal(after.passwords.edi, before.passwords.edi, "the password Stedi returned once is kept");
    assert.equal((await ctx.api.listWebhooks())[0].State, "paused");
    assert.equal((await ctx.api.getShareLink(after.ids.link)).Notes, "Q2");
    assert.equal((await stedi.readUser(after.ids.edi)).description, "Acme EDI (prod)");
    assert.equal((await ctx.api.getCredential(after.ids.acme)).Settings?.Network.InboundRules.length, 3);
  });

  it("a different key, shared path, webhook type or Stedi password length replaces the object", async () => {
    const before = await outputs();
    const resources = base();
    resources["acme-key"].args.publicKey = keys[2].line;
    resources.link.args = { ...resources.link.args, path: "/acme/reports/" };
    resources.hook.args = { ...resources.hook.args, type: "slack", url: "https://hooks.slack.com/services/T0/B0/x" };
    resources.edi.args = { ...resources.edi.args, passwordLength: 24 };
    await declare(resources);
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.replace, 4);
    const after = await outputs();
    assert.notEqual(after.ids["acme-key"], before.ids["acme-key"]);
    assert.deepEqual((await ctx.api.listSshPublicKeys(after.ids.acme)).map((k) => k.Fingerprint), [keys[2].fingerprint]);
    await assert.rejects(ctx.api.getShareLink(before.ids.link), { name: "NotFoundError" });
    assert.deepEqual((await ctx.api.listWebhooks()).map((w) => [w.Id === before.ids.hook, w.Type]), [[false, "slack"]]);
    assert.notEqual(after.ids.edi, before.ids.edi);
    assert.equal(after.passwords.edi.length, 24, "the new user's password has the new length");
    await assert.rejects(stedi.readUser(before.ids.edi), { name: "NotFoundError" });
    await declare(base());
    await ctx.stack.up();
  });

  it("drift and out-of-band deletes show in refresh and the next up repairs them", async () => {
    const before = await outputs();
    await ctx.api.removeSshPublicKey(before.ids.acme, before.ids["acme-key"]);
    await ctx.api.replaceInboundRules(before.ids.acme, [{ Protocol: "*", State: "enabled", Action: "allow", Source: "0.0.0.0/0" }]);
    await ctx.api.updateWebhook(before.ids.hook, { State: "enabled" });
    await stedi.deleteUser(before.ids.edi);
    const drift = await ctx.stack.preview({ refresh: true, diff: true });
    assert.match(drift.stdout, /0\.0\.0\.0\/0/, "the changed allow-list is shown");
    const calls = ctx.emulator.stats().total;
    await ctx.stack.refresh();
    assert.ok(callsSince(ctx.emulator, calls) <= 6, "a refresh lists each kind once instead of reading each object");
    await ctx.stack.up();
    const after = await outputs();
    assert.equal((await ctx.api.listSshPublicKeys(after.ids.acme))[0].Fingerprint, keys[0].fingerprint);
    assert.equal((await ctx.api.getCredential(after.ids.acme)).Settings?.Network.InboundRules.length, 2);
    assert.equal((await ctx.api.listWebhooks())[0].State, "enabled", "base() declares the webhook enabled");
    assert.notEqual(after.ids.edi, before.ids.edi, "the deleted Stedi user is created again");
    assert.equal(after.passwords.edi.length, 20);
  });

  it("adopts existing objects without recreating them", async () => {
    const credential = await ctx.api.createCredential({ Alias: "Initech (console)", HomeDirectory: "/initech" });
    const key = await ctx.api.addSshPublicKey(credential.Id, keys[1].line);
    const hook = await ctx.api.createWebhook({ Url: "https://ops.example.com/hook", Topics: ["file.created"] });
    const link = await ctx.api.createShareLink({ Path: "/initech/", Permission: "read-only" });
    const counts = async () => [(await ctx.api.listCredentials()).length, (await ctx.api.listWebhooks()).length, (await ctx.api.listShareLinks()).length];
    const before = await counts();
    await declare({
      ...base(),
      initech: { kind: "TradingPartner", args: { adoptId: credential.Id, alias: "Initech", homeDirectory: "/initech" } },
      "initech-key": { kind: "SshPublicKey", args: { adoptId: key.Id, credentialId: credential.Id, publicKey: keys[1].line } },
      "ops-hook": { kind: "Webhook", args: { adoptId: hook.Id, url: "https://ops.example.com/hook", topics: ["file.created", "file.deleted"] } },
      "initech-link": { kind: "ShareLink", args: { adoptId: link.Id, path: "/initech/", notes: "managed" } },
    });
    await ctx.stack.up();
    assert.deepEqual(await counts(), before, "nothing was created");
    const { ids } = await outputs();
    assert.deepEqual([ids.initech, ids["initech-key"], ids["ops-hook"], ids["initech-link"]], [credential.Id, key.Id, hook.Id, link.Id]);
    assert.equal((await ctx.api.getCredential(credential.Id)).Alias, "Initech", "the adopted credential now matches the program");
    assert.equal((await ctx.api.getShareLink(link.Id)).Notes, "managed");
    const preview = await ctx.stack.preview();
    assert.ok(noChanges(preview.changeSummary), "adopted objects are stable");
  });

  it("bad input of every kind fails the preview, naming resource, field and value, before any API call", async () => {
    const cases: [Declared, RegExp[]][] = [
      [
        { "acme-key": { kind: "SshPublicKey", args: { credentialId: "id:acme", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMq" } } },
        [/'acme-key'.*publicKey is "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMq"; it is not an OpenSSH public key/s],
      ],
      [
        { "acme-allow": { kind: "InboundRules", args: { credentialId: "id:acme", rules: ["203.0.113.0/24", "300.1.1.1"] } } },
        [/'acme-allow'.*rules\[1\]\.source is "300\.1\.1\.1"; it must be one IP address or a CIDR range/s],
      ],
      [
        { hook: { kind: "Webhook", args: { url: "http://insecure.example.com", topics: ["file.renamed"], authorizationHeader: hookToken } } },
        [/'hook'.*url is "http:\/\/insecure\.example\.com"; it must be an https:\/\/ URL/s, /topics.*"file\.renamed".*allowed topics are file\.created, file\.deleted, file\.downloaded/s],
      ],
      [{ link: { kind: "ShareLink", args: { path: "relative/", password: "weak-share" } } }, [/'link'.*path is "relative\/"/s, /password is \(secret value\); it must meet the password policy/]],
      [{ edi: { kind: "StediUser", args: { description: "Acme EDI", homeDirectory: "/acme", passwordLength: 5 } } }, [/'edi'.*passwordLength is 5; it must be a whole number at least 12 and at most 128/s]],
    ];
    for (const [resources, patterns] of cases) {
      await declare(resources);
      const calls = ctx.emulator.stats().total;
      const failure = await ctx.stack.preview().then(
        () => assert.fail("preview should fail"),
        (error: Error) => error.message,
      );
      for (const pattern of patterns) assert.match(failure, pattern);
      assert.ok(!failure.includes("weak-share") && !failure.includes(hookToken), "no secret is echoed");
      assert.equal(callsSince(ctx.emulator, calls), 0, "no API call was made");
    }
  });

  it("lookups find objects the program does not manage", async () => {
    await declare(base());
    const globex = (await ctx.api.listCredentials()).find((c) => c.HomeDirectory === "/globex")!;
    await ctx.stack.setConfig("lookupUserName", { value: globex.UserName });
    await ctx.stack.up();
    assert.equal((await ctx.stack.outputs()).lookedUp.value, globex.Id);
    await ctx.stack.removeConfig("lookupUserName");
  });

  it("destroy removes every object and restores nothing it did not own", async () => {
    await ctx.stack.destroy();
    assert.deepEqual((await ctx.api.listCredentials()).map((c) => c.IsDefault), [true]);
    assert.equal((await ctx.api.listWebhooks()).length, 0);
    assert.equal((await ctx.api.listShareLinks()).length, 0);
    assert.equal((await stedi.listUsers()).length, 0);
  });
});
