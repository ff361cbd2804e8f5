import { DeleteTenantResourceAssociationCommand } from '@aws-sdk/client-sesv2';
import { appArn, readLiveTenants, seedGeneratedResources } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// sestenants_tenant_resource_association: resources attached to a tenant that leaves its
// associations alone (resource_associations null), under the real terraform.

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const IDENTITY = appArn('identity/acme.example.com');
const CONFIG_SET = appArn('configuration-set/shared');
const TEMPLATE = appArn('template/welcome');

const tenant = (extra = '') => `resource "sestenants_tenant" "acme" {\n  name = "acme"\n  tags = { team = "mail" }\n${extra}}\n`;
const association = (key: string, arn: string) =>
  `resource "sestenants_tenant_resource_association" "${key}" {\n  tenant_name = sestenants_tenant.acme.name\n  resource_arn = "${arn}"\n}\n`;

describeWithTerraform('sestenants_tenant_resource_association under the real terraform', () => {
  let w: ProviderWorkdir;
  const arnsOf = async () => ((await readLiveTenants(w.client)).acme?.resources ?? []).map((r) => r.arn).sort();

  beforeAll(async () => {
    w = await providerWorkdir('sestenants-association');
    await seedGeneratedResources(w.client, ['acme']);
  });
  afterAll(() => w.close());

  test('apply attaches each association to a tenant that leaves resource_associations out', async () => {
    w.write(tenant() + association('identity', IDENTITY) + association('config_set', CONFIG_SET));
    w.tf(['init']);
    const apply = w.tf(['apply', '-auto-approve']);
    expect(apply.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(await arnsOf()).toEqual([CONFIG_SET, IDENTITY].sort());
    const show = w.tf(['state', 'show', 'sestenants_tenant_resource_association.identity']).stdout;
    expect(show).toContain(`id           = "acme|${IDENTITY}"`);
    expect(w.tf(['state', 'show', 'sestenants_tenant.acme']).stdout).not.toContain('resource_associations');
  });

  test('a no-op plan reads the tenant\'s resources once for the tenant and both associations', async () => {
    await w.emu.admin.resetStats();
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
    expect((await w.emu.admin.stats()).operations).toEqual({ GetTenant: 1, ListTenantResources: 1, ListReputationEntities: 1 });
  });

  test('a change of the tenant leaves the associations it does not manage alone', async () => {
    w.write(tenant('  reputation_policy = "strict"\n') + association('identity', IDENTITY) + association('config_set', CONFIG_SET));
    w.tf(['apply', '-auto-approve']);
    expect(await arnsOf()).toEqual([CONFIG_SET, IDENTITY].sort());
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('an out-of-band disassociation shows in the plan and the next apply repairs it', async () => {
    await w.client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: IDENTITY }));
    const plan = w.tf(['plan', '-detailed-exitcode'], true);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('sestenants_tenant_resource_association.identity will be created');
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    w.tf(['apply', '-auto-approve']);
    expect(await arnsOf()).toEqual([CONFIG_SET, IDENTITY].sort());
  });

  test('terraform import by TENANT|ARN and an import block round-trip to no changes', async () => {
    w.tf(['state', 'rm', 'sestenants_tenant_resource_association.identity']);
    expect(w.tf(['import', 'sestenants_tenant_resource_association.identity', `acme|${IDENTITY}`]).stdout).toContain('Import successful!');
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
    w.tf(['state', 'rm', 'sestenants_tenant_resource_association.config_set']);
    const body = tenant('  reputation_policy = "strict"\n') + association('identity', IDENTITY) + association('config_set', CONFIG_SET);
    w.write(`${body}import {\n  to = sestenants_tenant_resource_association.config_set\n  id = "acme|${CONFIG_SET}"\n}\n`);
    expect(w.tf(['plan']).stdout).toContain('Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.');
    w.tf(['apply', '-auto-approve']);
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
    const bad = w.tf(['import', 'sestenants_tenant_resource_association.x', 'acme'], true);
    expect(bad.code).toBe(1);
  });

  test('an association resource on a tenant that lists its associations inline is an error at plan', async () => {
    w.write(tenant(`  reputation_policy = "strict"\n  resource_associations = ["${IDENTITY}"]\n`) + association('identity', IDENTITY) + association('config_set', CONFIG_SET));
    await w.emu.admin.resetStats();
    const plan = w.tf(['plan'], true);
    expect(plan.code).toBe(1);
    const text = oneLine(plan.stderr);
    expect(text).toContain('Error: Associations declared twice');
    expect(text).toContain('Tenant acme sets resource_associations (authoritative), and sestenants_tenant_resource_association declares');
    expect(Object.keys((await w.emu.admin.stats()).operations).filter((op) => !/^(Get|List)/.test(op))).toEqual([]);
  });

  test('removing an association resource disassociates only that resource and keeps the tenant', async () => {
    const id = (await readLiveTenants(w.client)).acme.id;
    w.write(tenant('  reputation_policy = "strict"\n') + association('identity', IDENTITY) + association('template', TEMPLATE));
    const apply = w.tf(['apply', '-auto-approve']);
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 1 destroyed.');
    expect(await arnsOf()).toEqual([IDENTITY, TEMPLATE].sort());
    expect((await readLiveTenants(w.client)).acme.id).toBe(id);
  });
});
