import type { StackRule } from './rule';

/** A stack may not declare more tenants than its region's quota. */
export const tenantQuota: StackRule = (stack) => {
  const { tenantQuota: quota, region, account } = stack.target;
  if (stack.tenants.length <= quota) return [];
  const first = stack.tenants[quota];
  return [
    {
      path: first.path,
      tenant: first.spec.name,
      field: '(stack)',
      rule:
        `the stack declares ${stack.tenants.length} tenants but the quota of ${region}/${account} is ${quota}; ` +
        'raise the quota through Service Quotas and set tenantQuota on the TenantStack, or split the tenants',
    },
  ];
};
