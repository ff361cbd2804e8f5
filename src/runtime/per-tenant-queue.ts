/**
 * One operation at a time per tenant name in this process. A call that asks for exactly what the
 * last queued call for that tenant asks for (same `key`) joins it and shares its result, so 20
 * concurrent sign-up requests for one tenant cost one read and one set of writes; any other call
 * waits for the ones before it, so it plans against what they left.
 */
export class PerTenantQueue {
  private readonly last = new Map<string, { readonly key: string; readonly result: Promise<unknown> }>();

  /** Runs `task` after the tenant's earlier operations, or joins the last one when it has the same `key`. */
  run<T>(tenant: string, key: string, task: () => Promise<T>): Promise<T> {
    const before = this.last.get(tenant);
    if (before?.key === key) return before.result as Promise<T>;
    const result = (before?.result.then(noop, noop) ?? Promise.resolve()).then(task);
    const entry = { key, result };
    this.last.set(tenant, entry);
    const forget = (): void => {
      if (this.last.get(tenant) === entry) this.last.delete(tenant);
    };
    result.then(forget, forget);
    return result;
  }
}

function noop(): void {}
