import type { HookInvocation } from './input';

/**
 * Carries out one hook invocation through the engine.
 * TODO(engine): build a plan for the one object the hook owns and apply it (DESIGN rule 1).
 */
export async function runHook(invocation: HookInvocation): Promise<void> {
  throw new Error(`hook action ${invocation.action} is not implemented yet`);
}
