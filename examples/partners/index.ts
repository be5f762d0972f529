// Onboards the seeds' trading partners. Alice and Bob each get an SFTP To Go login confined to
// their own folder, an SSH key or allow-list where they have one, Alice's integration gets a
// webhook and Bob a share link for his reports; a root login sees every partner's files, and
// Carol, who connects through Stedi, gets a Stedi SFTP user.
import * as pulumi from "@pulumi/pulumi";
import { Credential, StediUser, TradingPartner } from "pulumi-sftp-partners";

const config = new pulumi.Config();
const rotation = config.get("passwordRotation") ?? "initial";
// Where Alice's integration receives file events; the demo points it at a local receiver.
const aliceWebhookUrl = config.get("aliceWebhookUrl") ?? "https://hooks.example.com/alice";

const alice = new TradingPartner("alice", {
  alias: "Trading partner Alice",
  homeDirectory: "/alice",
  permission: "read-write",
  passwordRotationTrigger: rotation,
  sshPublicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYotT1CH4sH75ZNB8diEKapKavZRGTLme0uSFYL+XMs alice@partner.example"],
  allowedSources: ["127.0.0.0/8", { source: "203.0.113.0/24", protocol: "SFTP", description: "Alice's office" }],
  webhook: {
    alias: "Alice's EDI intake",
    url: aliceWebhookUrl,
    topics: ["file.created"],
    authorizationHeader: pulumi.secret("Bearer alice-intake-token"),
  },
});

const bob = new TradingPartner("bob", {
  alias: "Trading partner Bob",
  homeDirectory: "/bob",
  permission: "read-write",
  passwordRotationTrigger: rotation,
  shareLink: { path: "/bob/reports/", permission: "read-only", accessLimit: 20, notes: "Monthly reports for Bob" },
});

const root = new Credential("root", {
  alias: "Root user",
  homeDirectory: "/",
  permission: "full",
});

const carol = new StediUser("carol", { description: "Trading partner Carol (Stedi)", homeDirectory: "/carol" });

export const host = alice.host;
export const usernames = { alice: alice.userName, bob: bob.userName, root: root.userName, carol: carol.username };
export const passwords = { alice: alice.password, bob: bob.password, root: root.password, carol: carol.password };
export const bobReportsLink = bob.shareLink!.url;
