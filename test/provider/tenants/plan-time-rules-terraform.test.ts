import * as fs from 'fs';
import * as path from 'path';
import { APP_ACCOUNT, APP_REGION, appArn, readLiveTenants } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// What synth refuses for a stack, the provider refuses before any write, with the attribute path:
// ARNs of another region, account or partition (at terraform validate when the provider block
// names them, at plan from the account STS answers) and more tenants than the quota (at plan:
// terraform validate sees a for_each block once, unexpanded).

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describeWithTerraform('plan-time rules of the provider under the real terraform', () => {
  let work: ProviderWorkdir;
  let initialized = false;
  const write = (provider: string, body: string): void => {
    fs.writeFileSync(
      path.join(work.dir, 'main.tf'),
      [
        'terraform {\n  required_providers {\n    sestenants = { source = "cdktf-ses-tenants/sestenants", version = "0.1.0" }\n  }\n}',
        `provider "sestenants" {\n  owner = "rules-app"\n  stack = "main"\n${provider}\n  endpoints {\n    sesv2 = "${work.emu.url}"\n  }\n}`,
        body,
      ].join('\n'),
    );
    if (!initialized) work.tf(['init']);
    initialized = true;
  };
  const writes = async () => {
    const ops = (await work.emu.admin.stats()).operations;
    return ['CreateTenant', 'TagResource', 'CreateTenantResourceAssociation'].reduce((n, op) => n + (ops[op] ?? 0), 0);
  };

  beforeAll(async () => {
    work = await providerWorkdir('plan-time-rules');
  });
  afterAll(() => work?.close());

  test('ARNs of another region or account than the provider block names are errors at terraform validate, with the attribute', () => {
    write(
      `  region = "${APP_REGION}"\n  account_id = "${APP_ACCOUNT}"`,
      [
        'resource "sestenants_tenant" "acme" {',
        '  name = "acme"',
        `  resource_associations = ["${appArn('identity/acme.example.com', 'us-east-1')}", "${appArn('configuration-set/shared', APP_REGION, '210987654321')}"]`,
        '}',
        'resource "sestenants_tenant_resource_association" "extra" {',
        '  tenant_name = "acme"',
        `  resource_arn = "arn:aws-cn:ses:${APP_REGION}:${APP_ACCOUNT}:template/welcome"`,
        '}',
      ].join('\n'),
    );
    const validate = work.tf(['validate'], true);
    const err = oneLine(validate.stderr);
    expect(validate.code).toBe(1);
    expect(err).toContain(
      `Error: Invalid resource_associations with sestenants_tenant.acme, on main.tf line 17, in resource "sestenants_tenant" "acme": 17: resource_associations = `,
    );
    expect(err).toContain(`ARN "${appArn('identity/acme.example.com', 'us-east-1')}" is in region us-east-1, the provider is in ${APP_REGION}; a tenant can only use resources of its own region`);
    expect(err).toContain(`ARN "${appArn('configuration-set/shared', APP_REGION, '210987654321')}" is in account 210987654321, the provider is in ${APP_ACCOUNT}; a tenant can only use resources of its own account`);
    expect(err).toContain('Error: Invalid resource_arn with sestenants_tenant_resource_association.extra');
    expect(err).toContain('is in partition "aws-cn", the provider is in "aws"');
  });

  test('with no account in the provider block, an ARN of another account is an error at plan (the account STS answers), before any write', async () => {
    write(
      `  region = "${APP_REGION}"`,
      [
        'resource "sestenants_tenant" "fleet" {',
        '  for_each = toset(["acme", "globex"])',
        '  name = each.key',
        `  resource_associations = ["arn:aws:ses:${APP_REGION}:\${each.key == "acme" ? "210987654321" : "${APP_ACCOUNT}"}:identity/\${each.key}.example.com"]`,
        '}',
      ].join('\n'),
    );
    expect(work.tf(['validate']).stdout).toContain('The configuration is valid');
    await work.emu.admin.resetStats();
    const plan = work.tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toContain('Error: Invalid resource_associations with sestenants_tenant.fleet["acme"]');
    expect(oneLine(plan.stderr)).toContain(`is in account 210987654321, the provider is in ${APP_ACCOUNT}`);
    expect(plan.stderr).not.toContain('fleet["globex"]');
    expect(await writes()).toBe(0);
  });

  test('more tenants than tenant_quota is an error at plan naming the quota and the fix; nothing is created', async () => {
    write(
      `  region = "${APP_REGION}"\n  account_id = "${APP_ACCOUNT}"\n  tenant_quota = 3`,
      ['resource "sestenants_tenant" "fleet" {', '  for_each = toset(["t1", "t2", "t3", "t4"])', '  name = each.key', '}'].join('\n'),
    );
    expect(work.tf(['validate']).stdout).toContain('The configuration is valid');
    await work.emu.admin.resetStats();
    const plan = work.tf(['plan'], true);
    const err = oneLine(plan.stderr);
    expect(plan.code).toBe(1);
    expect(err).toMatch(/Error: Too many tenants with sestenants_tenant\.fleet\["t\d"\], on main\.tf line \d+, in resource "sestenants_tenant" "fleet": \d+: name = each\.key/);
    expect(err).toContain(
      `the configuration declares more than 3 tenants, the tenant quota of ${APP_REGION}/${APP_ACCOUNT}`,
    );
    expect(err).toContain('raise the quota through Service Quotas and set tenant_quota in the provider block, or split the tenants');
    expect(await writes()).toBe(0);

    write(
      `  region = "${APP_REGION}"\n  account_id = "${APP_ACCOUNT}"\n  tenant_quota = 4`,
      ['resource "sestenants_tenant" "fleet" {', '  for_each = toset(["t1", "t2", "t3", "t4"])', '  name = each.key', '}'].join('\n'),
    );
    const apply = work.tf(['apply', '-auto-approve'], true);
    expect({ code: apply.code, err: apply.stderr }).toEqual({ code: 0, err: '' });
    expect(Object.keys(await readLiveTenants(work.client)).sort()).toEqual(['t1', 't2', 't3', 't4']);
  });
});
