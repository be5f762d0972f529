import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MockAgent } from "undici";
import { SftpToGoClient } from "../../sdk/sftptogo/client";
import { StediSftpClient } from "../../sdk/stedi/client";

const apiKey = "sk_test_do_not_print_me";
const origin = "https://api.sftptogo.test";
const credential = {
  Id: "c1",
  OrganizationId: "org",
  UserName: "alice-partner",
  HomeDirectory: "/alice",
  Permission: "read-write",
  State: "active",
  IsDefault: false,
  CreatedAt: 1,
  UpdatedAt: 1,
};

function client(agent: MockAgent) {
  return new SftpToGoClient({ apiKey, organizationId: "org", apiUrl: origin, dispatcher: agent, sleep: async () => {} });
}

function mockAgent() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return agent;
}

describe("request mapping (unit, MockAgent)", () => {
  it("sends Bearer auth and JSON to the organization's path", async () => {
    const agent = mockAgent();
    let seen: { headers?: unknown; body?: unknown } = {};
    agent
      .get(origin)
      .intercept({ path: "/organizations/org/users", method: "POST" })
      .reply(201, (options) => {
        seen = { headers: options.headers, body: options.body };
        return credential;
      });
    const created = await client(agent).createCredential({ HomeDirectory: "/alice" });
    assert.equal(created.Id, "c1");
    assert.equal((seen.headers as Record<string, string>).authorization, `Bearer ${apiKey}`);
    assert.deepEqual(JSON.parse(String(seen.body)), { HomeDirectory: "/alice" });
  });

  it("retries a GET after 503 and honours Retry-After", async () => {
    const agent = mockAgent();
    const pool = agent.get(origin);
    pool.intercept({ path: "/organizations/org/users/c1", method: "GET" }).reply(503, { message: "busy" }, { headers: { "retry-after": "0" } });
    pool.intercept({ path: "/organizations/org/users/c1", method: "GET" }).reply(200, credential);
    assert.equal((await client(agent).getCredential("c1")).UserName, "alice-partner");
  });

  it("does not retry a create answered 503", async () => {
    const agent = mockAgent();
    const pool = agent.get(origin);
    pool.intercept({ path: "/organizations/org/users", method: "POST" }).reply(503, { message: "busy" });
    pool.intercept({ path: "/organizations/org/users", method: "POST" }).reply(201, credential);
    await assert.rejects(client(agent).createCredential({}), { name: "ServerError", status: 503 });
  });

  it("maps 404 to NotFoundError with the request id, and never puts the key in the message", async () => {
    const agent = mockAgent();
    agent
      .get(origin)
      .intercept({ path: "/organizations/org/users/gone", method: "GET" })
      .reply(404, { message: "Credentials 'gone' not found", code: "NotFound" }, { headers: { "x-request-id": "req-42" } });
    const error = await client(agent).getCredential("gone").then(
      () => assert.fail("should reject"),
      (e: Error & { requestId?: string; status?: number }) => e,
    );
    assert.equal(error.name, "NotFoundError");
    assert.equal(error.status, 404);
    assert.equal(error.requestId, "req-42");
    assert.match(error.message, /not found/);
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(apiKey));
  });

  it("rejects a success body that does not match the documented shape", async () => {
    const agent = mockAgent();
    agent.get(origin).intercept({ path: "/organizations/org/users/c1", method: "GET" }).reply(200, { Id: 5 });
    await assert.rejects(client(agent).getCredential("c1"), { name: "ResponseShapeError" });
  });

  it("reads Stedi's error name from x-amzn-errortype and its field list", async () => {
    const agent = mockAgent();
    agent
      .get("https://stedi.test")
      .intercept({ path: "/2022-04-01/users", method: "POST" })
      .reply(400, { message: "bad", fieldList: [{ path: "/homeDirectory", message: "must start with /" }] }, {
        headers: { "x-amzn-errortype": "ValidationException:http://internal" },
      });
    const stedi = new StediSftpClient({ apiKey, apiUrl: "https://stedi.test/2022-04-01", dispatcher: agent });
    await assert.rejects(stedi.createUser({ homeDirectory: "x" }), (e: Error & { code?: string; fields?: unknown[] }) => {
      assert.equal(e.code, "ValidationException");
      assert.equal(e.fields?.length, 1);
      return true;
    });
  });
});
