import * as fs from 'fs';
import * as path from 'path';
import { MANAGED_BY_TAG } from '../../../src/tenant-spec';
import { APP_ACCOUNT, APP_REGION, appArn, identityOf, readLiveTenants, seedGeneratedResources } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// Values Terraform does not know at validate (for_each keys: it validates before expanding) or at
// plan (computed attributes of other resources): accepted then, checked once known, with the real
// terraform against the emulator.

const TENANTS = 50;
const names = Array.from({ length: TENANTS }, (_, i) => `cust-${String(i).padStart(2, '0')}`);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describeWithTerraform('unknown values under the real terraform', () => {
  let work: ProviderWorkdir;
  let initialized = false;
  const write = (body: string): void => {
    fs.writeFileSync(
      path.join(work.dir, 'main.tf'),
      [
        'terraform {\n  required_providers {\n    sestenants = { source = "cdktf-ses-tenants/sestenants", version = "0.1.0" }\n  }\n}',
        `provider "sestenants" {\n  region = "${APP_REGION}"\n  account_id = "${APP_ACCOUNT}"\n  owner = "unknowns-app"\n  stack = "main"\n  endpoints {\n    sesv2 = "${work.emu.url}"\n  }\n}`,
        // Known only after apply: its id, and anything computed from it.
        'resource "terraform_data" "build" {\n  input = "v1"\n}\noutput "build" {\n  value = terraform_data.build.id\n}',
        'locals {\n  late = terraform_data.build.id == "" ? "never" : "known at apply"\n}',
        body,
      ].join('\n'),
    );
    if (!initialized) work.tf(['init']);
    initialized = true;
  };

  beforeAll(async () => {
    work = await providerWorkdir('unknown-values');
    await seedGeneratedResources(work.client, names);
  }, 120_000);
  afterAll(() => work?.close());

  test(`for_each over ${TENANTS} tenants with tags = { customer = each.key }, and every attribute from another resource's computed value: validate, plan and apply`, async () => {
    const tenants = Object.fromEntries(names.map((n, i) => [n, { policy: i % 2 ? 'strict' : 'standard', reasons: i % 3 ? ['BOUNCE'] : ['BOUNCE', 'COMPLAINT'] }]));
    write(
      [
        `locals {\n  tenants = ${JSON.stringify(tenants)}\n}`,
        'resource "sestenants_tenant" "fleet" {',
        '  for_each = local.tenants',
        '  name = each.key',
        `  resource_associations = ["arn:aws:ses:${APP_REGION}:${APP_ACCOUNT}:identity/\${each.key}.example.com"]`,
        '  reputation_policy = each.value.policy',
        '  tags = { customer = each.key, build = terraform_data.build.id }',
        '  suppression {\n    scope = "TENANT"\n    reasons = each.value.reasons\n  }',
        '}',
        // Every attribute unknown at plan: name, set element, enum, bool, map, block attribute.
        'resource "sestenants_tenant" "late" {',
        '  name = "late-${substr(terraform_data.build.id, 0, 8)}"',
        `  resource_associations = [local.late == "never" ? "" : "${appArn('configuration-set/shared')}"]`,
        '  reputation_policy = local.late == "never" ? "none" : "strict"',
        '  sending_status = local.late == "never" ? "enabled" : "disabled"',
        '  removal_policy = local.late == "never" ? "destroy" : "retain"',
        '  adopt = local.late == "never"',
        '  tags = local.late == "never" ? {} : { stage = local.late }',
        '  suppression {\n    scope = local.late == "never" ? "ACCOUNT" : "TENANT"\n    reasons = [local.late == "never" ? "BOUNCE" : "COMPLAINT"]\n  }',
        '}',
      ].join('\n'),
    );

    const validate = work.tf(['validate'], true);
    expect({ code: validate.code, out: validate.stdout + validate.stderr }).toEqual({ code: 0, out: expect.stringContaining('The configuration is valid') });
    const plan = work.tf(['plan'], true);
    expect({ code: plan.code, err: plan.stderr }).toEqual({ code: 0, err: '' });
    expect(plan.stdout).toContain(`Plan: ${TENANTS + 2} to add, 0 to change, 0 to destroy.`);
    expect(plan.stdout).toContain('"customer" = "cust-07"');
    const apply = work.tf(['apply', '-auto-approve'], true);
    expect({ code: apply.code, err: apply.stderr }).toEqual({ code: 0, err: '' });

    const buildId = work.tf(['output', '-raw', 'build']).stdout.trim();
    expect(buildId).toMatch(/^[0-9a-f-]{36}$/);
    const live = await readLiveTenants(work.client);
    for (const [i, n] of names.entries()) {
      expect({ n, tags: live[n]?.tags, policy: live[n]?.reputationPolicy, arns: live[n]?.resources.map((r) => r.arn), reasons: live[n]?.suppression?.reasons }).toEqual({
        n,
        tags: expect.objectContaining({ customer: n, build: buildId, [MANAGED_BY_TAG]: 'unknowns-app/main' }),
        policy: i % 2 ? 'strict' : 'standard',
        arns: [appArn(`identity/${identityOf(n)}`)],
        reasons: i % 3 ? ['BOUNCE'] : ['BOUNCE', 'COMPLAINT'],
      });
    }
    const late = live[`late-${buildId.slice(0, 8)}`];
    expect({
      tags: late?.tags,
      policy: late?.reputationPolicy,
      status: late?.customerStatus,
      arns: late?.resources.map((r) => r.arn),
      suppression: late?.suppression,
    }).toEqual({
      tags: expect.objectContaining({ stage: 'known at apply', [MANAGED_BY_TAG]: 'unknowns-app/main' }),
      policy: 'strict',
      status: 'DISABLED',
      arns: [appArn('configuration-set/shared')],
      suppression: { scope: 'TENANT', reasons: ['COMPLAINT'] },
    });

    const again = work.tf(['plan', '-detailed-exitcode'], true);
    expect({ code: again.code, out: again.stdout.includes('No changes.') }).toEqual({ code: 0, out: true });
  }, 300_000);

  test('a bad value known only at plan (from each.key) passes validate and fails the plan, naming the instance and the rule', () => {
    write(
      [
        'resource "sestenants_tenant" "bad" {',
        '  for_each = toset(["ok-one", "long-one"])',
        '  name = each.key',
        '  tags = { note = each.key == "long-one" ? join("", [for i in range(300) : "x"]) : "fine" }',
        '}',
      ].join('\n'),
    );
    expect(work.tf(['validate']).stdout).toContain('The configuration is valid');
    const plan = work.tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toContain('Error: Invalid tags with sestenants_tenant.bad["long-one"]');
    expect(oneLine(plan.stderr)).toContain('"note": tag values must have at most 256 characters');
    expect(plan.stderr).not.toContain('received');
  });

  test('a bad value known only at apply (from a computed attribute) is refused before any write for that tenant', async () => {
    write(
      [
        'resource "sestenants_tenant" "bad_late" {',
        '  name = "bad-late"',
        '  tags = { note = join("", [for i in range(10) : terraform_data.build.id]) }',
        '}',
      ].join('\n'),
    );
    await work.emu.admin.resetStats();
    const apply = work.tf(['apply', '-auto-approve'], true);
    expect(apply.code).toBe(1);
    expect(oneLine(apply.stderr)).toContain('"note": tag values must have at most 256 characters');
    expect((await work.emu.admin.stats()).operations.CreateTenant).toBeUndefined();
    expect((await readLiveTenants(work.client))['bad-late']).toBeUndefined();
  }, 120_000);
});
