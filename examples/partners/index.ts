// Onboards the seeds' trading partners on SFTP To Go: Alice and Bob each get a login confined to
// their own folder, and a root login sees every partner's files.
import * as pulumi from "@pulumi/pulumi";
import { Credential } from "pulumi-sftp-partners";

const config = new pulumi.Config();
const rotation = config.get("passwordRotation") ?? "initial";

const alice = new Credential("alice", {
  alias: "Trading partner Alice",
  homeDirectory: "/alice",
  permission: "read-write",
  passwordRotationTrigger: rotation,
});

const bob = new Credential("bob", {
  alias: "Trading partner Bob",
  homeDirectory: "/bob",
  permission: "read-write",
  passwordRotationTrigger: rotation,
});

const root = new Credential("root", {
  alias: "Root user",
  homeDirectory: "/",
  permission: "full",
});

export const host = alice.host;
export const usernames = { alice: alice.userName, bob: bob.userName, root: root.userName };
export const passwords = { alice: alice.password, bob: bob.password, root: root.password };
