import { UntagResourceCommand } from '@aws-sdk/client-sesv2';
import { appArn, readLiveTenants, seedGeneratedResources, tenantName } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// Refresh in bulk: one provider process lists the region's reputation entities once, then reads
// each tenant with GetTenant + ListTenantResources.

const N = 30;
const names = Array.from({ length: N }, (_, i) => tenantName(i));

describeWithTerraform('a no-op terraform plan of many tenants costs the engine\'s no-op floor', () => {
  let w: ProviderWorkdir;

  beforeAll(async () => {
    w = await providerWorkdir('sestenants-bulk');
    await seedGeneratedResources(w.client, names);
    w.write(
      'resource "sestenants_tenant" "t" {\n  for_each = toset(' + JSON.stringify(names) + ')\n  name = each.key\n' +
        '  resource_associations = [\n    "' + appArn('identity/') + '${each.key}.example.com",\n    "' + appArn('configuration-set/shared') + '",\n  ]\n' +
        '  tags = { team = "mail" }\n}\n',
    );
    w.tf(['init']);
    w.tf(['apply', '-auto-approve']);
  });
  afterAll(() => w.close());

  test(`a no-op plan of ${N} tenants makes at most one entity page + 2 calls per tenant, and no write`, async () => {
    await w.emu.admin.resetStats();
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
    const stats = await w.emu.admin.stats();
    const pages = Math.ceil(N / 100);
    expect(stats.operations).toEqual({ ListReputationEntities: pages, GetTenant: N, ListTenantResources: N });
    expect(stats.total).toBeLessThanOrEqual(pages + 2 * N);
  });

  test('the next plan still sees an out-of-band change made between two plans', async () => {
    const live = (await readLiveTenants(w.client))[names[7]];
    await w.client.send(new UntagResourceCommand({ ResourceArn: live.arn, TagKeys: ['team'] }));
    const plan = w.tf(['plan', '-detailed-exitcode'], true);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`sestenants_tenant.t["${names[7]}"] will be updated in-place`);
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  });
});
