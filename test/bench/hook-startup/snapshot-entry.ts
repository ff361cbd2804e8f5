import * as v8 from 'v8';
import { HOOK_ACTION_ENV, HOOK_EXIT } from '../../../src/hooks/contract';
import { HookInputError, hookTenantName, parseHookInvocation } from '../../../src/hooks/input';
import { runHook } from '../../../src/hooks/run';

// Prototype entry of a start-up snapshot of the hook program (`node --snapshot-blob hook.blob
// --build-snapshot hook-snapshot.js`, run as `node --snapshot-blob hook.blob`): every module is
// loaded and initialized when the snapshot is built; at run time only the main function runs. It
// does what src/hooks/main.ts does.

async function main(): Promise<number> {
  let invocation;
  try {
    invocation = parseHookInvocation(process.env);
  } catch (err) {
    process.stderr.write(`ses-tenants hook ${process.env[HOOK_ACTION_ENV] ?? '(none)'}: invalid input: ${(err as Error).message}\n`);
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

v8.startupSnapshot.setDeserializeMainFunction(() => {
  void main().then((code) => {
    process.exitCode = code;
  });
});
