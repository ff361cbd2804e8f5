import type { StackRule } from './rule';

/** A tenant name may be declared only once per stack (SES names are unique per region and account). */
export const uniqueTenantNames: StackRule = (stack) => {
  const firstPath = new Map<string, string | undefined>();
  const out = [];
  for (const t of stack.tenants) {
    if (firstPath.has(t.spec.name)) {
      out.push({
        path: t.path,
        tenant: t.spec.name,
        field: 'name',
        rule: `is already declared in this stack at ${firstPath.get(t.spec.name) ?? 'another construct'}; tenant names are unique per region and account`,
        value: t.spec.name,
      });
    } else {
      firstPath.set(t.spec.name, t.path);
    }
  }
  return out;
};
