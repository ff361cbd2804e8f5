import { CreateTenantCommand, GetTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import pLimit from 'p-limit';
import { startEmulatorProcess } from './support/emulator-process';

/** One benchmark's result. */
export interface ThroughputResult {
  /** What was measured. */
  name: string;
  /** Requests measured. */
  requests: number;
  /** Wall time of the measured requests, seconds. */
  seconds: number;
  /** Requests per second. */
  rps: number;
}

const TENANTS = 1_000;
const REQUESTS = 20_000;
const CONCURRENCY = 16;

/**
 * GetTenant requests per second against the emulator in its own process: 1,000 tenants, then
 * 20,000 GetTenant calls from one SDK client with 16 in flight.
 */
export async function benchEmulatorThroughput(): Promise<ThroughputResult> {
  const emulator = await startEmulatorProcess();
  const client = new SESv2Client({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  const limit = pLimit(CONCURRENCY);
  try {
    const names = Array.from({ length: TENANTS }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
    await Promise.all(names.map((TenantName) => limit(() => client.send(new CreateTenantCommand({ TenantName })))));
    const get = (i: number) => limit(() => client.send(new GetTenantCommand({ TenantName: names[(i * 7) % TENANTS] })));
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => get(i)));
    const started = performance.now();
    await Promise.all(Array.from({ length: REQUESTS }, (_, i) => get(i)));
    const seconds = (performance.now() - started) / 1000;
    return { name: `GetTenant, one client, ${CONCURRENCY} concurrent, ${TENANTS} tenants`, requests: REQUESTS, seconds, rps: REQUESTS / seconds };
  } finally {
    client.destroy();
    await emulator.stop();
  }
}

if (require.main === module) {
  benchEmulatorThroughput().then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
