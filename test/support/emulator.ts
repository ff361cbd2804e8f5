import { SESv2Client, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import { EmulatorAdminClient, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';

/** A running emulator for a test suite, with SDK and admin clients pointed at it. */
export interface TestEmulator {
  /** The emulator's base URL. */
  readonly url: string;
  /** A real SESv2Client for this emulator, with fake credentials. Extra config (e.g. `maxAttempts: 1`) is merged in. */
  client(region?: string, config?: Partial<SESv2ClientConfig>): SESv2Client;
  /** The `/_emulator/` admin endpoints. */
  readonly admin: EmulatorAdminClient;
  /** Stops the emulator. */
  stop(): Promise<void>;
}

/** Fake credentials; an access key of 12 digits selects that account in the emulator. */
export function fakeCredentials(accessKeyId = 'AKIDEMULATOR') {
  return { accessKeyId, secretAccessKey: 'emulator-secret' };
}

/** Builds a TestEmulator around a running emulator. */
export function testEmulatorFor(running: Pick<RunningEmulator, 'url' | 'stop'>): TestEmulator {
  return {
    url: running.url,
    admin: new EmulatorAdminClient(running.url),
    stop: () => running.stop(),
    client: (region = 'us-east-1', config = {}) =>
      new SESv2Client({ region, endpoint: running.url, credentials: fakeCredentials(), ...config }),
  };
}

/** Starts an in-process emulator on an ephemeral loopback port. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  return testEmulatorFor(await startEmulator(options));
}

/**
 * Starts one emulator for the enclosing `describe` (beforeAll/afterAll) and resets its state before
 * each test unless `resetEachTest` is false. The returned object is usable inside tests.
 */
export function withEmulator(options: EmulatorOptions = {}, resetEachTest = true): TestEmulator {
  let current: TestEmulator | undefined;
  const get = (): TestEmulator => {
    if (current === undefined) throw new Error('withEmulator(): the emulator is only available inside tests and hooks');
    return current;
  };
  beforeAll(async () => {
    current = await startTestEmulator(options);
  });
  afterAll(async () => {
    await current?.stop();
    current = undefined;
  });
  if (resetEachTest) {
    beforeEach(async () => {
      const { admin } = get();
      await admin.reset();
      await admin.setFaults({ latencyMs: options.latencyMs ?? 0, throttleFraction: options.throttleFraction ?? 0, rateLimit: options.rateLimit ?? null });
      await admin.resetStats();
    });
  }
  return {
    get url() {
      return get().url;
    },
    get admin() {
      return get().admin;
    },
    client: (region, config) => get().client(region, config),
    stop: () => get().stop(),
  };
}
