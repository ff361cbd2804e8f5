import type { SpecViolation } from '../violation';
import type { StackRule } from './rule';

/**
 * SES sends for a tenant only with an identity and a configuration set associated with it: a send
 * must name a configuration set associated with the tenant, or use an identity whose default
 * configuration set is (shared reference §7; what AWS does with no configuration set at all is
 * unconfirmed, and the emulator refuses it). An error, as SES refuses every send until both exist.
 */
export const sendingResources: StackRule = (stack) => {
  const out: SpecViolation[] = [];
  for (const t of stack.tenants) {
    if (t.allowIncompleteSending) continue;
    for (const type of ['identity', 'configuration-set'] as const) {
      if (!t.spec.resources.some((r) => r.type === type)) {
        out.push({
          path: t.path,
          tenant: t.spec.name,
          field: 'resources',
          rule:
            type === 'identity'
              ? 'has no email identity; SES refuses every send as a tenant from an identity not associated with it. Associate one, or set allowIncompleteSending: true'
              : 'has no configuration set; SES refuses a send as a tenant unless the configuration set it names (or the identity\'s default) is associated with it. Associate one, or set allowIncompleteSending: true',
        });
      }
    }
  }
  return out;
};
