import * as pulumi from "@pulumi/pulumi";
import { allowAnywhereRule, isIpOrCidr } from "../sdk/sftptogo/rules";
import { ruleProtocols, ruleStates, type InboundRule } from "../sdk/sftptogo/schemas";
import { FieldChecker, diffBySpec, diffResult, ignoreNotFound, isUnknown, shown } from "./checks";
import type { ProviderContext } from "./context";
import { providerFor } from "./delegate";
import { inboundRulesSpec } from "./specs";

export interface InboundRuleArgs {
  /** One IPv4/IPv6 address or CIDR range. */
  source: string;
  protocol?: (typeof ruleProtocols)[number];
  state?: (typeof ruleStates)[number];
  description?: string;
}

export interface InboundRulesArgs {
  credentialId: pulumi.Input<string>;
  /** The whole allow-list, in any order; a plain string is an enabled rule for that source. */
  rules: pulumi.Input<pulumi.Input<InboundRuleArgs | string>[]>;
}

type Props = Record<string, unknown>;

/** One rule in the form state keeps: defaults filled in, keys in a fixed order. */
function ruleOf(rule: InboundRuleArgs | string): InboundRuleArgs {
  const given = typeof rule === "string" ? { source: rule } : rule;
  return {
    source: given.source,
    protocol: given.protocol ?? "*",
    state: given.state ?? "enabled",
    ...(given.description !== undefined && given.description !== "" && { description: given.description }),
  };
}

function problemOf(rule: unknown, index: number): string | undefined {
  if (isUnknown(rule)) return undefined;
  const given = typeof rule === "string" ? { source: rule } : (rule as Partial<InboundRuleArgs> | null);
  const where = `rules[${index}]`;
  if (!given || typeof given !== "object") return `${where} is ${shown(rule)}; it must be a source string or an object with a source`;
  const known = ["source", "protocol", "state", "description"];
  const extra = Object.keys(given).find((key) => !known.includes(key));
  if (extra) return `${where} has unknown field ${extra}; known fields are ${known.join(", ")}`;
  if (isUnknown(given.source)) return undefined;
  if (typeof given.source !== "string" || !isIpOrCidr(given.source)) return `${where}.source is ${shown(given.source)}; it must be one IP address or a CIDR range, e.g. 203.0.113.0/24`;
  if (given.protocol !== undefined && !ruleProtocols.includes(given.protocol)) return `${where}.protocol is ${shown(given.protocol)}; allowed values are ${ruleProtocols.join(", ")}`;
  if (given.state !== undefined && !ruleStates.includes(given.state)) return `${where}.state is ${shown(given.state)}; allowed values are ${ruleStates.join(", ")}`;
  return undefined;
}

export function checkInboundRules(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] } {
  const check = new FieldChecker(news);
  check.string("credentialId", { required: true });
  const rules = news.rules;
  if (rules === undefined || isUnknown(rules)) {
    if (rules === undefined) check.failures.push({ property: "rules", reason: "rules is required (an empty list refuses every address)" });
    return { inputs: news, failures: check.failures };
  }
  if (!Array.isArray(rules)) {
    check.failures.push({ property: "rules", reason: `rules is ${shown(rules)}; it must be a list` });
    return { inputs: news, failures: check.failures };
  }
  if (rules.length > 100) check.failures.push({ property: "rules", reason: `rules has ${rules.length} entries; at most 100 are allowed` });
  for (const [index, rule] of rules.entries()) {
    const problem = problemOf(rule, index);
    if (problem) check.failures.push({ property: "rules", reason: problem });
  }
  const known = check.failures.length === 0 && !rules.some((rule) => isUnknown(rule) || isUnknown((rule as InboundRuleArgs).source));
  return { inputs: { ...news, rules: known ? rules.map(ruleOf) : rules }, failures: check.failures };
}

const toWire = (rules: InboundRuleArgs[]) =>
  rules.map((rule) => ({ Protocol: rule.protocol!, State: rule.state!, Action: "allow" as const, Source: rule.source, ...(rule.description && { Description: rule.description }) }));

const fromWire = (rules: InboundRule[]): InboundRuleArgs[] =>
  rules.map((rule) => ruleOf({ source: rule.Source, protocol: rule.Protocol, state: rule.State, description: rule.Description }));

export function inboundRulesProvider(ctx: ProviderContext): pulumi.dynamic.ResourceProvider {
  const replace = async (credentialId: string, rules: InboundRuleArgs[]) => {
    const credential = await ctx.sftpToGo().replaceInboundRules(credentialId, toWire(rules));
    return { credentialId, rules: fromWire(credential.Settings?.Network.InboundRules ?? []) };
  };
  return {
    async check(_olds: Props, news: Props) {
      return checkInboundRules(news);
    },
    async diff(_id: string, olds: Props, news: Props) {
      return diffResult(diffBySpec(inboundRulesSpec, olds, news));
    },
    async create(inputs: Props) {
      const credentialId = inputs.credentialId as string;
      return { id: credentialId, outs: await replace(credentialId, inputs.rules as InboundRuleArgs[]) };
    },
    async read(id: string, props: Props) {
      const credential = await ctx.reads.credential(props.credentialId as string);
      if (!credential) return {};
      return { id, props: { credentialId: credential.Id, rules: fromWire(credential.Settings?.Network.InboundRules ?? []) } };
    },
    async update(id: string, _olds: Props, news: Props) {
      return { outs: await replace(id, news.rules as InboundRuleArgs[]) };
    },
    async delete(id: string) {
      await ignoreNotFound(ctx.sftpToGo().replaceInboundRules(id, [allowAnywhereRule]));
    },
  };
}

/**
 * The whole inbound allow-list of one credential. The API replaces the list on every call, so a
 * single resource owns it and no two operations can lose each other's rules: declare one per
 * credential. Deleting it restores the service's default rule (any address).
 */
export class InboundRules extends pulumi.dynamic.Resource {
  declare readonly credentialId: pulumi.Output<string>;
  declare readonly rules: pulumi.Output<InboundRuleArgs[]>;

  constructor(name: string, args: InboundRulesArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("sftptogo:InboundRules"), name, args, opts, "sftptogo", "InboundRules");
  }
}
