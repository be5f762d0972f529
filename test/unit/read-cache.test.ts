import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ListCache } from "../../provider/context";
import { diffSshPublicKey } from "../../provider/ssh-public-key";
import { checkInboundRules } from "../../provider/inbound-rules";

describe("refresh reads from shared list calls", () => {
  it("answers concurrent reads with one list call, lists again after the time to live or a write", async () => {
    let now = 0;
    let calls = 0;
    const cache = new ListCache(1000, () => now);
    const list = async () => [++calls];
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get("credentials", list)));
    assert.equal(calls, 1);
    assert.ok(answers.every((a) => a[0] === 1));
    now = 1500;
    await cache.get("credentials", list);
    assert.equal(calls, 2, "expired");
    cache.clear();
    await cache.get("credentials", list);
    assert.equal(calls, 3, "dropped after a write");
  });

  it("does not keep a failed list", async () => {
    const cache = new ListCache(1000, () => 0);
    await assert.rejects(cache.get("webhooks", async () => Promise.reject(new Error("503"))));
    assert.deepEqual(await cache.get("webhooks", async () => ["ok"]), ["ok"]);
  });
});

describe("order-free and normalized inputs", () => {
  const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYotT1CH4sH75ZNB8diEKapKavZRGTLme0uSFYL+XMs alice@partner.example";
  it("treats a key with other whitespace or comment as the same key, and another key as a replacement", () => {
    const olds = { credentialId: "c1", publicKey: key };
    assert.equal(diffSshPublicKey(olds, { credentialId: "c1", publicKey: `\t${key.replace(" ", "   ").replace("alice@partner.example", "laptop")}\n` }).changes, false);
    const other = diffSshPublicKey(olds, { credentialId: "c1", publicKey: key.replace("AAAAILYo", "AAAAILYp") });
    assert.deepEqual(other.replaces, ["publicKey"]);
  });
  it("fills rule defaults so a plain source and the full rule are the same rule", () => {
    const { inputs, failures } = checkInboundRules({ credentialId: "c1", rules: ["10.0.0.0/8", { source: "::1", protocol: "SFTP" }] });
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs.rules, [
      { source: "10.0.0.0/8", protocol: "*", state: "enabled" },
      { source: "::1", protocol: "SFTP", state: "enabled" },
    ]);
  });
});
