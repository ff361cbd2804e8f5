import { compareStrings, TENANT_DEFAULTS, tenantSpecOf, validateTenantSpec } from '../../src/tenant-spec';

describe('tenantSpecOf: every front door fills left-out fields from TENANT_DEFAULTS', () => {
  test('a bare declaration gets the defaults, and is a valid spec', () => {
    const spec = tenantSpecOf({ name: 'acme', resources: [] });
    expect(spec).toEqual({ name: 'acme', resources: [], tags: {}, ...TENANT_DEFAULTS });
    expect(validateTenantSpec(spec, 'acme')).toEqual([]);
  });

  test('the defaults are what SES gives a new tenant, and retain', () => {
    expect(TENANT_DEFAULTS).toEqual({ reputationPolicy: 'standard', sendingStatus: 'enabled', suppression: null, removalPolicy: 'retain', adopt: false });
  });

  test('null means left out, as Terraform sends an unset attribute', () => {
    const spec = tenantSpecOf({ name: 'acme', resources: [], reputationPolicy: null, sendingStatus: null, tags: null, removalPolicy: null, adopt: null });
    expect(spec).toEqual(tenantSpecOf({ name: 'acme', resources: [] }));
  });

  test('declared fields are kept as declared, copies not shared', () => {
    const tags = { b: '1', a: '2' };
    const resources = [{ type: 'identity' as const, name: 'x', arn: 'arn:aws:ses:us-east-1:123456789012:identity/x' }];
    const spec = tenantSpecOf({ name: 'acme', resources, tags, reputationPolicy: 'strict', sendingStatus: 'disabled', removalPolicy: 'destroy', adopt: true });
    expect(spec).toMatchObject({ reputationPolicy: 'strict', sendingStatus: 'disabled', removalPolicy: 'destroy', adopt: true, tags: { b: '1', a: '2' } });
    expect(spec.tags).not.toBe(tags);
    expect(spec.resources).not.toBe(resources);
  });
});

describe('compareStrings: UTF-16 code units, as SES and Terraform sort names', () => {
  test('upper case before lower case, and no locale', () => {
    expect(['b', 'B', 'a', '_', 'A', 'é'].sort(compareStrings)).toEqual(['A', 'B', '_', 'a', 'b', 'é']);
    expect(compareStrings('x', 'x')).toBe(0);
  });
});
