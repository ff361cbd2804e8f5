import { formatViolation, validateTenantSpec } from '../../src/tenant-spec';
import type { TenantSpec } from '../../src/tenant-spec';

const valid: TenantSpec = {
  name: 'acme',
  resources: [
    { type: 'configuration-set', name: 'shared', arn: 'arn:aws:ses:eu-central-1:123456789012:configuration-set/shared' },
    { type: 'identity', name: 'acme.example', arn: 'arn:aws:ses:eu-central-1:123456789012:identity/acme.example' },
  ],
  reputationPolicy: 'standard',
  sendingStatus: 'enabled',
  tags: { team: 'mail' },
  suppression: null,
};

function messages(spec: unknown): string[] {
  return validateTenantSpec(spec, 'App/Stack/Acme').map(formatViolation);
}

test('a valid spec has no violations', () => {
  expect(validateTenantSpec(valid)).toEqual([]);
});

test.each([
  ['a'.repeat(64), true],
  ['a'.repeat(65), false],
  ['', false],
  ['with space', false],
  ['../etc', false],
  ['tenant$(id)', false],
  ['ünïcode', false],
  ['A-z_09', true],
])('tenant name %j valid=%s', (name, ok) => {
  const out = messages({ ...valid, name });
  if (ok) expect(out).toEqual([]);
  else expect(out).toEqual([`App/Stack/Acme: tenant "${name}": name: must be 1-64 characters of A-Z, a-z, 0-9, "-" and "_" (got ${JSON.stringify(name)})`]);
});

test.each([
  [{ ['k'.repeat(128)]: 'v' }, undefined],
  [{ ['k'.repeat(129)]: 'v' }, 'tag keys must have at most 128 characters'],
  [{ k: 'v'.repeat(256) }, undefined],
  [{ k: 'v'.repeat(257) }, 'tag values must have at most 256 characters'],
  // SES counts characters (code points), not UTF-16 units: an emoji is one character, two units.
  [{ k: '😀'.repeat(200) }, undefined],
  [{ k: '😀'.repeat(256) }, undefined],
  [{ k: '😀'.repeat(257) }, 'tag values must have at most 256 characters'],
  [{ ['🔑'.repeat(128)]: 'v' }, undefined],
  [{ ['🔑'.repeat(129)]: 'v' }, 'tag keys must have at most 128 characters'],
  [{ '': 'v' }, 'tag keys must have at least 1 character'],
  [{ 'aws:team': 'v' }, 'tag keys must not start with "aws:" (reserved by AWS)'],
  [{ 'AWS:team': 'v' }, 'tag keys must not start with "aws:" (reserved by AWS)'],
  [{ 'ses-tenants:managed-by': 'x' }, 'tag keys must not start with "ses-tenants:" (reserved by cdktf-ses-tenants)'],
])('tags %#', (tags, rule) => {
  const out = messages({ ...valid, tags });
  if (rule === undefined) expect(out).toEqual([]);
  else {
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`tenant "acme": tags[`);
    expect(out[0]).toContain(rule);
  }
});

test.each([
  [47, true],
  [48, false],
])('%i user tags valid=%s (50 per tenant, 3 reserved)', (count, ok) => {
  const tags = Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));
  const out = messages({ ...valid, tags });
  if (ok) expect(out).toEqual([]);
  else expect(out[0]).toContain('tenant "acme": tags: at most 47 tags (SES allows 50 per tenant; cdktf-ses-tenants reserves 3)');
});

test('hostile tag values are data, not rejected', () => {
  expect(messages({ ...valid, tags: { note: '"; touch pwned #', cmd: '$(id) `id`\nnext' } })).toEqual([]);
});

test('unknown policy and status name the field and the allowed values', () => {
  expect(messages({ ...valid, reputationPolicy: 'loose', sendingStatus: 'paused' })).toEqual([
    'App/Stack/Acme: tenant "acme": reputationPolicy: must be one of "standard", "strict", "none" (got "loose")',
    'App/Stack/Acme: tenant "acme": sendingStatus: must be one of "enabled", "disabled" (got "paused")',
  ]);
});

test('suppression: known scope, known and unique reasons', () => {
  expect(messages({ ...valid, suppression: { scope: 'TENANT', reasons: [] } })).toEqual([]);
  expect(messages({ ...valid, suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'BOUNCE'] } })).toEqual([
    'App/Stack/Acme: tenant "acme": suppression.reasons: each suppressed reason may appear only once',
  ]);
  expect(messages({ ...valid, suppression: { scope: 'GLOBAL', reasons: ['SPAM'] } })).toEqual([
    'App/Stack/Acme: tenant "acme": suppression.scope: must be one of "ACCOUNT", "TENANT" (got "GLOBAL")',
    'App/Stack/Acme: tenant "acme": suppression.reasons[0]: must be one of "BOUNCE", "COMPLAINT" (got "SPAM")',
  ]);
});

test('all violations are reported at once', () => {
  expect(messages({ ...valid, name: '', reputationPolicy: 'x', tags: { 'aws:a': '1' } })).toHaveLength(3);
});
