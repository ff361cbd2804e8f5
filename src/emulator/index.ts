import type { AddressInfo } from 'net';
import { EmulatorBackend, DEFAULT_ACCOUNT_ID } from './state/backend';
import { FaultInjector } from './admin/faults';
import { replayJournal } from './persistence/journal-replay';
import { StateStore } from './persistence/state-store';
import { createEmulatorServer } from './http/server';
import { restoreState, saveState, type SavedState } from './persistence/snapshot';
import { StatsRecorder } from './admin/stats';

export type { AdminRoute, AwsManagedStatusRequest, VerifyIdentitiesRequest } from './admin/routes';
export { EmulatorAdminClient, EmulatorAdminError } from './admin-client';
export { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type BackendSettings, type SentMessage } from './state/backend';
export type { FaultSettings } from './admin/faults';
export type { SavedState } from './persistence/snapshot';
export type { EmulatorStats } from './admin/stats';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /** File to load state from at start and persist every acknowledged write to. @default - state is kept in memory only */
  readonly stateFile?: string;
  /**
   * With a state file: the journal (`<stateFile>.journal`) is folded into a new snapshot once it is
   * larger than this many bytes and than the snapshot.
   * @default 1048576
   */
  readonly stateCompactionBytes?: number;
  /** Account of callers whose access key is not a 12-digit account number. @default "123456789012" */
  readonly accountId?: string;
  /** Milliseconds added to every SES request. @default 0 */
  readonly latencyMs?: number;
  /** Fraction (0..1) of SES requests answered with 429 TooManyRequestsException. @default 0 */
  readonly throttleFraction?: number;
  /** Requests per second per account and region before 429s. @default - no limit */
  readonly rateLimit?: number;
  /** Requests the rate limiter lets through at once. @default - a tenth of rateLimit, at least 1 */
  readonly burst?: number;
  /** Whether identities are verified as soon as they are created. @default true */
  readonly verifyIdentities?: boolean;
  /** Tenants per account and region. @default 10000 */
  readonly tenantQuota?: number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4566`; use it as the SDK `endpoint`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The interface it listens on. */
  readonly host: string;
  /** Finishes pending state writes, closes every connection and stops listening. */
  stop(): Promise<void>;
}

/** Starts the SES v2 emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const defaultAccountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const backend = new EmulatorBackend({ verifyIdentities: options.verifyIdentities, tenantQuota: options.tenantQuota });
  const stats = new StatsRecorder();
  const faults = new FaultInjector({
    latencyMs: options.latencyMs,
    throttleFraction: options.throttleFraction,
    rateLimit: options.rateLimit ?? null,
    burst: options.burst,
  });
  let store: StateStore<SavedState> | undefined;
  if (options.stateFile !== undefined) {
    store = new StateStore<SavedState>(
      options.stateFile,
      (journalSeq) => ({ ...saveState(backend), journalSeq }),
      (flush) => stats.flushed(flush.writes, flush.bytes, flush.ms, flush.compacted),
      options.stateCompactionBytes,
    );
    const loaded = store.load();
    if (loaded.snapshot !== undefined) restoreState(backend, loaded.snapshot);
    replayJournal({ backend, faults, stats, defaultAccountId }, loaded.entries);
    await store.open();
  }
  const server = createEmulatorServer({
    backend,
    faults,
    stats,
    store,
    defaultAccountId,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await store?.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
