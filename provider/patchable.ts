import type * as pulumi from "@pulumi/pulumi";
import { diffBySpec, diffResult, ignoreNotFound } from "./checks";
import type { ProviderContext } from "./context";
import type { ResourceSpec } from "./specs";

type Props = Record<string, unknown>;

/** An object the API creates with POST, changes with PATCH and removes with DELETE. */
export interface PatchableApi<Wire, Fields> {
  create(fields: Fields): Promise<Wire>;
  update(id: string, fields: Fields): Promise<Wire>;
  remove(id: string): Promise<void>;
  /** The object as a refresh sees it (from a shared list), or undefined when it is gone. */
  read(id: string): Promise<Wire | undefined>;
  /** Throws when the object `adoptId` names cannot be taken over by these inputs. */
  checkAdoptable?(id: string, inputs: Props): Promise<void>;
}

export interface PatchableResource<Wire extends { Id: string }, Fields> {
  spec: ResourceSpec;
  check(news: Props): { inputs: Props; failures: pulumi.dynamic.CheckFailure[] };
  /** The API fields for the given input names. */
  fieldsOf(inputs: Props, keys: string[]): Fields;
  toOutputs(wire: Wire): Props;
  api(ctx: ProviderContext): PatchableApi<Wire, Fields>;
}

/**
 * The provider of such an object: updates send only the changed fields, adoption is one PATCH
 * of every given field, and a refresh reads from the shared list.
 */
export function patchableProvider<Wire extends { Id: string }, Fields>(resource: PatchableResource<Wire, Fields>, ctx: ProviderContext): pulumi.dynamic.ResourceProvider {
  const api = () => resource.api(ctx);
  return {
    async check(_olds: Props, news: Props) {
      return resource.check(news);
    },
    async diff(_id: string, olds: Props, news: Props) {
      return diffResult(diffBySpec(resource.spec, olds, news));
    },
    async create(inputs: Props) {
      const fields = resource.fieldsOf(inputs, Object.keys(inputs).filter((key) => inputs[key] !== undefined));
      const adoptId = inputs.adoptId as string | undefined;
      if (adoptId) await api().checkAdoptable?.(adoptId, inputs);
      const wire = adoptId ? await api().update(adoptId, fields) : await api().create(fields);
      return { id: wire.Id, outs: resource.toOutputs(wire) };
    },
    async read(id: string) {
      const wire = await api().read(id);
      return wire ? { id, props: resource.toOutputs(wire) } : {};
    },
    async update(id: string, olds: Props, news: Props) {
      const { updates } = diffBySpec(resource.spec, olds, news);
      return { outs: resource.toOutputs(await api().update(id, resource.fieldsOf(news, updates))) };
    },
    async delete(id: string) {
      await ignoreNotFound(api().remove(id));
    },
  };
}
