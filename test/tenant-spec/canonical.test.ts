import { canonicalTenantSpec, stableStringify, tenantSpecHash } from '../../src/tenant-spec';
import type { TenantSpec } from '../../src/tenant-spec';

const spec: TenantSpec = {
  name: 'acme',
  resources: [
    { type: 'identity', name: 'b.example', arn: 'arn:aws:ses:eu-central-1:123456789012:identity/b.example' },
    { type: 'configuration-set', name: 'cs', arn: 'arn:aws:ses:eu-central-1:123456789012:configuration-set/cs' },
    { type: 'identity', name: 'a.example', arn: 'arn:aws:ses:eu-central-1:123456789012:identity/a.example' },
  ],
  reputationPolicy: 'strict',
  sendingStatus: 'enabled',
  tags: { z: '1', a: '2' },
  suppression: { scope: 'TENANT', reasons: ['COMPLAINT', 'BOUNCE'] },
};

test('canonical form sorts resources, tags and reasons without mutating the input', () => {
  const before = JSON.stringify(spec);
  const c = canonicalTenantSpec(spec);
  expect(c.resources.map((r) => r.name)).toEqual(['cs', 'a.example', 'b.example']);
  expect(Object.keys(c.tags)).toEqual(['a', 'z']);
  expect(c.suppression?.reasons).toEqual(['BOUNCE', 'COMPLAINT']);
  expect(JSON.stringify(spec)).toBe(before);
});

test('the spec hash ignores order and changes with content', () => {
  const reordered = { ...spec, tags: { a: '2', z: '1' }, resources: [...spec.resources].reverse() };
  expect(tenantSpecHash(reordered)).toBe(tenantSpecHash(spec));
  expect(tenantSpecHash(spec)).toMatch(/^[0-9a-f]{16}$/);
  expect(tenantSpecHash({ ...spec, reputationPolicy: 'none' })).not.toBe(tenantSpecHash(spec));
});

test('stableStringify sorts keys at every level and drops undefined', () => {
  expect(stableStringify({ b: [{ d: 1, c: 2 }], a: undefined, e: null })).toBe('{"b":[{"c":2,"d":1}],"e":null}');
});
