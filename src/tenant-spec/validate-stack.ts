import { duplicateResources } from './rules/duplicate-resources';
import { resourceArns } from './rules/resource-arns';
import type { DeclaredStack, StackRule } from './rules/rule';
import { sendingResources } from './rules/sending-resources';
import { tenantQuota } from './rules/tenant-quota';
import { uniqueTenantNames } from './rules/unique-tenant-names';
import { validateTenantSpec } from './validate-tenant';
import { stackTargetSchema } from './tenant-spec';
import type { SpecViolation } from './violation';

/** The stack-level rules, in the order their findings are reported. */
export const STACK_RULES: readonly StackRule[] = [uniqueTenantNames, tenantQuota, resourceArns, duplicateResources, sendingResources];

/** Validates every tenant of a stack and the stack as a whole; returns all violations at once. */
export function validateDeclaredStack(stack: DeclaredStack): SpecViolation[] {
  const out: SpecViolation[] = [];
  const target = stackTargetSchema.safeParse(stack.target);
  if (!target.success) {
    for (const issue of target.error.issues) {
      out.push({ tenant: '(all)', field: `stack.${issue.path.join('.')}`, rule: issue.message, path: stack.target.stack });
    }
    return out;
  }
  for (const t of stack.tenants) out.push(...validateTenantSpec(t.spec, t.path));
  out.push(...validateStackRules(stack));
  return out;
}

/**
 * Only the stack-level rules, for callers that have already checked the target and each tenant
 * spec (a SesTenant validates its spec when it is declared; the desired-state reader as it parses).
 */
export function validateStackRules(stack: DeclaredStack): SpecViolation[] {
  return STACK_RULES.flatMap((rule) => rule(stack));
}
