import { HOOK_ACTION_ENV, HOOK_INPUT_ENV, type HookAction } from '../../../src/tenant-spec/hook-contract';
import { BENCH_CREDENTIALS } from './emulator-process';
import { FLEET_TARGET, fleetTenant } from './fleet';

/**
 * The environment Terraform gives a hook of fleet tenant 0 (action and JSON input) pointed at the
 * emulator with fake credentials, and nothing else of this process's environment but PATH and HOME.
 */
export function hookEnv(url: string, action: HookAction = 'tenant-create'): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL_SESV2: url,
    AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
    [HOOK_ACTION_ENV]: action,
    [HOOK_INPUT_ENV]: JSON.stringify({ target: FLEET_TARGET, tenant: fleetTenant(0) }),
  };
}
