import { ADMIN_ROUTES, type AdminContext } from '../admin/routes';
import { ReplayDraws } from '../state/draws';
import { OPERATION_HANDLERS, type OperationName } from '../http/routes';
import type { JournalEntry } from './state-store';

/** Re-applies journaled writes in order, feeding each the clock and id values it drew the first time. */
export function replayJournal(admin: AdminContext, entries: readonly JournalEntry[]): void {
  for (const entry of entries) {
    const draws = new ReplayDraws(entry.draws);
    if (entry.kind === 'admin') {
      const route = ADMIN_ROUTES.find((candidate) => candidate.method === 'POST' && candidate.path === entry.operation);
      if (route === undefined) throw new Error(`journal entry ${entry.seq}: unknown admin endpoint ${entry.operation}`);
      route.handler(admin, entry.body, new URLSearchParams(), draws);
      continue;
    }
    const handler = OPERATION_HANDLERS[entry.operation as OperationName];
    if (handler === undefined) throw new Error(`journal entry ${entry.seq}: unknown operation ${entry.operation}`);
    handler({
      body: entry.body,
      params: entry.params,
      query: new Map(entry.query),
      accountId: entry.accountId,
      region: entry.region,
      state: admin.backend.region(entry.accountId, entry.region),
      backend: admin.backend,
      settings: entry.settings,
      draws,
    });
  }
}
