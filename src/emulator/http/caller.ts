import { DEFAULT_REGION } from '../state/backend';

/** The caller of an SES request, from its SigV4 credential scope. */
export interface Caller {
  /** The access key when it is 12 digits, else the default account. */
  readonly accountId: string;
  /** The credential scope's region, else us-east-1. */
  readonly region: string;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;
const ACCOUNT_ID = /^\d{12}$/;

/** Reads account and region from `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/ses/aws4_request, ...`. */
export function callerOf(authorization: string | undefined, defaultAccountId: string): Caller {
  const match = authorization === undefined ? null : CREDENTIAL_SCOPE.exec(authorization);
  if (match === null) return { accountId: defaultAccountId, region: DEFAULT_REGION };
  return { accountId: ACCOUNT_ID.test(match[1]) ? match[1] : defaultAccountId, region: match[2] };
}
