import { GetTenantCommand } from '@aws-sdk/client-sesv2';
import { createSesClient } from '../../src/aws/client';
import { withEmulator, fakeCredentials } from '../support/emulator';

const emulator = withEmulator();

test('a paced client provokes no 429 under a rate limit that an unpaced burst exceeds', async () => {
  // Wide margins (the emulator shares this process's event loop, so arrivals bunch under load):
  // the paced client goes at half the limit, and the bucket holds a second of its requests, so a
  // stall of the loop that releases the paced timers together still finds tokens; the unpaced
  // burst of 40 at once exceeds it.
  await emulator.admin.setFaults({ rateLimit: 40, burst: 20 });
  const send = (client: ReturnType<typeof createSesClient>) =>
    Promise.all(Array.from({ length: 40 }, () => client.send(new GetTenantCommand({ TenantName: 'absent' })).catch((e: Error) => e.name)));

  const unpaced = createSesClient({ region: 'us-east-1', endpoint: emulator.url, credentials: fakeCredentials(), maxAttempts: 1 });
  await emulator.admin.resetStats();
  const burst = await send(unpaced);
  expect(burst.filter((r) => r === 'TooManyRequestsException').length).toBeGreaterThan(0);

  const paced = createSesClient({ region: 'us-east-1', endpoint: emulator.url, credentials: fakeCredentials(), maxAttempts: 1, maxRequestsPerSecond: 20 });
  await new Promise((r) => setTimeout(r, 1000)); // let the emulator's bucket refill
  await emulator.admin.resetStats();
  const results = await send(paced);
  expect(results.filter((r) => r !== 'NotFoundException')).toEqual([]);
  expect((await emulator.admin.stats()).throttled).toBe(0);
  unpaced.destroy();
  paced.destroy();
});
