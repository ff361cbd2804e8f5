import { execFile } from 'child_process';
import * as path from 'path';
import type { TestEmulator } from '../support/emulator';

/** What one run of the bundled hook program did. */
export interface HookRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const HOOK = path.join(__dirname, '..', '..', 'dist', 'hook.js');

/** Runs `node dist/hook.js` as Terraform's local-exec does: action and JSON input in the environment, SES at the emulator. */
export function runHookProcess(emu: TestEmulator, action: string, input: unknown, extraEnv: Record<string, string> = {}): Promise<HookRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_ENDPOINT_URL_SESV2: emu.url,
    AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    SES_TENANTS_HOOK_ACTION: action,
    SES_TENANTS_HOOK_INPUT: typeof input === 'string' ? input : JSON.stringify(input),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [HOOK], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
    });
  });
}
