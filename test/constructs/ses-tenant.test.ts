import { Token } from 'cdktf';
import { EmailIdentity, SesTenant } from '../../src';
import type { SesTenantProps } from '../../src';
import { SpecValidationError } from '../../src/tenant-spec';
import { newStack, sendingProps, synthJson } from './support';

/** Declares one tenant in a fresh stack and synthesizes it: the stack reports every violation of every tenant then. */
function declare(extra: Partial<SesTenantProps>, name = 'acme'): () => SesTenant {
  return () => {
    const stack = newStack();
    const tenant = new SesTenant(stack, 'Acme', sendingProps(name, extra));
    synthJson(stack);
    return tenant;
  };
}

function violationOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SpecValidationError);
    return (err as SpecValidationError).message;
  }
  throw new Error('expected a SpecValidationError');
}

test('defaults: standard policy, enabled, no tags, no suppression setting', () => {
  const stack = newStack();
  const tenant = new SesTenant(stack, 'Acme', sendingProps('acme'));
  expect(tenant.tenantName).toBe('acme');
  expect(tenant.spec).toMatchObject({ reputationPolicy: 'standard', sendingStatus: 'enabled', tags: {}, suppression: null });
  expect(synthJson(stack).locals.ses_tenants.acme).toEqual(tenant.spec);
});

test.each([
  // The provider backend's terraform_data is the zero-instance block that orders the orphans read.
  ['provider', 'sestenants_tenant', 1, ['sestenants_tenant', 'terraform_data']],
  ['hooks', 'terraform_data', 3, ['terraform_data']],
] as const)('a tenant creates no Terraform resource of its own (backend %s: the stack\'s %s blocks stay %i)', (backend, type, blocks, types) => {
  const stack = newStack({ backend });
  new SesTenant(stack, 'Acme', sendingProps('acme'));
  new SesTenant(stack, 'Beta', sendingProps('beta'));
  const json = synthJson(stack);
  expect(Object.keys(json.resource)).toEqual(types);
  expect(Object.keys(json.resource[type])).toHaveLength(blocks);
});

test('addTenant declares a tenant without a construct', () => {
  const stack = newStack();
  const declared = stack.addTenant(sendingProps('acme'));
  expect(declared.path).toBe('test/acme');
  expect(stack.node.children.filter((c) => c instanceof SesTenant)).toHaveLength(0);
  expect(Object.keys(synthJson(stack).locals.ses_tenants)).toEqual(['acme']);
});

