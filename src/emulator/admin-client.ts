import * as http from 'http';
import type { AwsManagedStatusRequest, VerifyIdentitiesRequest } from './admin/routes';
import type { BackendSettings, SentMessage } from './state/backend';
import type { FaultSettings } from './admin/faults';
import type { SavedState } from './persistence/snapshot';
import type { EmulatorStats } from './admin/stats';

/** Failure of an admin request, with the emulator's status and message. */
export class EmulatorAdminError extends Error {
  /** @param status HTTP status @param message the emulator's message */
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorAdminError';
  }
}

/** Calls the `/_emulator/` admin endpoints of a running emulator. */
export class EmulatorAdminClient {
  /** @param url the emulator's base URL */
  constructor(readonly url: string) {}

  // A fresh connection per call (no keep-alive agent): a test that blocks its event loop (a
  // synchronous terraform run) must not come back to a pooled socket the server closed meanwhile.
  private call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.url}/_emulator${path}`,
        { method, agent: false, headers: data === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { message?: string };
              const status = res.statusCode ?? 0;
              if (status < 200 || status >= 300) reject(new EmulatorAdminError(status, payload.message ?? res.statusMessage ?? ''));
              else resolve(payload);
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  /** Forgets every resource and message. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** Dumps every resource, in the state file's format. */
  state(): Promise<SavedState> {
    return this.call('GET', '/state');
  }

  /** The fault injection settings. */
  faults(): Promise<FaultSettings> {
    return this.call('GET', '/faults');
  }

  /** Changes some fault injection settings; answers the settings now in force. */
  setFaults(change: Partial<FaultSettings>): Promise<FaultSettings> {
    return this.call('POST', '/faults', change);
  }

  /** Accepted messages, optionally of one tenant or region. */
  async messages(filter: { tenant?: string; region?: string } = {}): Promise<SentMessage[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const text = query.toString();
    return (await this.call<{ messages: SentMessage[] }>('GET', `/messages${text === '' ? '' : `?${text}`}`)).messages;
  }

  /** Request counts since start or the last {@link resetStats}. */
  stats(): Promise<EmulatorStats> {
    return this.call('GET', '/stats');
  }

  /** Starts counting from zero. */
  async resetStats(): Promise<void> {
    await this.call('POST', '/stats/reset');
  }

  /** Backend switches. */
  settings(): Promise<BackendSettings> {
    return this.call('GET', '/settings');
  }

  /** Changes backend switches (identity verification on create, tenant quota). */
  setSettings(change: Partial<BackendSettings>): Promise<BackendSettings> {
    return this.call('POST', '/settings', change);
  }

  /** Verifies one identity or every identity of an account and region; answers the names verified. */
  async verifyIdentities(request: VerifyIdentitiesRequest = {}): Promise<string[]> {
    return (await this.call<{ verified: string[] }>('POST', '/identities/verify', request)).verified;
  }

  /** Sets the SES-managed status of a tenant's reputation entity (what SES would do on findings). */
  async setAwsManagedStatus(request: AwsManagedStatusRequest): Promise<void> {
    await this.call('POST', '/reputation/aws-managed-status', request);
  }
}
