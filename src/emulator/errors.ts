/** An error the emulator answers with: an AWS error code, its HTTP status and a message. */
export abstract class EmulatorError extends Error {
  /** The AWS error code sent in `x-amzn-errortype`. */
  abstract readonly code: string;
  /** The HTTP status of the answer. */
  abstract readonly status: number;
  /** Extra body members some errors carry on the wire besides `message`. */
  readonly extraBody: Record<string, unknown> = {};
}

/** Input failed validation (400). */
export class BadRequestException extends EmulatorError {
  readonly code = 'BadRequestException';
  readonly status = 400;
}

/** The named resource does not exist (404). */
export class NotFoundException extends EmulatorError {
  readonly code = 'NotFoundException';
  readonly status = 404;
}

/** The resource to create already exists (400). */
export class AlreadyExistsException extends EmulatorError {
  readonly code = 'AlreadyExistsException';
  readonly status = 400;
}

/** A quota was reached (400). */
export class LimitExceededException extends EmulatorError {
  readonly code = 'LimitExceededException';
  readonly status = 400;
}

/** The request was throttled (429). */
export class TooManyRequestsException extends EmulatorError {
  readonly code = 'TooManyRequestsException';
  readonly status = 429;
}

/** The caller may not use what it asked for; SES's tenant send gate answers with it (403, unmodeled). */
export class AccessDeniedException extends EmulatorError {
  readonly code = 'AccessDeniedException';
  readonly status = 403;
}

/** A conflicting change is in progress (409). */
export class ConflictException extends EmulatorError {
  readonly code = 'ConflictException';
  readonly status = 409;
}

/** Sending is paused (400). */
export class SendingPausedException extends EmulatorError {
  readonly code = 'SendingPausedException';
  readonly status = 400;
}

/** The message was rejected, e.g. an unverified sender (400). */
export class MessageRejected extends EmulatorError {
  readonly code = 'MessageRejected';
  readonly status = 400;
}

/** The body is not JSON or a member has the wrong JSON type (400). */
export class SerializationException extends EmulatorError {
  readonly code = 'SerializationException';
  readonly status = 400;
}

/** No SES v2 operation is served at this method and path (404). */
export class UnknownOperationException extends EmulatorError {
  readonly code = 'UnknownOperationException';
  readonly status = 404;
}

/** The emulator itself failed, e.g. the state file could not be written (500). */
export class InternalServiceErrorException extends EmulatorError {
  readonly code = 'InternalServiceErrorException';
  readonly status = 500;
}

/** The Smithy "must not be null" validation message for a member (camelCase name as AWS prints it). */
export function notNullMessage(wireName: string): string {
  return `1 validation error detected: Value at '${wireName}' failed to satisfy constraint: Member must not be null`;
}
