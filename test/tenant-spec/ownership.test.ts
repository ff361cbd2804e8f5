import { adoptFix, describeTags, MANAGED_BY_TAG, RELEASED_AT_TAG, RELEASED_BY_TAG, refusalMessage } from '../../src/tenant-spec';

const target = { owner: 'app-b', stack: 'main' };
const tenant = (tags: Record<string, string>) => ({ name: 'acme', id: 'tn-1', tags });

describe('describeTags: whose a tenant is, for messages', () => {
  test.each([
    [{ [MANAGED_BY_TAG]: 'app-a/prod' }, 'managed by app app-a stack prod'],
    [{}, 'created outside cdktf-ses-tenants'],
    [{ [RELEASED_BY_TAG]: 'app-a/prod' }, 'released by app app-a stack prod and managed by no one'],
    [{ [RELEASED_BY_TAG]: 'app-a/prod', [RELEASED_AT_TAG]: '2026-12-01T10:00:00Z' }, 'released by app app-a stack prod at 2026-12-01T10:00:00Z and managed by no one'],
  ])('%j → %s', (tags, said) => expect(describeTags(tags)).toBe(said));
});

describe('refusalMessage: the fix in the language of the door', () => {
  test.each([
    ['hcl', 'set adopt = true on its sestenants_tenant resource'],
    ['constructs', 'set adopt: true on its SesTenant (or in the addTenant props)'],
    ['cli', 'pass --adopt acme'],
  ] as const)('%s: %s', (door, fix) => {
    expect(adoptFix(door, 'acme')).toBe(fix);
    expect(refusalMessage(target, tenant({ [MANAGED_BY_TAG]: 'app-a/prod' }), door)).toBe(
      `tenant acme (tn-1) exists and is managed by app app-a stack prod; app-b/main does not take it over unless you ${fix}`,
    );
  });

  test('a tenant another app released names who and when, and never suggests removing it elsewhere', () => {
    const said = refusalMessage(target, tenant({ [RELEASED_BY_TAG]: 'app-a/prod', [RELEASED_AT_TAG]: '2026-12-01T10:00:00Z' }), 'hcl');
    expect(said).toBe('tenant acme (tn-1) exists and is released by app app-a stack prod at 2026-12-01T10:00:00Z and managed by no one; app-b/main does not take it over unless you set adopt = true on its sestenants_tenant resource');
  });
});
