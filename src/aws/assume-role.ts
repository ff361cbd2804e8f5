import type { SESv2ClientConfig } from '@aws-sdk/client-sesv2';

/** Options of {@link assumeRoleCredentials}. */
export interface AssumeRoleOptions {
  /** Role to assume. */
  readonly roleArn: string;
  /** Region of the STS endpoint. */
  readonly region: string;
  /** Source credentials, used to call STS. */
  readonly sourceCredentials: CredentialProvider;
  /** Session name shown in CloudTrail. @default "cdktf-ses-tenants" */
  readonly sessionName?: string;
}

/** A credential provider as the SES client accepts it. */
export type CredentialProvider = Exclude<NonNullable<SESv2ClientConfig['credentials']>, { accessKeyId: string }>;

/** Renew assumed credentials this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Credentials of an assumed role (STS AssumeRole) obtained with the source credentials, cached
 * until five minutes before they expire. STS is loaded on first use so
 * that processes that assume no role do not load it.
 *
 * Uses the STS client the SDK's own credential providers use (`@aws-sdk/nested-clients/sts`, installed
 * with `@aws-sdk/client-sesv2`); `@aws-sdk/credential-providers`' `fromTemporaryCredentials` would do
 * the same once that package is a declared dependency.
 */
export function assumeRoleCredentials(opts: AssumeRoleOptions): CredentialProvider {
  let cached: Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }> | undefined;
  let expiresAt = 0;
  const assume = async () => {
    const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/nested-clients/sts');
    const sts = new STSClient({ region: opts.region, credentials: opts.sourceCredentials });
    try {
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: opts.roleArn, RoleSessionName: opts.sessionName ?? 'cdktf-ses-tenants' }));
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`STS AssumeRole of ${opts.roleArn} returned no credentials`);
      expiresAt = c.Expiration ? c.Expiration.getTime() : Number.POSITIVE_INFINITY;
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    } finally {
      sts.destroy();
    }
  };
  return () => {
    if (cached === undefined || Date.now() > expiresAt - RENEW_BEFORE_MS) {
      cached = assume();
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}
