import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';

/** Path of the bundled CLI (`dist/cli.js`, built by jest's globalSetup). */
export const CLI_BUNDLE = path.join(__dirname, '..', '..', 'dist', 'cli.js');

/** A fake secret key: it must never appear in any output, plan file or error. */
export const FAKE_SECRET_KEY = 'FAKEsecretKEY/never-print-me+0123456789abcdefgh';

/** What one CLI process printed and how it ended. */
export interface CliRun {
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  /** Signal that ended the process, if any. */
  readonly signal: NodeJS.Signals | null;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** A CLI process that is still running. */
export interface CliProcess {
  /** The child process. */
  readonly child: ChildProcess;
  /** Resolves when the process has ended. */
  readonly done: Promise<CliRun>;
}

/**
 * The environment of a CLI child: no shared AWS config, a fake access key of the emulator's
 * default account and {@link FAKE_SECRET_KEY}, no colours; `extra` is merged last.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_ACCESS_KEY_ID: 'AKIDRELIABILITY',
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_KEY,
    NO_COLOR: '1',
    ...extra,
  };
}

/** Starts `node dist/cli.js ARGS` as a real child process. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): CliProcess {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { env: cliEnv(env), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Runs `ses-tenants ARGS` to the end. */
export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliRun> {
  return spawnCli(args, env, cwd).done;
}
