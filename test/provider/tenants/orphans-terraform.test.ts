import * as fs from 'fs';
import * as path from 'path';
import { MANAGED_BY_TAG, RELEASED_BY_TAG } from '../../../src/tenant-spec';
import { APP_ACCOUNT, APP_REGION, readLiveTenants } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// The orphans data source as docs/provider-reference.md writes it in plain HCL, under the real terraform: silent
// while the state holds every tenant (a removal is the plan's own release, not an orphan), a
// warning naming each orphan once the state is lost, silent again after the plain-HCL repair.

const MARKER = 'orphans-app/main';
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describeWithTerraform('sestenants_orphaned_tenants in plain HCL', () => {
  let work: ProviderWorkdir;
  let initialized = false;
  const write = (names: readonly string[], extra = ''): void => {
    fs.writeFileSync(
      path.join(work.dir, 'main.tf'),
      [
        'terraform {\n  required_providers {\n    sestenants = { source = "cdktf-ses-tenants/sestenants", version = "0.1.0" }\n  }\n}',
        `provider "sestenants" {\n  region = "${APP_REGION}"\n  account_id = "${APP_ACCOUNT}"\n  owner = "orphans-app"\n  stack = "main"\n  endpoints {\n    sesv2 = "${work.emu.url}"\n  }\n}`,
        `locals {\n  tenants = ${JSON.stringify(Object.fromEntries(names.map((n) => [n, { team: 'mail' }])))}\n}`,
        'resource "sestenants_tenant" "all" {\n  for_each = local.tenants\n  name = each.key\n  tags = each.value\n}',
        'resource "terraform_data" "tenants_planned" {\n  count      = 0\n  depends_on = [sestenants_tenant.all]\n}',
        'data "sestenants_orphaned_tenants" "this" {\n  declared = length(terraform_data.tenants_planned) == 0 ? keys(local.tenants) : []\n}',
        'output "orphans" {\n  value = data.sestenants_orphaned_tenants.this.tenants[*].name\n}',
        extra,
      ].join('\n'),
    );
    if (!initialized) work.tf(['init']);
    initialized = true;
  };
  const stateFile = () => path.join(work.dir, 'terraform.tfstate');

  beforeAll(async () => {
    work = await providerWorkdir('orphans-hcl');
  });
  afterAll(() => work?.close());

  test('a removal planned with the state is no orphan; after the state is lost the plan names each orphan; the HCL repair clears it', async () => {
    write(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(work.tf(['apply', '-auto-approve']).stderr).toBe('');

    // With the state: removing a4 and a5 plans their release, and no orphan is reported (read after them).
    write(['a1', 'a2', 'a3']);
    for (let run = 0; run < 3; run++) {
      const plan = work.tf(['plan']);
      expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 2 to destroy.');
      expect(plan.stdout).not.toContain('not in the configuration');
      expect(plan.stdout).not.toContain('will be read during apply');
    }

    // The state is lost: a4 and a5 are still marked as ours, and nothing would release them.
    fs.writeFileSync(stateFile(), '');
    await work.emu.admin.resetStats();
    const lost = work.tf(['plan']);
    const out = oneLine(lost.stdout);
    expect(lost.code).toBe(0);
    expect(out).toContain(`Warning: 2 tenants marked ${MARKER} not in the configuration with data.sestenants_orphaned_tenants.this`);
    expect(out).toMatch(/this plan does not remove: a4 \(tn-[0-9a-f]+\), a5 \(tn-[0-9a-f]+\)\./);
    expect(out).toContain('declare it with an import block');
    expect(out).toContain('orphans = [ + "a4", + "a5", ]');
    // One read of the region's names: the creates' ownership check and the orphans' data source share
    // the provider process's one list (Terraform plans every instance and reads the data source in one
    // process); GetTenant for the two tenants not declared, and GetTenant for each declared name that
    // exists (planned as a create without a state, it is taken back).
    expect((await work.emu.admin.stats()).operations).toEqual({ ListTenants: 1, GetTenant: 5 });

    // The plain-HCL repair: import them into the configuration, apply (the state holds everything again)...
    write(['a1', 'a2', 'a3', 'a4', 'a5'], ['a4', 'a5'].map((n) => `import {\n  to = sestenants_tenant.all["${n}"]\n  id = "${n}"\n}`).join('\n'));
    const imported = work.tf(['apply', '-auto-approve']);
    expect({ code: imported.code, err: imported.stderr }).toEqual({ code: 0, err: '' });
    // ... then remove them and apply: they are released.
    write(['a1', 'a2', 'a3']);
    const released = work.tf(['apply', '-auto-approve']);
    expect({ code: released.code, err: released.stderr }).toEqual({ code: 0, err: '' });
    expect(released.stdout).not.toContain('not in the configuration');

    const again = work.tf(['plan', '-detailed-exitcode']);
    expect({ code: again.code, noChanges: again.stdout.includes('No changes.'), warning: again.stdout.includes('Warning') }).toEqual({ code: 0, noChanges: true, warning: false });
    const live = await readLiveTenants(work.client);
    for (const n of ['a1', 'a2', 'a3']) expect({ n, by: live[n].tags[MANAGED_BY_TAG] }).toEqual({ n, by: MARKER });
    for (const n of ['a4', 'a5']) expect({ n, by: live[n].tags[MANAGED_BY_TAG], released: live[n].tags[RELEASED_BY_TAG] }).toEqual({ n, by: undefined, released: MARKER });
  }, 180_000);
});
