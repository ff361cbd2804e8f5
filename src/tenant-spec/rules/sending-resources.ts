import type { SpecViolation } from '../violation';
import type { StackRule } from './rule';

/** SES sends for a tenant only with at least one identity and one configuration set associated. */
export const sendingResources: StackRule = (stack) => {
  const out: SpecViolation[] = [];
  for (const t of stack.tenants) {
    if (t.allowIncompleteSending) continue;
    for (const [type, label] of [
      ['identity', 'email identity'],
      ['configuration-set', 'configuration set'],
    ] as const) {
      if (!t.spec.resources.some((r) => r.type === type)) {
        out.push({
          path: t.path,
          tenant: t.spec.name,
          field: 'resources',
          rule: `has no ${label}; SES cannot send for a tenant without one. Associate one, or set allowIncompleteSending: true`,
        });
      }
    }
  }
  return out;
};
