import * as pulumi from "@pulumi/pulumi";
import type { StediUser as WireUser } from "../sdk/stedi/client";
import { absolutePathRule, isAbsolutePath } from "../sdk/sftptogo/rules";
import { FieldChecker, diffBySpec, diffResult, ignoreNotFound } from "./checks";
import type { ProviderContext } from "./context";
import { providerFor } from "./delegate";
import { stediUserSpec } from "./specs";

export interface StediUserArgs {
  description: pulumi.Input<string>;
  homeDirectory: pulumi.Input<string>;
  /** Length of the generated password (12 to 128); used at creation only, so a change replaces the user. */
  passwordLength?: pulumi.Input<number>;
  /** Username of an existing user to manage; its password stays unknown. */
  adoptId?: pulumi.Input<string>;
}

type Props = Record<string, unknown>;

export function checkStediUser(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] } {
  const check = new FieldChecker(news);
  check.string("description", { required: true, maxLength: 1000 });
  check.string("homeDirectory", { required: true });
  check.custom("homeDirectory", (v) => typeof v === "string" && isAbsolutePath(v), `it must be ${absolutePathRule}`);
  check.integer("passwordLength", { min: 12, max: 128 });
  check.string("adoptId");
  return { inputs: news, failures: check.failures };
}

/** The password is only ever returned by create, so every later answer keeps the one in state. */
function toOutputs(user: WireUser, password: unknown, passwordLength: unknown) {
  return {
    username: user.username,
    description: user.description ?? "",
    homeDirectory: user.homeDirectory,
    endpoint: user.endpoint ?? "",
    password: typeof password === "string" ? password : "",
    ...(passwordLength !== undefined && { passwordLength }),
  };
}

export function stediUserProvider(ctx: ProviderContext): pulumi.dynamic.ResourceProvider {
  const put = (username: string, inputs: Props) =>
    ctx.stedi().updateUser(username, { description: inputs.description as string, homeDirectory: inputs.homeDirectory as string });
  return {
    async check(_olds: Props, news: Props) {
      return checkStediUser(news);
    },
    async diff(_id: string, olds: Props, news: Props) {
      return diffResult(diffBySpec(stediUserSpec, olds, news));
    },
    async create(inputs: Props) {
      if (inputs.adoptId) {
        const adopted = await put(inputs.adoptId as string, inputs);
        return { id: adopted.username, outs: toOutputs(adopted, undefined, inputs.passwordLength) };
      }
      const created = await ctx.stedi().createUser({
        description: inputs.description as string,
        homeDirectory: inputs.homeDirectory as string,
        ...(inputs.passwordLength !== undefined && { passwordOptions: { length: inputs.passwordLength as number } }),
      });
      return { id: created.username, outs: toOutputs(created, created.password, inputs.passwordLength) };
    },
    async read(id: string, props: Props) {
      const user = await ctx.reads.stediUser(id);
      return user ? { id, props: toOutputs(user, props.password, props.passwordLength) } : {};
    },
    async update(id: string, olds: Props, news: Props) {
      return { outs: toOutputs(await put(id, news), olds.password, news.passwordLength) };
    },
    async delete(id: string) {
      await ignoreNotFound(ctx.stedi().deleteUser(id));
    },
  };
}

/** A Stedi SFTP user; its generated password is returned once, at creation, and kept as a secret. */
export class StediUser extends pulumi.dynamic.Resource {
  declare readonly username: pulumi.Output<string>;
  declare readonly password: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string>;
  declare readonly homeDirectory: pulumi.Output<string>;
  declare readonly endpoint: pulumi.Output<string>;

  constructor(name: string, args: StediUserArgs, opts?: pulumi.CustomResourceOptions) {
    const props = { username: undefined, password: undefined, endpoint: undefined, ...args };
    super(providerFor("stedi:User"), name, props, { ...opts, additionalSecretOutputs: ["password"] }, "stedi", "User");
  }
}
