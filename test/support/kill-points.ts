import type { EmulatorStats } from '../../src/emulator';
import type { EmulatorAdminClient } from '../../src/emulator';
import type { CliProcess, CliRun } from './cli-process';

/** SES operations that change state (what an apply writes). */
export const WRITE_OPERATIONS: readonly string[] = [
  'CreateTenant',
  'DeleteTenant',
  'CreateTenantResourceAssociation',
  'DeleteTenantResourceAssociation',
  'UpdateReputationEntityPolicy',
  'UpdateReputationEntityCustomerManagedStatus',
  'PutTenantSuppressionAttributes',
  'TagResource',
  'UntagResource',
];

/** Write requests the emulator received, by its stats (throttled ones included). */
export function writeCount(stats: Pick<EmulatorStats, 'operations'>): number {
  return WRITE_OPERATIONS.reduce((sum, op) => sum + (stats.operations[op] ?? 0), 0);
}

/**
 * SIGKILLs a CLI process as soon as the emulator has received `threshold` write requests (polled
 * from `/_emulator/stats`), or lets it end on its own if it finishes first; resolves to its run.
 */
export async function killAtWriteCount(admin: EmulatorAdminClient, cli: CliProcess, threshold: number, pollMs = 2): Promise<CliRun> {
  let ended = false;
  void cli.done.then(() => (ended = true));
  while (!ended) {
    if (writeCount(await admin.stats()) >= threshold) {
      cli.child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return cli.done;
}
