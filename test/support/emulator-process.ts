import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createInterface } from 'readline';
import { EmulatorAdminClient } from '../../src/emulator';

/** An emulator in its own process (`node dist/emulator.js`), which a test may SIGKILL. */
export interface EmulatorChild {
  /** Base URL. */
  readonly url: string;
  /** Port it listens on. */
  readonly port: number;
  /** The `/_emulator/` admin endpoints. */
  readonly admin: EmulatorAdminClient;
  /** Sends `signal` and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node dist/emulator.js ARGS` (default `--port 0`) and waits for its `listening on URL` line. */
export function startEmulatorChild(args: readonly string[]): Promise<EmulatorChild> {
  const bundle = path.join(__dirname, '..', '..', 'dist', 'emulator.js');
  const child: ChildProcess = spawn(process.execPath, [bundle, ...(args.includes('--port') ? [] : ['--port', '0']), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const match = /^listening on (http:\/\/\S+:(\d+))$/.exec(line);
      if (match === null) {
        child.kill('SIGKILL');
        reject(new Error(`unexpected first line from the emulator: ${line}`));
        return;
      }
      resolve({
        url: match[1],
        port: Number(match[2]),
        admin: new EmulatorAdminClient(match[1]),
        kill: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}
