import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  CreateUserCommand,
  DeleteUserCommand,
  ListUsersCommand,
  ReadUserCommand,
  SftpClient,
  UpdateUserCommand,
} from "@stedi/sdk-client-sftp";
import { startEmulator, type RunningEmulator } from "../../emulator/index";

describe("emulator: Stedi SFTP users, driven by Stedi's own client", () => {
  let emulator: RunningEmulator;
  let client: SftpClient;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    client = new SftpClient({ region: "us", apiKey: emulator.stediApiKey, endpoint: emulator.stediApiUrl });
  });
  after(async () => {
    client.destroy();
    await emulator.stop();
  });

  it("creates a user with a generated username and a password of the requested length, returned only then", async () => {
    const created = await client.send(new CreateUserCommand({ description: "Trading partner Alice", homeDirectory: "/alice", passwordOptions: { length: 20 } }));
    assert.equal(created.$metadata.httpStatusCode, 201);
    assert.match(created.username!, /^[A-Z0-9]{8}$/);
    assert.equal(created.password?.length, 20);
    assert.ok(created.$metadata.requestId, "a request id is returned");
    const read = await client.send(new ReadUserCommand({ username: created.username }));
    assert.equal(read.homeDirectory, "/alice");
    assert.equal(read.description, "Trading partner Alice");
    assert.equal((read as { password?: string }).password, undefined, "no password after create");
  });

  it("updates and deletes a user", async () => {
    const { username } = await client.send(new CreateUserCommand({ description: "Bob", homeDirectory: "/bob" }));
    const updated = await client.send(new UpdateUserCommand({ username, description: "Trading partner Bob", homeDirectory: "/bob/in" }));
    assert.deepEqual([updated.description, updated.homeDirectory], ["Trading partner Bob", "/bob/in"]);
    const deleted = await client.send(new DeleteUserCommand({ username }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    await assert.rejects(client.send(new ReadUserCommand({ username })), { name: "ResourceNotFoundException" });
  });

  it("pages through users with pageSize and pageToken", async () => {
    for (let i = 0; i < 5; i++) await client.send(new CreateUserCommand({ description: `page ${i}`, homeDirectory: `/page${i}` }));
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await client.send(new ListUsersCommand({ pageSize: 2, pageToken }));
      assert.ok(page.items!.length <= 2);
      seen.push(...page.items!.map((u) => u.username!));
      pageToken = page.nextPageToken;
    } while (pageToken);
    assert.equal(new Set(seen).size, seen.length, "no user twice");
    assert.ok(seen.length >= 5);
  });

  it("answers bad input with a ValidationException that lists the fields", async () => {
    await assert.rejects(client.send(new CreateUserCommand({ description: "bad", homeDirectory: "alice", passwordOptions: { length: 3 } })), (error: Error & { fieldList?: { path: string }[] }) => {
      assert.equal(error.name, "ValidationException");
      assert.deepEqual(error.fieldList?.map((f) => f.path).sort(), ["/homeDirectory", "/passwordOptions/length"]);
      return true;
    });
  });

  it("refuses a wrong key with 401 and creates nothing", async () => {
    const before = (await client.send(new ListUsersCommand({}))).items!.length;
    const intruder = new SftpClient({ region: "us", apiKey: "wrong-key", endpoint: emulator.stediApiUrl });
    await assert.rejects(intruder.send(new CreateUserCommand({ description: "x", homeDirectory: "/x" })), (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode === 401);
    intruder.destroy();
    assert.equal((await client.send(new ListUsersCommand({}))).items!.length, before);
  });
});
