import { computePlan } from '../../src/engine';
import { codeSpan, GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/render';
import { desired, liveOf, marker, region, spec } from '../engine/fixtures';
import { MANAGED_BY_TAG, REMOVAL_POLICY_TAG } from '../../src/tenant-spec';
import { samplePlan } from './sample-plan';

test('summary table first, alerts, then collapsed details per stack', () => {
  expect(renderMarkdown(samplePlan())).toMatchInlineSnapshot(`
"## SES tenants plan

**Plan:** 1 to create, 4 to update (1 drift), 1 to release, 1 to DELETE, 0 unchanged, 4 unmanaged, 1 adopt REFUSED.

| Stack | Region | Account | Create | Update | Release | Delete | Unchanged | Unmanaged |
|---|---|---|---:|---:|---:|---:|---:|---:|
| \`eu-tenants\` | eu-central-1 | 123456789012 | 1 | 4 (1 drift) | 1 | **1** 🛑 | 0 | 4 |
| **Total** |  |  | 1 | 4 (1 drift) | 1 | **1** 🛑 | 0 | 4 |

> [!CAUTION]
> **1 tenant(s) will be DELETED**: \`gamma\` (eu-tenants).
> A deleted tenant loses its TenantId and reputation history; a rename is a delete and a create. Apply refuses deletes unless they are explicitly allowed.

> [!CAUTION]
> **1 adopt(s) REFUSED**: \`eta\` (managed by app another-repo stack eu-tenants: not taken over (set adopt: true on the tenant, or pass --adopt eta)). Apply refuses this plan.

> [!WARNING]
> **1 tenant(s) drifted**: they differ from the spec last applied (changed outside the code). Applying restores the spec.

<details><summary>eu-tenants · eu-central-1 · 123456789012: 1 create, 4 update, 1 release, 1 delete, 0 unchanged</summary>

- 🛑 **DELETE \`gamma\`** (\`tn-67616d6d6100\`): no longer declared in stack eu-tenants and its removal policy is destroy. **deleting loses TenantId tn-67616d6d6100 and its reputation history; a re-created tenant starts over.**
- ➕ **create** \`acme\`
  - \`+\` associate configuration-set \`acme-cs\`
  - \`+\` associate identity \`acme.example.com\`
  - \`~\` reputation policy standard → strict
  - \`+\` tag \`team\` = \`payments\`
- ✏️ **update** \`beta\` (\`tn-626574610000\`)
  - \`+\` associate template \`welcome\`
  - \`~\` sending status ENABLED → DISABLED
  - \`~\` suppression none → TENANT [BOUNCE, COMPLAINT]
  - \`-\` tag \`old\` (was \`x\`)
  - \`~\` tag \`team\`: \`a\` → \`\`b\`c\`\`
- ✏️ **update** \`delta\` (\`tn-64656c746100\`) — ⚠️ drift: changed outside the code since the last apply
  - \`~\` reputation policy none → standard
- ✏️ **update** \`epsilon\` (\`tn-657073696c6f\`) — ⚠️ adopt: taken over by this stack
  - \`!\` adopt from outside cdktf-ses-tenants (no marker): this stack takes it over and converges it to its code
- ✏️ **update** \`theta\` (\`tn-746865746100\`) — ⚠️ unfinished: an earlier apply was interrupted before its last step
  - \`~\` reputation policy standard → strict
- 📤 **release** \`zeta\` (\`tn-7a6574610000\`): no longer declared in stack eu-tenants; its removal policy is retain, so it is released (tenant, associations and TenantId kept).

2 released tenant(s), managed by no stack, never changed: \`iota\` (released by this stack test-app/eu-tenants; declaring it again takes it back), \`kappa\` (released by app another-repo stack mail; adopt: true on the tenant or --adopt kappa takes it).

2 unmanaged tenant(s), never changed: \`foreign\` (managed by app test-app stack other-app), \`legacy\`.

</details>

"
`);
});

test('code spans hold backticks and newlines', () => {
  expect(codeSpan('a`b')).toBe('``a`b``');
  expect(codeSpan('`x')).toBe('`` `x ``');
  expect(codeSpan('a\nb')).toBe('`a⏎b`');
});

test('10,000 changed tenants stay under the comment limit and say what was left out', () => {
  const specs = Array.from({ length: 10_000 }, (_, i) => spec(`tenant-${String(i).padStart(5, '0')}`, { tags: { team: 'a', env: 'prod' } }));
  const gone = Array.from({ length: 30 }, (_, i) => liveOf('big', spec(`gone-${i}`, { removalPolicy: 'destroy' }), { tags: { [MANAGED_BY_TAG]: marker('big'), [REMOVAL_POLICY_TAG]: 'destroy' } }));
  const plan = computePlan([desired('big', specs), desired('small', [spec('x')], 'us-east-1')], [region(gone), region([], 'us-east-1')]);
  const md = renderMarkdown(plan);
  expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(md).toMatch(/^## SES tenants plan\n\n\*\*Plan:\*\* 10001 to create, 0 to update, 0 to release, 30 to DELETE/);
  expect(md).toContain('30 tenant(s) will be DELETED');
  expect(md).toContain('DELETE `gone-29`');
  expect(md).toMatch(/_\d+ tenant change\(s\) not shown to keep this comment under 65536 characters/);
  expect(md).toMatch(/\*\*\d+ tenant change\(s\) in total were left out of this comment for its size\.\*\*/);
  expect(md).toContain('small · us-east-1');
});
