import { Command, InvalidArgumentError, Option } from 'commander';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index';

/** Options as commander parses them from the emulator's flags. */
export interface EmulatorCommandOptions {
  /** --port */
  port: number;
  /** --host */
  host: string;
  /** --state */
  state?: string;
  /** --latency */
  latency?: number;
  /** --throttle */
  throttle?: number;
  /** --rate-limit */
  rateLimit?: number;
  /** --burst */
  burst?: number;
  /** --account */
  account?: string;
  /** --tenant-quota */
  tenantQuota?: number;
  /** --pending-identities */
  pendingIdentities?: boolean;
}

function number(kind: 'integer' | 'number', min: number, max = Infinity) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || (kind === 'integer' && !Number.isInteger(value)) || value < min || value > max) {
      throw new InvalidArgumentError(`expected ${kind === 'integer' ? 'an integer' : 'a number'} from ${min}${max === Infinity ? '' : ` to ${max}`}`);
    }
    return value;
  };
}

/** Adds the emulator's flags to a command, so `ses-tenants emulator` and the standalone entry share them. */
export function addEmulatorOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--port <port>', 'TCP port, 0 for a free one').default(4566).argParser(number('integer', 0, 65535)))
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
    .addOption(new Option('--state <file>', 'load state from FILE and persist every write to it atomically'))
    .addOption(new Option('--latency <ms>', 'milliseconds added to every SES request').argParser(number('number', 0)))
    .addOption(new Option('--throttle <fraction>', 'fraction of SES requests answered with 429').argParser(number('number', 0, 1)))
    .addOption(new Option('--rate-limit <rps>', 'SES requests per second per account and region before 429').argParser(number('number', Number.MIN_VALUE)))
    .addOption(new Option('--burst <n>', 'requests the rate limiter lets through at once').argParser(number('integer', 1)))
    .addOption(new Option('--account <id>', 'account of callers whose access key is not a 12-digit account').argParser((raw) => {
      if (!/^\d{12}$/.test(raw)) throw new InvalidArgumentError('expected 12 digits');
      return raw;
    }))
    .addOption(new Option('--tenant-quota <n>', 'tenants per account and region').argParser(number('integer', 0)))
    .addOption(new Option('--pending-identities', 'keep new identities pending until POST /_emulator/identities/verify'));
}

/** Turns parsed flags into {@link startEmulator} options. */
export function emulatorOptionsFromCommand(opts: EmulatorCommandOptions): EmulatorOptions {
  return {
    port: opts.port,
    host: opts.host,
    stateFile: opts.state,
    latencyMs: opts.latency,
    throttleFraction: opts.throttle,
    rateLimit: opts.rateLimit,
    burst: opts.burst,
    accountId: opts.account,
    tenantQuota: opts.tenantQuota,
    verifyIdentities: opts.pendingIdentities === true ? false : undefined,
  };
}

/**
 * Starts the emulator, prints `listening on URL` as the first stdout line, and serves until SIGINT or
 * SIGTERM; then finishes state writes, closes the server and resolves.
 */
export async function serveEmulator(options: EmulatorOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const emulator: RunningEmulator = await startEmulator(options);
  out.write(`listening on ${emulator.url}\n`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      void emulator.stop().then(resolve);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}

/** Runs `emulator [options]` from an argv list without the node and script entries. */
export async function runEmulatorCommand(argv: readonly string[]): Promise<void> {
  const cmd = addEmulatorOptions(new Command('emulator').description('Local SES v2 emulator for tenants'));
  cmd.parse([...argv], { from: 'user' });
  await serveEmulator(emulatorOptionsFromCommand(cmd.opts<EmulatorCommandOptions>()));
}
