import { tenantSpecSchema, validateTenantSpec } from '../../../src/tenant-spec';
import { attributeFromZod, ctyTypeOfZod, knownPart, zodDescription, zodProblems } from '../../../src/provider/tenants/zod-attribute';
import { UNKNOWN } from '../../../src/provider/protocol/value';
import { TENANT_SCHEMA } from '../../../src/provider/tenants/tenant-schema';

const spec = tenantSpecSchema.shape;

describe('zod → Terraform attribute: the provider schema comes from the tenant spec', () => {
  test.each([
    ['name', spec.name, 'string'],
    ['reputationPolicy', spec.reputationPolicy, 'string'],
    ['tags', spec.tags, ['map', 'string']],
    ['suppression', spec.suppression, ['object', { scope: 'string', reasons: ['set', 'string'] }]],
    ['resources', spec.resources, ['set', ['object', { type: 'string', name: 'string', arn: 'string' }]]],
  ])('%s has the Terraform type of its zod type', (_field, schema, type) => {
    expect(ctyTypeOfZod(schema)).toEqual(type);
  });

  test('descriptions carry the spec text, the allowed values and the limits', () => {
    expect(zodDescription(spec.reputationPolicy)).toBe('AWS-managed reputation policy. One of "standard", "strict", "none".');
    // Key and value maxima count characters (code points), refinements the generator cannot read: the key's and value's own descriptions say them.
    expect(zodDescription(spec.tags)).toBe('User tags, sorted by key. Keys: 1-128 characters, not starting with "aws:" or "ses-tenants:". Values: 0-256 characters.');
    expect(TENANT_SCHEMA.attributes.reputation_policy.description).toContain('Default: "standard".');
  });

  test('validation gives the messages synth gives for the same values', () => {
    const bad = { name: 'bad name', resources: [], reputationPolicy: 'standard', sendingStatus: 'enabled', tags: { 'aws:x': 'y' }, suppression: null };
    const synth = validateTenantSpec(bad).map((v) => v.rule);
    expect(zodProblems(spec.name, 'bad name')).toEqual(['must be 1-64 characters of A-Z, a-z, 0-9, "-" and "_"']);
    expect(synth).toContain(zodProblems(spec.name, 'bad name')[0]);
    expect(zodProblems(spec.tags, { 'aws:x': 'y' }).join()).toContain('tag keys must not start with "aws:" (reserved by AWS)');
    expect(attributeFromZod(spec.sendingStatus, { optional: true }).validate!('paused')[0]).toContain('"enabled"');
    expect(zodProblems(spec.sendingStatus, 'enabled')).toEqual([]);
  });
});

describe('unknown values (for_each keys, computed attributes of other resources) at validate', () => {
  const U = UNKNOWN;
  test.each([
    ['a tag value', spec.tags, { customer: U }],
    ['a whole map', spec.tags, U],
    ['a set element', spec.suppression.unwrap().shape.reasons, [U, 'BOUNCE']],
    ['a string', spec.name, U],
    ['an enum', spec.reputationPolicy, U],
    ['a bool', spec.adopt, U],
  ])('%s unknown is no problem (no "expected string, received t")', (_what, schema, value) => {
    expect(zodProblems(schema as never, value as never)).toEqual([]);
  });

  test('the known part is still checked: a known bad value next to an unknown one', () => {
    expect(zodProblems(spec.tags, { customer: U, 'aws:x': 'y' })).toEqual(['"aws:x": tag keys must not start with "aws:" (reserved by AWS)']);
    expect(zodProblems(spec.suppression.unwrap().shape.reasons, [U, 'NOPE'])).toEqual(['"0": must be one of "BOUNCE", "COMPLAINT"']);
  });

  test('knownPart leaves out unknowns at any depth', () => {
    expect(knownPart({ a: U, b: ['x', U], c: { d: U, e: 1 } })).toEqual({ b: ['x'], c: { e: 1 } });
    expect(knownPart(U)).toBeUndefined();
  });
});
