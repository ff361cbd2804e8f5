import { computePlan } from '../../src/engine';
import { codeSpan, GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/render';
import { desired, liveOf, region, spec } from '../engine/fixtures';
import { samplePlan } from './sample-plan';

test('summary table first, alerts, then collapsed details per stack', () => {
  expect(renderMarkdown(samplePlan())).toMatchInlineSnapshot(`
"## SES tenants plan

**Plan:** 1 to create, 3 to update (1 drift), 1 to DELETE, 0 unchanged, 2 unmanaged.

| Stack | Region | Account | Create | Update | Delete | Unchanged | Unmanaged |
|---|---|---|---:|---:|---:|---:|---:|
| \`eu-tenants\` | eu-central-1 | 123456789012 | 1 | 3 (1 drift) | **1** 🛑 | 0 | 2 |
| **Total** |  |  | 1 | 3 (1 drift) | **1** 🛑 | 0 | 2 |

> [!CAUTION]
> **1 tenant(s) will be DELETED**: \`gamma\` (eu-tenants).
> A deleted tenant loses its TenantId and reputation history; a rename is a delete and a create. Apply refuses deletes unless they are explicitly allowed.

> [!WARNING]
> **1 tenant(s) drifted**: they differ from the spec last applied (changed outside the code). Applying restores the spec.

<details><summary>eu-tenants · eu-central-1 · 123456789012: 1 create, 3 update, 1 delete, 0 unchanged</summary>

- 🛑 **DELETE \`gamma\`** (\`tn-67616d6d6100\`): no longer declared in stack eu-tenants (renamed or removed?). **deleting loses TenantId tn-67616d6d6100 and its reputation history; a re-created tenant starts over.**
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
- ✏️ **update** \`delta\` (\`tn-64656c746100\`) — ⚠️ drift (changed outside the code)
  - \`~\` reputation policy none → standard
- ✏️ **update** \`epsilon\` (\`tn-657073696c6f\`)
  - \`!\` adopt: the tenant exists without the managed-by marker; this stack takes it over

2 unmanaged tenant(s), never changed: \`foreign\` (marked by \`other-app\`), \`legacy\`.

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
  const gone = Array.from({ length: 30 }, (_, i) => liveOf('big', spec(`gone-${i}`)));
  const plan = computePlan([desired('big', specs), desired('small', [spec('x')], 'us-east-1')], [region(gone), region([], 'us-east-1')]);
  const md = renderMarkdown(plan);
  expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  expect(md).toMatch(/^## SES tenants plan\n\n\*\*Plan:\*\* 10001 to create, 0 to update, 30 to DELETE/);
  expect(md).toContain('30 tenant(s) will be DELETED');
  expect(md).toContain('DELETE `gone-29`');
  expect(md).toMatch(/_\d+ tenant change\(s\) not shown to keep this comment under 65536 characters/);
  expect(md).toMatch(/\*\*\d+ tenant change\(s\) in total were left out of this comment for its size\.\*\*/);
  expect(md).toContain('small · us-east-1');
});
