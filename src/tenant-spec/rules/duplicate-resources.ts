import type { SpecViolation } from '../violation';
import type { StackRule } from './rule';

/** A tenant lists each resource once. */
export const duplicateResources: StackRule = (stack) => {
  const out: SpecViolation[] = [];
  for (const t of stack.tenants) {
    const seen = new Set<string>();
    t.spec.resources.forEach((r, i) => {
      const key = `${r.type}/${r.name}`;
      if (seen.has(key)) {
        out.push({ path: t.path, tenant: t.spec.name, field: `resources[${i}]`, rule: `associates ${r.type} "${r.name}" twice`, value: r.arn });
      }
      seen.add(key);
    });
  }
  return out;
};
