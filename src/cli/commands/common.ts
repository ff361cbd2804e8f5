import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

/** Exit codes, as Terraform's `-detailed-exitcode`: 0 nothing to do, 1 error, 2 changes. */
export const EXIT = { ok: 0, error: 1, changes: 2 } as const;

/** Parses a positive integer option. */
export function positiveInt(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Parses a positive number option. */
export function positiveNumber(raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the options every command that reads the app and SES shares. */
export function addSesOptions(cmd: Command): Command {
  return cmd
    .option('--app <dir>', 'synth output (cdktf.out) or a cdktf project to synthesize', '.')
    .option('--stack <name>', 'only this stack (repeatable)', collect)
    .option('--adopt <tenant>', 'take over this tenant although another app or stack manages it, or nobody does (repeatable)', collect)
    .option('--endpoint <url>', 'SES v2 endpoint, such as a local emulator (default: AWS_ENDPOINT_URL_SESV2, then AWS)')
    .option('--concurrency <n>', 'SES requests in flight at once', positiveInt, 16)
    .option('--max-rps <n>', "most SES requests per second per region (set it just under the account's rate limit to avoid 429s)", positiveNumber);
}