describe('the constructor validates the tenant and names the construct path, tenant, field and rule', () => {
  test.each([
    ['a name of 64 characters', { }, 'a'.repeat(64), undefined],
    ['a name of 65 characters', { }, 'a'.repeat(65), 'test/Acme: tenant "' + 'a'.repeat(65) + '": name: must be 1-64 characters of A-Z, a-z, 0-9, "-" and "_"'],
    ['a name with a space', { }, 'ac me', 'tenant "ac me": name: must be 1-64 characters'],
    ['an empty name', { }, '', 'tenant "": name: must be 1-64 characters'],
  ] as const)('%s', (_label, extra, name, message) => {
    const fn = declare(extra, name);
    if (message === undefined) expect(fn).not.toThrow();
    else expect(violationOf(fn)).toContain(message);
  });

  const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
  test.each([
    ['47 user tags', tags(47), undefined],
    ['48 user tags', tags(48), 'tags: at most 47 tags (SES allows 50 per tenant; cdktf-ses-tenants reserves 3)'],
    ['a tag value of 200 emoji (SES counts characters, not UTF-16 units)', { team: '😀'.repeat(200) }, undefined],
    ['a tag value of 257 emoji', { team: '😀'.repeat(257) }, 'tags["team"]: tag values must have at most 256 characters'],
    ['a tag key of 128 characters', { ['k'.repeat(128)]: 'v' }, undefined],
    ['a tag key of 129 characters', { ['k'.repeat(129)]: 'v' }, `tags["${'k'.repeat(129)}"]: tag keys must have at most 128 characters`],
    ['a tag value of 256 characters', { team: 'v'.repeat(256) }, undefined],
    ['a tag value of 257 characters', { team: 'v'.repeat(257) }, 'tags["team"]: tag values must have at most 256 characters'],
    ['an empty tag key', { '': 'v' }, 'tag keys must have at least 1 character'],
    ['an aws: tag key', { 'aws:createdBy': 'me' }, 'tag keys must not start with "aws:" (reserved by AWS)'],
    ['an AWS: tag key in capitals', { 'AWS:x': 'me' }, 'tag keys must not start with "aws:" (reserved by AWS)'],
    ['the reserved managed-by tag', { 'ses-tenants:managed-by': 'me' }, 'tag keys must not start with "ses-tenants:" (reserved by cdktf-ses-tenants)'],
    ['the reserved spec-hash tag', { 'ses-tenants:spec-hash': 'x' }, 'tag keys must not start with "ses-tenants:"'],
  ])('%s', (_label, t, message) => {
    const fn = declare({ tags: t });
    if (message === undefined) expect(fn).not.toThrow();
    else expect(violationOf(fn)).toMatch(new RegExp(`test/Acme: tenant "acme": .*${escape(message)}`));
  });

  test.each([
    ['an unknown reputation policy', { reputationPolicy: 'lenient' }, 'reputationPolicy: must be one of "standard", "strict", "none" (got "lenient")'],
    ['an unknown sending status', { sendingStatus: 'paused' }, 'sendingStatus: must be one of "enabled", "disabled" (got "paused")'],
    ['an unknown suppression scope', { suppression: { scope: 'GLOBAL', reasons: [] } }, 'suppression.scope: must be one of "ACCOUNT", "TENANT"'],
    ['a duplicate suppression reason', { suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'BOUNCE'] } }, 'suppression.reasons: each suppressed reason may appear only once'],
    ['an unknown suppression reason', { suppression: { scope: 'TENANT', reasons: ['SPAM'] } }, 'suppression.reasons[0]: must be one of "BOUNCE", "COMPLAINT"'],
  ])('%s', (_label, extra, message) => {
    expect(violationOf(declare(extra as Partial<SesTenantProps>))).toContain(`test/Acme: tenant "acme": ${message}`);
  });

  test('every problem of a tenant is reported at once', () => {
    const message = violationOf(declare({ reputationPolicy: 'lenient' as never, tags: { 'aws:x': 'v' } }, 'bad name'));
    expect(message).toContain('Invalid SES tenants in stack test: 3 problems');
    expect(message).toContain('name: must be 1-64 characters');
    expect(message).toContain('reputationPolicy: must be one of');
    expect(message).toContain('tag keys must not start with "aws:"');
  });

  test('every problem of every tenant of a stack is reported at once: two invalid names, both named', () => {
    const stack = newStack();
    new SesTenant(stack, 'One', sendingProps('bad name'));
    new SesTenant(stack, 'Two', sendingProps('worse/name'));
    const message = violationOf(() => synthJson(stack));
    expect(message).toContain('2 problems');
    expect(message).toContain('test/One: tenant "bad name": name: must be 1-64 characters');
    expect(message).toContain('test/Two: tenant "worse/name": name: must be 1-64 characters');
  });

  test('removal policy: the stack default applies unless the tenant sets its own; adopt defaults to false', () => {
    const stack = newStack({ removalPolicy: 'destroy' });
    new SesTenant(stack, 'A', sendingProps('a'));
    new SesTenant(stack, 'B', sendingProps('b', { removalPolicy: 'retain', adopt: true }));
    const tenants = synthJson(stack).locals.ses_tenants;
    expect([tenants.a.removalPolicy, tenants.a.adopt, tenants.b.removalPolicy, tenants.b.adopt]).toEqual(['destroy', false, 'retain', true]);
    expect(synthJson(newStack()).locals.ses_tenants_stack).toMatchObject({ formatVersion: 2, owner: 'test-app', stack: 'test' });
  });

  test('a token is refused where the value must be known at synth', () => {
    const message = violationOf(declare({ tags: { team: Token.asString({ resolve: () => 'x' }) } }));
    expect(message).toContain('test/Acme: tenant "acme": tags["team"]: must be a literal value known at synth, not a token');
  });

  test('a resource of the wrong kind is refused with the prop that holds it', () => {
    const message = violationOf(declare({ configurationSets: [EmailIdentity.fromEmailIdentityName('x.example') as never] }));
    expect(message).toContain('test/Acme: tenant "acme": configurationSets[0]: expected a reference of type "configuration-set", got a reference of type "identity"');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
