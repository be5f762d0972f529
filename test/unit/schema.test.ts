import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { diffCredential } from "../../provider/credential";
import { credentialSpec } from "../../provider/specs";
import { renderSchema } from "../../scripts/generate-schema";
import { repoRoot } from "../../scripts/workspace";

describe("schema.json", () => {
  it("is what the provider's specs generate (run `npm run schema` after changing them)", () => {
    assert.equal(readFileSync(join(repoRoot, "schema.json"), "utf8"), renderSchema());
  });
  it("marks as replaceOnChanges exactly the inputs whose change diff replaces", () => {
    const olds = { userName: "alice-partner", homeDirectory: "/a", alias: "A", permission: "read-write", state: "active", chrootDirectory: "/" };
    const samples: Record<string, unknown> = {
      alias: "B", userName: "alice-partner-2", password: "Another-Passw0rd", homeDirectory: "/b", chrootDirectory: "/c",
      permission: "full", state: "inactive", expiration: 5, passwordRotationTrigger: "x", passwordMaxAgeDays: 3, adoptId: "other",
    };
    assert.deepEqual(Object.keys(samples).sort(), Object.keys(credentialSpec.inputs).sort(), "a sample for every input");
    for (const [name, value] of Object.entries(samples)) {
      const diff = diffCredential(olds, { ...olds, [name]: value });
      assert.equal(diff.changes, !credentialSpec.inputs[name].createOnly, `${name} is a change unless read only at creation`);
      assert.equal((diff.replaces ?? []).includes(name), credentialSpec.inputs[name].replaceOnChanges === true, `${name} replace flag`);
    }
  });
});
