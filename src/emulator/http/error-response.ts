import type { ServerResponse } from 'http';
import { EmulatorError, InternalServiceErrorException } from '../errors';

/**
 * Writes any thrown value as an SES v2 error answer: `x-amzn-errortype: <Code>`, the status, and a
 * body with `message` and `Message` (the tenant send gate's AccessDenied uses `Message`; the SDK
 * reads either). Anything that is not an {@link EmulatorError} becomes an InternalServiceErrorException.
 */
export function writeError(res: ServerResponse, err: unknown, requestId: string): void {
  const known =
    err instanceof EmulatorError ? err : new InternalServiceErrorException(err instanceof Error ? err.message : String(err));
  const body = JSON.stringify({ ...known.extraBody, message: known.message, Message: known.message });
  res.writeHead(known.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': known.code,
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}
