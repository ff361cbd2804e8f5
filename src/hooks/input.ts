import { HOOK_ACTIONS, HOOK_ACTION_ENV, HOOK_INPUT_ENV, HOOK_INPUT_SCHEMAS } from '../tenant-spec/hook-contract';
import type { AssociationHookInput, HookAction, TenantDeleteHookInput, TenantHookInput } from '../tenant-spec/hook-contract';

/** A hook invocation, parsed and validated from the environment. */
export type HookInvocation =
  | { readonly action: 'tenant-create' | 'settings-apply'; readonly input: TenantHookInput }
  | { readonly action: 'tenant-delete'; readonly input: TenantDeleteHookInput }
  | { readonly action: 'association-create' | 'association-delete'; readonly input: AssociationHookInput };

/** The hook's input is missing or malformed (exit code 2). */
export class HookInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HookInputError';
  }
}

/** Reads and validates the action and input a Terraform hook passed through the environment. */
export function parseHookInvocation(env: NodeJS.ProcessEnv): HookInvocation {
  const action = env[HOOK_ACTION_ENV];
  if (!action || !(HOOK_ACTIONS as readonly string[]).includes(action)) {
    throw new HookInputError(`${HOOK_ACTION_ENV} must be one of ${HOOK_ACTIONS.join(', ')} (got ${JSON.stringify(action ?? null)})`);
  }
  const raw = env[HOOK_INPUT_ENV];
  if (!raw) throw new HookInputError(`${HOOK_INPUT_ENV} is not set`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new HookInputError(`${HOOK_INPUT_ENV} is not JSON: ${(err as Error).message}`);
  }
  const parsed = HOOK_INPUT_SCHEMAS[action as HookAction].safeParse(json);
  if (!parsed.success) {
    let first = parsed.error.issues[0];
    // Neither form of a tenant-delete input: name what the current form lacks.
    if (first.code === 'invalid_union' && first.errors[0]?.[0] !== undefined) first = first.errors[0][0];
    throw new HookInputError(`${HOOK_INPUT_ENV} is invalid at ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return { action, input: parsed.data } as HookInvocation;
}

/** The tenant a hook invocation is about, for messages. */
export function hookTenantName(invocation: HookInvocation): string {
  return typeof invocation.input.tenant === 'string' ? invocation.input.tenant : invocation.input.tenant.name;
}
