import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { join } from "node:path";
import { backendFiles, callsSince, e2eContext, type E2eContext } from "../support/harness";

const programDir = join(__dirname, "program");
const alicePassword = "Initial-Passw0rd-Alice";

describe("Credential through the real Pulumi engine", { timeout: 600_000 }, () => {
  let ctx: E2eContext;
  // Secret, as a user would keep a config object that holds passwords.
  const setCredentials = (credentials: object) => ctx.stack.setConfig("credentials", { value: JSON.stringify(credentials), secret: true });
  const partners = (overrides: { alice?: object; bob?: object } = {}) => ({
    alice: { alias: "Trading partner Alice", homeDirectory: "/alice", password: alicePassword, ...overrides.alice },
    bob: { alias: "Trading partner Bob", homeDirectory: "/bob", passwordRotationTrigger: "1", ...overrides.bob },
  });
  const ids = async () => (await ctx.stack.outputs()).ids.value as Record<string, string>;

  before(async () => {
    ctx = await e2eContext(programDir);
  });
  after(async () => {
    await ctx?.cleanup();
  });

  it("up creates the credentials on the service", async () => {
    await setCredentials(partners());
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.create, 3);
    const listed = await ctx.api.listCredentials();
    const alice = listed.find((c) => c.HomeDirectory === "/alice");
    assert.ok(alice, "alice exists on the emulator");
    assert.equal(alice.Alias, "Trading partner Alice");
    assert.equal(alice.Password, alicePassword);
    assert.equal(listed.filter((c) => !c.IsDefault).length, 2);
  });

  it("a preview right after up shows no changes and makes no API call", async () => {
    const calls = ctx.emulator.stats().total;
    const preview = await ctx.stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 3 });
    assert.equal(callsSince(ctx.emulator, calls), 0);
  });

  it("keeps every password out of the exported state in plain text", async () => {
    const state = backendFiles(ctx.stateDir);
    const bobPassword = (await ctx.api.listCredentials()).find((c) => c.HomeDirectory === "/bob")?.Password;
    assert.ok(bobPassword);
    assert.ok(!state.includes(alicePassword), "the given password is not in state");
    assert.ok(!state.includes(bobPassword), "the generated password is not in state");
    assert.ok(!state.includes(ctx.emulator.organizations[0].apiKey), "the API key is not in state");
  });

  it("an in-place change updates the same credential", async () => {
    const before = await ids();
    await setCredentials(partners({ bob: { permission: "read-only" } }));
    const preview = await ctx.stack.preview();
    assert.equal(preview.changeSummary.update, 1);
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.update, 1);
    assert.deepEqual(await ids(), before);
    assert.equal((await ctx.api.getCredential(before.bob)).Permission, "read-only");
  });

  it("changing the rotation trigger rotates the password in place", async () => {
    const { bob } = await ids();
    const oldPassword = (await ctx.api.getCredential(bob)).Password;
    await setCredentials(partners({ bob: { permission: "read-only", passwordRotationTrigger: "2" } }));
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.update, 1);
    const rotated = await ctx.api.getCredential(bob);
    assert.notEqual(rotated.Password, oldPassword);
    assert.equal((await ids()).bob, bob, "same credential id");
    const outputs = await ctx.stack.outputs();
    assert.equal((outputs.passwords.value as Record<string, string>).bob, rotated.Password);
    assert.ok(!backendFiles(ctx.stateDir).includes(rotated.Password!), "the rotated password is stored encrypted");
  });

  it("a change of user name replaces the credential", async () => {
    const before = await ids();
    await setCredentials(partners({ bob: { permission: "read-only", passwordRotationTrigger: "2", userName: "bob-partner-001" } }));
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.replace, 1);
    const after = await ids();
    assert.notEqual(after.bob, before.bob);
    assert.equal((await ctx.api.getCredential(after.bob)).UserName, "bob-partner-001");
    await assert.rejects(ctx.api.getCredential(before.bob), { name: "NotFoundError" });
  });

  it("a change made behind Pulumi's back shows up in refresh and is repaired by up", async () => {
    const { alice } = await ids();
    await ctx.api.updateCredential(alice, { HomeDirectory: "/elsewhere", State: "inactive" });
    const drift = await ctx.stack.preview({ refresh: true, diff: true });
    assert.equal(drift.changeSummary.update, 1, "preview --refresh proposes to repair the drift");
    assert.match(drift.stdout, /elsewhere/);
    const refresh = await ctx.stack.refresh();
    assert.equal(refresh.summary.resourceChanges?.update, 1);
    await ctx.stack.up();
    const repaired = await ctx.api.getCredential(alice);
    assert.equal(repaired.HomeDirectory, "/alice");
    assert.equal(repaired.State, "active");
  });

  it("a credential deleted out of band is recreated by the next up", async () => {
    const { alice } = await ids();
    await ctx.api.deleteCredential(alice);
    await ctx.stack.refresh();
    const result = await ctx.stack.up();
    assert.equal(result.summary.resourceChanges?.create, 1);
    assert.notEqual((await ids()).alice, alice);
  });

  it("bad input fails the preview, naming the field and the value, before any API call", async () => {
    const calls = ctx.emulator.stats().total;
    await setCredentials(partners({ alice: { homeDirectory: "alice/../etc", permission: "admin", password: "weakpw1" } }));
    const failure = await ctx.stack.preview().then(
      () => assert.fail("preview should fail"),
      (error: Error) => error.message,
    );
    assert.match(failure, /homeDirectory/);
    assert.match(failure, /"alice\/\.\.\/etc"/);
    assert.match(failure, /permission.*"admin".*read-only/s);
    assert.match(failure, /password/);
    assert.ok(!failure.includes("weakpw1"), "the bad password is not echoed");
    assert.equal(callsSince(ctx.emulator, calls), 0);
    await setCredentials(partners());
  });

  it("destroy leaves nothing but the organization's root credential", async () => {
    await ctx.stack.destroy();
    const left = await ctx.api.listCredentials();
    assert.deepEqual(left.map((c) => c.IsDefault), [true]);
  });
});
