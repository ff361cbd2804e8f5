/** What an SDK error is expected to carry. */
export interface ExpectedAwsError {
  /** `error.name`, the AWS error code. */
  name: string;
  /** `$metadata.httpStatusCode`. */
  status: number;
  /** The exact message, when given. */
  message?: string;
}

/** Awaits a call that must fail and checks the SDK error's name, HTTP status and message. */
export async function expectAwsError(call: Promise<unknown>, expected: ExpectedAwsError): Promise<void> {
  let caught: unknown;
  try {
    await call;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeDefined();
  const err = caught as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  const actual: ExpectedAwsError = { name: err.name, status: err.$metadata?.httpStatusCode ?? -1 };
  if (expected.message !== undefined) actual.message = err.message;
  expect(actual).toEqual(expected);
}
