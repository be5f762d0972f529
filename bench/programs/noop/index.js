// The same shape as ../partners on dynamic resources that do nothing: the engine's own cost.
const pulumi = require("@pulumi/pulumi");

const noop = {
  async create(inputs) {
    return { id: `${inputs.name}-${Date.now()}`, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff() {
    return { changes: false };
  },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name, props, opts) {
    super(noop, name, { name, ...props }, opts, "bench", "Noop");
  }
}

class Partner extends pulumi.ComponentResource {
  constructor(name, args) {
    super("bench:index:Partner", name, {}, {});
    const credential = new Noop(name, { alias: args.alias, homeDirectory: args.homeDirectory }, { parent: this });
    args.sshPublicKeys.forEach((publicKey, k) => new Noop(`${name}-key-${k}`, { credentialId: credential.id, publicKey }, { parent: this }));
    new Noop(`${name}-allow`, { credentialId: credential.id, rules: args.allowedSources }, { parent: this });
    this.registerOutputs({});
  }
}

const keys = new pulumi.Config().requireObject("keys");
for (let i = 0; i < keys.length; i++) {
  new Partner(`partner-${i}`, {
    alias: `Partner ${i}`,
    homeDirectory: `/partners/${i}`,
    sshPublicKeys: keys[i],
    allowedSources: [`10.${i}.0.0/16`, "203.0.113.0/24"],
  });
}
