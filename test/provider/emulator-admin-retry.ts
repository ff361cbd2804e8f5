/**
 * Runs an emulator admin call, once more if it failed on a stale socket: terraform runs
 * synchronously in these tests and blocks the event loop for seconds, so the emulator may have
 * closed fetch's idle keep-alive socket by the next call ("fetch failed: other side closed").
 */
export async function retryStaleSocket<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof TypeError && err.message === 'fetch failed')) throw err;
    return call();
  }
}
