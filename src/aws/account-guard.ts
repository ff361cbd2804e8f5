import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { STSClient } from '@aws-sdk/client-sts';
import { parseArn } from '../tenant-spec/arn';

/** Who the credentials are, as STS says. */
export interface CallerIdentity {
  /** The account the credentials act in. */
  readonly account: string;
  /** The partition of the caller's ARN (`aws`, `aws-cn`, ...). */
  readonly partition: string;
}

/** STS GetCallerIdentity: the account (and partition) the credentials act in. */
async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  // Loaded on first use, so that a process that never checks its account does not load STS.
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account) throw new Error('STS GetCallerIdentity returned no account');
  return { account: out.Account, partition: parseArn(out.Arn ?? '')?.partition || 'aws' };
}

/** The credentials act in another account than the stack targets; nothing was read or written. */
export class AccountMismatchError extends Error {
  /** Account the credentials act in (STS GetCallerIdentity). */
  readonly actual: string;
  /** Account the stack targets. */
  readonly expected: string;

  constructor(expected: string, actual: string, stack: string | undefined) {
    super(
      `the credentials act in account ${actual} (STS GetCallerIdentity), but ${stack ? `stack ${stack}` : 'the stack'} targets account ${expected}. ` +
        `Nothing was changed; use credentials, a profile or a role of account ${expected}`,
    );
    this.name = 'AccountMismatchError';
    this.actual = actual;
    this.expected = expected;
  }
}

/** What {@link assertAccount} checks. */
export interface AccountExpectation {
  /** The 12-digit account the stack targets. */
  readonly account: string;
  /** Region of the stack (STS is called there). */
  readonly region: string;
  /** Stack name, for the message. @default - none */
  readonly stack?: string;
}

/** Options of {@link assertAccount}. */
export interface AccountGuardOptions {
  /** The SES endpoint given explicitly (`--endpoint`). @default - none */
  readonly sesEndpoint?: string;
}

/**
 * STS endpoint of the guard: `AWS_ENDPOINT_URL_STS` when set; else, when SES goes to an explicit
 * endpoint (`--endpoint` or `AWS_ENDPOINT_URL_SESV2`, such as the emulator, which serves STS on the
 * same port), that endpoint; else the SDK's own choice (`AWS_ENDPOINT_URL`, then AWS).
 */
export function stsEndpointFor(sesEndpoint?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_ENDPOINT_URL_STS || sesEndpoint || env.AWS_ENDPOINT_URL_SESV2 || undefined;
}

/**
 * Who the SES client's credentials are (same profile, role or keys): one STS GetCallerIdentity in
 * `region`, at the endpoint {@link stsEndpointFor} picks.
 */
export async function whoAmI(ses: SESv2Client, region: string, opts: AccountGuardOptions = {}): Promise<CallerIdentity> {
  const endpoint = stsEndpointFor(opts.sesEndpoint);
  const { STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({
    region,
    credentials: ses.config.credentials,
    maxAttempts: await ses.config.maxAttempts(),
    ...(endpoint ? { endpoint } : {}),
  });
  try {
    return await callerIdentity(sts);
  } finally {
    sts.destroy();
  }
}

/**
 * Refuses credentials of another account than the stack's before anything is written: one STS
 * GetCallerIdentity with the SES client's own credentials. Needs no tenant in the account, unlike
 * comparing the ARNs SES lists. Throws AccountMismatchError naming both accounts.
 */
export async function assertAccount(ses: SESv2Client, expected: AccountExpectation, opts: AccountGuardOptions = {}): Promise<void> {
  const { account } = await whoAmI(ses, expected.region, opts);
  if (account !== expected.account) throw new AccountMismatchError(expected.account, account, expected.stack);
}
