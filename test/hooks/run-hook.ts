import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { canonicalTenant, type StackTarget, type TenantSpec } from '../../src/tenant-spec';
import type { TestEmulator } from '../support/emulator';

/** What one run of the bundled hook program did. */
export interface HookRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const HOOK = path.join(__dirname, '..', '..', 'dist', 'hook.js');

/**
 * Writes the stack document a destroy-time hook reads as the CURRENT configuration (`cdk.tf.json`
 * in Terraform's working directory): the stack target and the tenants still declared.
 */
export function writeCurrentConfig(dir: string, target: StackTarget, tenants: readonly TenantSpec[]): string {
  const locals = { ses_tenants_stack: target, ses_tenants: Object.fromEntries(tenants.map((t) => [t.name, canonicalTenant(t)])) };
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ locals }));
  return dir;
}

/** Runs `node dist/hook.js` as Terraform's local-exec does: action and JSON input in the environment, SES at the emulator, in `cwd` (Terraform's working directory). */
export function runHookProcess(emu: TestEmulator, action: string, input: unknown, extraEnv: Record<string, string> = {}, cwd?: string): Promise<HookRun> {
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
    execFile(process.execPath, [HOOK], { env, cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
    });
  });
}
