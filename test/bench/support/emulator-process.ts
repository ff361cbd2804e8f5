import { spawn, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import pLimit from 'p-limit';
import { createSesClient } from '../../../src/aws/client';
import { EmulatorAdminClient, type EmulatorStats } from '../../../src/emulator';

/** The repository root: the nearest folder above this file with a package.json (works from src and from bundles under dist/). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the benchmark');
    dir = parent;
  }
  return dir;
}

/** An emulator running in its own process (`node dist/emulator.js`). */
export interface EmulatorProcess {
  /** Base URL. */
  readonly url: string;
  /** The `/_emulator/` admin endpoints. */
  readonly admin: EmulatorAdminClient;
  /** Stops the process (SIGTERM) and waits for it. */
  stop(): Promise<void>;
}

/** Fake credentials whose 12-digit access key selects the benchmark account in the emulator. */
export const BENCH_CREDENTIALS = { accessKeyId: '123456789012', secretAccessKey: 'bench' } as const;

/** Starts `node dist/emulator.js --port 0 ARGS` and waits for its `listening on URL` line. */
export function startEmulatorProcess(args: readonly string[] = []): Promise<EmulatorProcess> {
  const bundle = path.join(repositoryRoot(), 'dist', 'emulator.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "node scripts/build-bundles.js"`);
  const child: ChildProcess = spawn(process.execPath, [bundle, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match === null) {
        child.kill('SIGTERM');
        reject(new Error(`unexpected first line from the emulator: ${line}`));
        return;
      }
      resolve({
        url: match[1],
        admin: new EmulatorAdminClient(match[1]),
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** The project's SES client (as the CLI and hooks build it) pointed at the emulator, optionally paced (`--max-rps`). */
export function benchClient(url: string, region: string, maxRequestsPerSecond?: number): SESv2Client {
  return createSesClient({ region, endpoint: url, credentials: BENCH_CREDENTIALS, maxRequestsPerSecond });
}

/** Creates the email identities and configuration sets that tenants associate with (setup, not measured). */
export async function createSendingResources(client: SESv2Client, identities: readonly string[], configurationSets: readonly string[]): Promise<void> {
  const limit = pLimit(32);
  await Promise.all(configurationSets.map((ConfigurationSetName) => limit(() => client.send(new CreateConfigurationSetCommand({ ConfigurationSetName })))));
  await Promise.all(identities.map((EmailIdentity) => limit(() => client.send(new CreateEmailIdentityCommand({ EmailIdentity })))));
}

/** Accepted SES calls (answers other than injected 429s) in a stats snapshot. */
export function acceptedCalls(stats: EmulatorStats): number {
  return stats.total - stats.throttled;
}
