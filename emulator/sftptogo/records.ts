import type { EmulatorContext } from "../context";
import { Failure } from "../http";
import type { RecordKind } from "../store";

/** Objects an organization owns outright (webhooks, share links): list, find, patch and remove by id. */
export class OrganizationRecords<T extends { Id: string; UpdatedAt: number }> {
  constructor(
    private readonly emulator: EmulatorContext,
    private readonly kind: RecordKind,
    /** How errors name the object, e.g. "Webhook". */
    private readonly label: string,
  ) {}

  list(organizationId: string): T[] {
    return this.emulator.store.list<T>(this.kind, organizationId).map(({ doc }) => doc);
  }

  find(organizationId: string, id: string): T {
    const found = this.emulator.store.get<T>(this.kind, organizationId, id);
    if (!found) throw new Failure(404, "NotFound", `${this.label} '${id}' not found`);
    return found;
  }

  put(organizationId: string, record: T): void {
    this.emulator.store.put(this.kind, organizationId, record.Id, record);
  }

  /** Applies a partial update in one transaction; `check` may refuse the result before it is stored. */
  patch(organizationId: string, id: string, input: Partial<T>, check?: (next: T) => void): T {
    return this.emulator.store.transaction(() => {
      const next: T = { ...this.find(organizationId, id), ...input, UpdatedAt: this.emulator.now() };
      check?.(next);
      this.put(organizationId, next);
      return next;
    });
  }

  remove(organizationId: string, id: string): void {
    if (!this.emulator.store.delete(this.kind, organizationId, id)) this.find(organizationId, id);
  }
}
