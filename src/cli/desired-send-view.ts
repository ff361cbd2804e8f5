import type { DesiredStack } from '../engine/model';
import { bareAddress, domainOf, type SendRequest, type SendView } from '../runtime/send-check';
import type { ResourceType } from '../tenant-spec/tenant-spec';

/**
 * The send gate's view of the code (`ses-tenants check-send` without `--live`): what a stack
 * declares, read from the synthesized stacks. The gate itself and the live view are the runtime's
 * (`src/runtime/send-check.ts`), which `TenantOnboarding.checkSend` uses too.
 */

/** The stack named `stack` of the app. */
export function stackNamed(stacks: readonly DesiredStack[], stack: string): DesiredStack {
  const found = stacks.find((s) => s.target.stack === stack);
  if (found === undefined) throw new Error(`no stack ${stack} in the app (stacks: ${stacks.map((s) => s.target.stack).join(', ') || 'none'})`);
  return found;
}

/** The identity SES would pick for an address: the address itself, else its domain. */
function pickIdentity<T>(address: string, find: (name: string) => T | undefined): T | undefined {
  return find(address) ?? find(domainOf(address));
}

/**
 * The view of the desired state: what the stack's code declares once deployed. Identities,
 * configuration sets and templates count as existing when a tenant of the stack references them;
 * an identity's default configuration set and its verification are not in the tenant specs.
 */
export function desiredSendView(stack: DesiredStack, request: SendRequest): SendView {
  const spec = stack.tenants[request.tenant];
  const declared = (type: ResourceType) => new Set(Object.values(stack.tenants).flatMap((s) => s.resources.filter((r) => r.type === type).map((r) => r.name)));
  const identities = declared('identity');
  const sets = declared('configuration-set');
  const templates = declared('template');
  const identity = pickIdentity(bareAddress(request.from), (name) => (identities.has(name) ? { name } : undefined));
  return {
    target: stack.target,
    source: 'desired',
    declared: spec !== undefined,
    notes: ["from the code: identity verification and an identity's default configuration set are not checked (use --live)"],
    ...(spec === undefined
      ? {}
      : { tenant: { ...(spec.sendingStatus === 'disabled' ? { paused: { by: 'customer' as const } } : {}), associated: new Set(spec.resources.map((r) => r.arn)) } }),
    ...(identity ? { identity } : {}),
    configurationSetExists: (name) => (sets.has(name) ? true : undefined),
    templateExists: (name) => (templates.has(name) ? true : undefined),
  };
}
