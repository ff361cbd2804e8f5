import { SpecValidationError, formatViolation, validateDeclaredStack } from '../../src/tenant-spec';
import type { DeclaredTenant, StackTarget, TenantSpec } from '../../src/tenant-spec';

const target: StackTarget = {
  formatVersion: 2,
  owner: 'test-app',
  stack: 'eu',
  region: 'eu-central-1',
  account: '123456789012',
  partition: 'aws',
  tenantQuota: 3,
};

function tenant(name: string, arns: string[] = [], path = `App/eu/${name}`): DeclaredTenant {
  const resources = arns.map((arn) => {
    const [type, ...rest] = arn.split(':').slice(5).join(':').split('/');
    return { type, name: rest.join('/'), arn } as TenantSpec['resources'][number];
  });
  return { path, spec: { name, resources, reputationPolicy: 'standard', sendingStatus: 'enabled', tags: {}, suppression: null } };
}

const ok = ['arn:aws:ses:eu-central-1:123456789012:identity/a.example', 'arn:aws:ses:eu-central-1:123456789012:configuration-set/cs'];

function check(tenants: DeclaredTenant[]): string[] {
  return validateDeclaredStack({ target, tenants }).map(formatViolation);
}

test('a valid stack has no violations', () => {
  expect(check([tenant('a', ok), tenant('b', ok)])).toEqual([]);
});

test('duplicate tenant names name both places', () => {
  expect(check([tenant('a', ok), tenant('a', ok, 'App/eu/Other')])).toEqual([
    'App/eu/Other: tenant "a": name: is already declared in this stack at App/eu/a; tenant names are unique per region and account (got "a")',
  ]);
});

test('more tenants than the quota', () => {
  const out = check(['a', 'b', 'c', 'd'].map((n) => tenant(n, ok)));
  expect(out).toEqual([expect.stringContaining('the stack declares 4 tenants but the quota of eu-central-1/123456789012 is 3')]);
});

test.each([
  ['arn:aws:ses:us-east-1:123456789012:identity/x.example', 'is in region us-east-1, the stack is in eu-central-1'],
  ['arn:aws:ses:eu-central-1:999999999999:identity/x.example', 'is in account 999999999999, the stack is in 123456789012'],
  ['arn:aws:sns:eu-central-1:123456789012:identity/x.example', 'is not an SES ARN (service "sns")'],
  ['arn:aws:ses:eu-central-1:123456789012:dedicated-ip-pool/p', 'has resource type "dedicated-ip-pool"'],
  ['not-an-arn', 'is not an ARN'],
])('ARN %s is rejected', (arn, rule) => {
  const t = tenant('a', ok);
  const spec = { ...t.spec, resources: [...t.spec.resources, { type: 'identity' as const, name: 'x.example', arn }] };
  const out = check([{ ...t, spec }]);
  expect(out).toHaveLength(1);
  expect(out[0]).toContain('tenant "a": resources[2].arn: ');
  expect(out[0]).toContain(rule);
});

test('a tenant without identity or configuration set cannot send unless it opts out', () => {
  expect(check([tenant('a', [])])).toEqual([
    'App/eu/a: tenant "a": resources: has no email identity; SES refuses every send as a tenant from an identity not associated with it. Associate one, or set allowIncompleteSending: true',
    "App/eu/a: tenant \"a\": resources: has no configuration set; SES refuses a send as a tenant unless the configuration set it names (or the identity's default) is associated with it. Associate one, or set allowIncompleteSending: true",
  ]);
  expect(check([{ ...tenant('a', []), allowIncompleteSending: true }])).toEqual([]);
});

test('SpecValidationError lists every violation', () => {
  const violations = validateDeclaredStack({ target, tenants: [tenant('a', []), tenant('bad name', ok)] });
  const err = new SpecValidationError(violations);
  expect(err.message).toMatch(/^Invalid SES tenant declaration: 3 problems\n/);
  expect(err.violations).toHaveLength(3);
});
