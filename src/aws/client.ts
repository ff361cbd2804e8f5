import { SESv2Client, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import { version } from '../../package.json';
import { assumeRoleCredentials, type CredentialProvider } from './assume-role';
import { paceRequests } from './pacing';

/** Version of this tool (package.json), as the CLI and the user agent report it. */
export const TOOL_VERSION: string = version;

/** Name the tool gives itself in the SDK user agent. */
export const USER_AGENT_NAME = 'cdktf-ses-tenants';

/** Attempts per call (the first one included) unless `AWS_MAX_ATTEMPTS` or the caller says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** Options of {@link createSesClient}. */
export interface SesClientOptions {
  /** Region of the tenants. */
  readonly region: string;
  /** SES v2 endpoint URL, such as the local emulator's. @default - the SDK's own: `AWS_ENDPOINT_URL_SESV2`, `AWS_ENDPOINT_URL`, then AWS */
  readonly endpoint?: string;
  /** Shared-config profile of the credentials. @default - the SDK's own (`AWS_PROFILE`, then "default") */
  readonly profile?: string;
  /** Role to assume with STS, from the credentials of `profile` or the default chain. @default - no role */
  readonly assumeRoleArn?: string;
  /** Attempts per call, retries included (standard retry mode). @default - `AWS_MAX_ATTEMPTS`, else 8 */
  readonly maxAttempts?: number;
  /** Explicit credentials or provider; wins over profile and role. @default - the standard credential chain */
  readonly credentials?: SESv2ClientConfig['credentials'];
  /** Most requests per second to send (retries included), such as the account's SES rate limit. @default - no pacing */
  readonly maxRequestsPerSecond?: number;
}

/** The environment switch the SDK reads before it warns that Node 20 support ends. */
const NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Builds the client with the SDK's NodeVersionSupportWarning switched off for this construction
 * only. The SDK emits that warning once per process (`process.emitWarning`) while it builds its
 * first client and checks the switch only then, so no other warning is hidden and the environment
 * that child processes inherit is left as it was.
 */
function withoutNodeVersionWarning<T>(build: () => T): T {
  const before = process.env[NODE_WARNING_SWITCH];
  process.env[NODE_WARNING_SWITCH] = 'true';
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[NODE_WARNING_SWITCH];
    else process.env[NODE_WARNING_SWITCH] = before;
  }
}

/**
 * Credentials of a role assumed with the standard chain's credentials (of `profile` when given).
 * The chain is the one an SESv2Client resolves for itself: a client that never sends is built only
 * to hold it, so no credential-provider package beyond the SES client is needed.
 */
function roleCredentials(region: string, roleArn: string, profile: string | undefined) {
  const source = withoutNodeVersionWarning(() => new SESv2Client({ region, ...(profile ? { profile } : {}) }));
  return assumeRoleCredentials({ roleArn, region, sourceCredentials: source.config.credentials as CredentialProvider });
}

/**
 * An SESv2Client for one region: standard retry mode (the SDK retries throttling and transient
 * errors with jittered exponential backoff; no retry loop of ours). Not adaptive mode: its
 * client-side rate limiter cuts its rate to 70% on every 429 and, under a steady 25% of 429s, sinks to
 * its floor of 0.5 requests per second (an apply of 500 tenants took 24 minutes instead of 30 s,
 * test/reliability/throttling.test.ts). A user agent naming this tool
 * and its version, the standard credential chain with an optional profile or assumed role, and
 * the endpoint from the option or else from the SDK's own `AWS_ENDPOINT_URL_SESV2` handling.
 */
export function createSesClient(opts: SesClientOptions): SESv2Client {
  const fromEnv = process.env.AWS_MAX_ATTEMPTS;
  const credentials = opts.credentials ?? (opts.assumeRoleArn ? roleCredentials(opts.region, opts.assumeRoleArn, opts.profile) : undefined);
  const config: SESv2ClientConfig = {
    region: opts.region,
    retryMode: 'standard',
    maxAttempts: opts.maxAttempts ?? (fromEnv ? undefined : DEFAULT_MAX_ATTEMPTS),
    customUserAgent: [[USER_AGENT_NAME, TOOL_VERSION]],
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.profile && !credentials ? { profile: opts.profile } : {}),
    ...(credentials ? { credentials } : {}),
  };
  const client = withoutNodeVersionWarning(() => new SESv2Client(config));
  if (opts.maxRequestsPerSecond !== undefined) paceRequests(client, { requestsPerSecond: opts.maxRequestsPerSecond });
  return client;
}
