import { DEFAULT_TENANT_QUOTA, MAX_KEPT_MESSAGES } from '../choices';
import { RegionState } from './region-state';

/** The account used when the access key is not a 12-digit account number. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** The region used when a request carries no SigV4 credential scope. */
export const DEFAULT_REGION = 'us-east-1';

/** An accepted SendEmail or SendBulkEmail message, as `/_emulator/messages` lists it. */
export interface SentMessage {
  /** The MessageId returned to the sender. */
  readonly MessageId: string;
  /** SendEmail or SendBulkEmail. */
  readonly Operation: 'SendEmail' | 'SendBulkEmail';
  /** Account that sent it. */
  readonly AccountId: string;
  /** Region it was sent in. */
  readonly Region: string;
  /** The tenant it was sent through, if any. */
  readonly TenantName?: string;
  /** The sender address. */
  readonly FromEmailAddress: string;
  /** The identity that authorized the sender. */
  readonly Identity: string;
  /** Recipients. */
  readonly Destination: { ToAddresses: string[]; CcAddresses: string[]; BccAddresses: string[] };
  /** The configuration set in effect (explicit or the identity's default). */
  readonly ConfigurationSetName?: string;
  /** The stored template used, if any. */
  readonly TemplateName?: string;
  /** The Subject of Simple content, if any. */
  readonly Subject?: string;
  /** When it was accepted, epoch seconds. */
  readonly Timestamp: number;
}

/** Behaviour switches of the backend. */
export interface BackendSettings {
  /** Whether identities are verified as soon as they are created. @default true */
  verifyIdentities: boolean;
  /** Tenants per account and region. @default 10000 */
  tenantQuota: number;
}

/** All state of the emulator: one {@link RegionState} per account and region, and the accepted messages. */
export class EmulatorBackend {
  /** Behaviour switches, changeable at run time. */
  readonly settings: BackendSettings;
  private readonly regions = new Map<string, RegionState>();
  private messages: SentMessage[] = [];

  /** @param settings initial switches */
  constructor(settings: Partial<BackendSettings> = {}) {
    this.settings = {
      verifyIdentities: settings.verifyIdentities ?? true,
      tenantQuota: settings.tenantQuota ?? DEFAULT_TENANT_QUOTA,
    };
  }

  /** The state of one account in one region, created empty on first use. */
  region(accountId: string, region: string): RegionState {
    const key = `${accountId}/${region}`;
    let state = this.regions.get(key);
    if (state === undefined) {
      state = new RegionState(accountId, region);
      this.regions.set(key, state);
    }
    return state;
  }

  /** Every account-and-region state that holds something. */
  allRegions(): RegionState[] {
    return [...this.regions.values()].filter((state) => !state.isEmpty);
  }

  /** Forgets every resource and message. */
  reset(): void {
    this.regions.clear();
    this.messages = [];
  }

  /** Keeps an accepted message, dropping the oldest beyond the limit. */
  recordMessage(message: SentMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAX_KEPT_MESSAGES) this.messages.splice(0, this.messages.length - MAX_KEPT_MESSAGES);
  }

  /** Accepted messages, oldest first. */
  sentMessages(): readonly SentMessage[] {
    return this.messages;
  }
}
