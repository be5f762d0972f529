import * as pulumi from "@pulumi/pulumi";
import { absolutePathRule, isAbsolutePath, meetsPasswordPolicy, passwordPolicy } from "../sdk/sftptogo/rules";
import { shareLinkPermissions, type ShareLink as WireShareLink, type ShareLinkFields } from "../sdk/sftptogo/schemas";
import { FieldChecker } from "./checks";
import type { ProviderContext } from "./context";
import { providerFor } from "./delegate";
import { patchableProvider } from "./patchable";
import { shareLinkSpec } from "./specs";

export interface ShareLinkArgs {
  /** Absolute path of the shared file, or of a folder ending with `/`; a change replaces the link. */
  path: pulumi.Input<string>;
  permission?: pulumi.Input<(typeof shareLinkPermissions)[number]>;
  /** Unix time in milliseconds after which the link stops working. */
  expiresAt?: pulumi.Input<number>;
  /** Accesses after which the link is removed; 0 (default) = unlimited. */
  accessLimit?: pulumi.Input<number>;
  /** Password the link asks for; kept secret. */
  password?: pulumi.Input<string>;
  notes?: pulumi.Input<string>;
  /** Id of an existing share link to manage instead of creating one. */
  adoptId?: pulumi.Input<string>;
}

type Props = Record<string, unknown>;

const fieldNames = { path: "Path", permission: "Permission", expiresAt: "ExpiresAt", accessLimit: "AccessLimit", password: "Password", notes: "Notes" } as const;

export function checkShareLink(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] } {
  const check = new FieldChecker(news);
  check.string("path", { required: true });
  check.custom("path", (v) => typeof v === "string" && isAbsolutePath(v), `it must be ${absolutePathRule} (a folder ends with /)`);
  check.oneOf("permission", shareLinkPermissions);
  check.integer("expiresAt", { min: 1 });
  check.integer("accessLimit", { min: 0 });
  check.custom("password", (v) => typeof v === "string" && meetsPasswordPolicy(v), `it must meet the password policy: ${passwordPolicy}`, true);
  check.string("notes", { maxLength: 1000 });
  check.string("adoptId");
  return { inputs: news, failures: check.failures };
}

/** Fields for the API; an input removed from the program clears the field. */
function fieldsOf(inputs: Props, keys: string[]): ShareLinkFields {
  const fields: Record<string, unknown> = {};
  for (const key of keys) {
    if (!(key in fieldNames)) continue;
    const cleared = key === "accessLimit" ? 0 : key === "permission" ? undefined : null;
    fields[fieldNames[key as keyof typeof fieldNames]] = inputs[key] ?? cleared;
  }
  return fields as ShareLinkFields;
}

function toOutputs(link: WireShareLink) {
  return {
    path: link.Path,
    permission: link.Permission,
    ...(link.ExpiresAt !== null && { expiresAt: link.ExpiresAt }),
    accessLimit: link.AccessLimit,
    ...(link.Password && { password: link.Password }),
    ...(link.Notes !== null && { notes: link.Notes }),
    url: link.Url,
    accessCount: link.AccessCount,
    createdAt: link.CreatedAt,
  };
}

export const shareLinkProvider = (ctx: ProviderContext) =>
  patchableProvider(
    {
      spec: shareLinkSpec,
      check: checkShareLink,
      fieldsOf,
      toOutputs,
      api: (c) => ({
        create: (fields) => c.sftpToGo().createShareLink(fields),
        update: (id, fields) => c.sftpToGo().updateShareLink(id, fields),
        remove: (id) => c.sftpToGo().deleteShareLink(id),
        read: (id) => c.reads.shareLink(id),
        async checkAdoptable(id, inputs) {
          const link = await c.sftpToGo().getShareLink(id);
          if (link.Path !== inputs.path) throw new Error(`share link ${id} to adopt shares ${link.Path}, not ${inputs.path as string}`);
        },
      }),
    },
    ctx,
  );

/** A link that shares a file or folder without an SFTP login. */
export class ShareLink extends pulumi.dynamic.Resource {
  declare readonly path: pulumi.Output<string>;
  declare readonly permission: pulumi.Output<string>;
  declare readonly expiresAt: pulumi.Output<number | undefined>;
  declare readonly accessLimit: pulumi.Output<number>;
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly notes: pulumi.Output<string | undefined>;
  declare readonly url: pulumi.Output<string>;
  declare readonly accessCount: pulumi.Output<number>;
  declare readonly createdAt: pulumi.Output<number>;

  constructor(name: string, args: ShareLinkArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      permission: undefined,
      accessLimit: undefined,
      notes: undefined,
      expiresAt: undefined,
      url: undefined,
      accessCount: undefined,
      createdAt: undefined,
      ...args,
      password: args.password === undefined ? undefined : pulumi.secret(args.password),
    };
    super(providerFor("sftptogo:ShareLink"), name, props, { ...opts, additionalSecretOutputs: ["password"] }, "sftptogo", "ShareLink");
  }
}
