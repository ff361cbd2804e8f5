import type * as http from 'http';
import { callerOf } from '../http/caller';

/** What the STS endpoint needs of the emulator (STS calls are not SES requests: the SES stats do not count them). */
export interface StsDependencies {
  /** Account of callers whose access key is not a 12-digit account number. */
  readonly defaultAccountId: string;
}

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function writeXml(res: http.ServerResponse, status: number, body: string, requestId: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': requestId });
  res.end(body);
}

/** The Query-protocol error body of STS. */
function errorXml(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${STS_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/**
 * GetCallerIdentity: the account comes from the access key exactly as for SES (12 digits select
 * that account, anything else is the default account); the caller is that account's root user.
 */
export function GetCallerIdentity(accountId: string, requestId: string): string {
  return (
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}"><GetCallerIdentityResult>` +
    `<Arn>arn:aws:iam::${accountId}:root</Arn><UserId>${accountId}</UserId><Account>${accountId}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
  );
}

/** Serves `POST /` (AWS Query protocol, form-encoded `Action=...&Version=2011-06-15`): STS GetCallerIdentity only. */
export async function serveSts(req: http.IncomingMessage, res: http.ServerResponse, deps: StsDependencies, requestId: string): Promise<void> {
  const form = await readForm(req);
  const action = form.get('Action') ?? '';
  if (action !== 'GetCallerIdentity') {
    writeXml(res, 400, errorXml('InvalidAction', `Could not find operation ${action.replace(/[^A-Za-z0-9]/g, '')} for version 2011-06-15`, requestId), requestId);
    return;
  }
  writeXml(res, 200, GetCallerIdentity(callerOf(req.headers.authorization, deps.defaultAccountId).accountId, requestId), requestId);
}
