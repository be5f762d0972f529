import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkCredential, diffCredential } from "../../provider/credential";
import { unknownValue } from "../../provider/checks";

const olds = {
  alias: "Alice",
  userName: "alice-partner",
  password: "Generated-Passw0rd",
  homeDirectory: "/alice",
  chrootDirectory: "/",
  permission: "read-write",
  state: "active",
  passwordCreatedAt: "2026-01-01T00:00:00.000Z",
};

describe("Credential check", () => {
  it("applies the service's defaults and normal form, so previews stay empty", () => {
    const { inputs, failures } = checkCredential({ homeDirectory: "/alice//inbox/" });
    assert.deepEqual(failures, []);
    assert.equal(inputs.homeDirectory, "/alice/inbox");
    assert.equal(inputs.chrootDirectory, "/");
    assert.equal(inputs.permission, "read-write");
    assert.equal(inputs.state, "active");
  });
  it("names the field, the bad value and what is allowed", () => {
    const { failures } = checkCredential({ homeDirectory: "alice", permission: "admin", userName: "short" });
    const reasons = failures.map((f) => f.reason).join("\n");
    assert.match(reasons, /homeDirectory is "alice"; it must be an absolute path/);
    assert.match(reasons, /permission is "admin"; allowed values are none, read-only, read-write, write-only, full/);
    assert.match(reasons, /userName is "short"; it must be 10 to 100/);
  });
  it("never echoes a bad password and reports it against the resource", () => {
    const { failures } = checkCredential({ homeDirectory: "/a", password: "weakpw1" });
    assert.equal(failures.length, 1);
    assert.equal(failures[0].property, "");
    assert.ok(!failures[0].reason.includes("weakpw1"));
    assert.match(failures[0].reason, /password is \(secret value\)/);
  });
  it("requires homeDirectory and leaves values unknown at preview unjudged", () => {
    assert.match(checkCredential({}).failures[0].reason, /homeDirectory is required/);
    assert.deepEqual(checkCredential({ homeDirectory: unknownValue }).failures, []);
  });
});

describe("Credential diff", () => {
  it("reports no change when inputs match the outputs", () => {
    const { password: _generated, ...inputs } = olds;
    assert.equal(diffCredential(olds, inputs).changes, false);
  });
  it("updates in place for settings, replaces for the user name", () => {
    const update = diffCredential(olds, { ...olds, permission: "read-only" });
    assert.deepEqual([update.changes, update.replaces], [true, []]);
    const replace = diffCredential(olds, { ...olds, userName: "alice-partner-2" });
    assert.deepEqual(replace.replaces, ["userName"]);
  });
  it("rotates when the trigger changes or the password is older than the maximum age", () => {
    assert.equal(diffCredential({ ...olds, passwordRotationTrigger: "1" }, { ...olds, passwordRotationTrigger: "2" }).changes, true);
    const now = Date.parse("2026-03-01T00:00:00Z");
    assert.equal(diffCredential({ ...olds, passwordMaxAgeDays: 90 }, { ...olds, passwordMaxAgeDays: 90 }, now).changes, false);
    assert.equal(diffCredential({ ...olds, passwordMaxAgeDays: 30 }, { ...olds, passwordMaxAgeDays: 30 }, now).changes, true);
  });
  it("treats a value unknown at preview as a change", () => {
    assert.equal(diffCredential(olds, { ...olds, alias: unknownValue }).changes, true);
  });
});
