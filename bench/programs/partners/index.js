// 100 partners (credential, two SSH keys, an allow-list each) on this package's resources.
const pulumi = require("@pulumi/pulumi");
const { TradingPartner } = require("pulumi-sftp-partners");

const keys = new pulumi.Config().requireObject("keys");
for (let i = 0; i < keys.length; i++) {
  new TradingPartner(`partner-${i}`, {
    alias: `Partner ${i}`,
    homeDirectory: `/partners/${i}`,
    sshPublicKeys: keys[i],
    allowedSources: [`10.${i}.0.0/16`, "203.0.113.0/24"],
  });
}
