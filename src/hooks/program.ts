import { HOOK_ACTION_ENV, HOOK_EXIT } from '../tenant-spec/hook-contract';
import { HookInputError, hookTenantName, parseHookInvocation } from './input';
import { runHook } from './run';

/** The hook program: reads its invocation from the environment, runs it, and resolves to the exit code. */
export async function runHookProgram(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let invocation;
  try {
    invocation = parseHookInvocation(env);
  } catch (err) {
    const action = env[HOOK_ACTION_ENV] ?? '(none)';
    process.stderr.write(`ses-tenants hook ${action}: invalid input: ${(err as Error).message}\n`);
    return err instanceof HookInputError ? HOOK_EXIT.invalidInput : HOOK_EXIT.failed;
  }
  try {
    const outcome = await runHook(invocation);
    if (outcome.note) process.stdout.write(`ses-tenants hook ${invocation.action} ${hookTenantName(invocation)}: ${outcome.note}\n`);
    return HOOK_EXIT.ok;
  } catch (err) {
    const e = err as Error;
    process.stderr.write(`ses-tenants hook ${invocation.action} ${hookTenantName(invocation)}: ${e.name}: ${e.message}\n`);
    return HOOK_EXIT.failed;
  }
}
