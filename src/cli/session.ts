import { assertAccount } from '../aws/account-guard';
import { createSesClient } from '../aws/client';
import { sesGateway, type SesGateway, type SESv2Client } from '../aws/ses-gateway';
import { readLiveRegion } from '../engine/live';
import { regionKey } from '../engine/model';
import type { DesiredStack, LiveRegion } from '../engine/model';
import type { StackTarget } from '../tenant-spec/tenant-spec';

/** Options every command that talks to SES shares. */
export interface SesOptions {
  /** SES v2 endpoint, such as the local emulator's; @default the SDK's own (AWS_ENDPOINT_URL_SESV2, then AWS) */
  readonly endpoint?: string;
  /** Live reads in flight at once. @default 16 */
  readonly concurrency?: number;
  /** Most SES requests per second, per region (the account's rate limit); @default no pacing */
  readonly maxRps?: number;
  /** Static credentials (the emulator's); @default the AWS credential chain */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * One SES client per region, account and credential setting, created on first use: the stack's
 * region always, and the profile or role the TenantStack declares, so the CLI acts where the
 * stack's AwsProvider and hooks do.
 */
export class SesSession {
  private readonly clients = new Map<string, SESv2Client>();
  private readonly guarded = new Map<string, Promise<void>>();

  constructor(private readonly opts: SesOptions) {}

  /** The client for a stack target. */
  clientFor = (target: Pick<StackTarget, 'region' | 'profile' | 'assumeRoleArn'>): SESv2Client => {
    const key = `${target.region}|${target.profile ?? ''}|${target.assumeRoleArn ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createSesClient({
        region: target.region,
        endpoint: this.opts.endpoint,
        profile: target.profile,
        assumeRoleArn: target.assumeRoleArn,
        credentials: this.opts.credentials,
        maxRequestsPerSecond: this.opts.maxRps,
      });
      this.clients.set(key, client);
    }
    return client;
  };

  /** The SES gateway for a stack target (over {@link clientFor}'s client). */
  gatewayFor = (target: Pick<StackTarget, 'region' | 'profile' | 'assumeRoleArn'>): SesGateway => sesGateway(this.clientFor(target));

  /** The account guard (STS GetCallerIdentity) of every target's credentials, each credential setting once. */
  async assertAccounts(targets: Iterable<StackTarget>): Promise<void> {
    const checks: Promise<void>[] = [];
    for (const t of targets) {
      const key = `${t.account}|${t.region}|${t.profile ?? ''}|${t.assumeRoleArn ?? ''}`;
      if (!this.guarded.has(key)) this.guarded.set(key, assertAccount(this.clientFor(t), t, { sesEndpoint: this.opts.endpoint }));
      checks.push(this.guarded.get(key)!);
    }
    await Promise.all(checks);
  }

  /** Reads the live state of every region and account the stacks target, each once, after the account guard. */
  async readLive(stacks: readonly DesiredStack[], onProgress?: (done: number, total: number, region: string) => void): Promise<LiveRegion[]> {
    const targets = new Map<string, StackTarget>();
    for (const s of stacks) if (!targets.has(regionKey(s.target))) targets.set(regionKey(s.target), s.target);
    await this.assertAccounts(targets.values());
    const out: LiveRegion[] = [];
    for (const target of targets.values()) {
      out.push(
        await readLiveRegion(this.gatewayFor(target), target, {
          concurrency: this.opts.concurrency,
          onProgress: onProgress ? (done: number, total: number) => onProgress(done, total, target.region) : undefined,
        }),
      );
    }
    return out;
  }

  /** Releases the clients' sockets. */
  close(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}
