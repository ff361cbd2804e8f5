import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { SES_DEFAULT_POLICY } from '../../../src/engine';
import type { CanonicalTenant } from '../../../src/tenant-spec/canonical';
import { SHARED_CONFIGURATION_SET, fleetDesired, fleetIdentity, initialApplyFloorCalls, pagesOf } from '../../bench/support/fleet';
import { createSendingResources } from '../../bench/support/emulator-process';
import { readLiveTenants } from '../../support/tenant-app';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';
import { TEST_MARKER } from '../install-provider';

// The provider's writes at the engine's SES call floor: an initial apply creates each tenant with
// CreateTenant and no read (no probe before, no read after: the state is computed from the plan
// and CreateTenant's answer), an update reads the tenant once and writes, and the computed state
// is what SES reads back (a refresh-only plan finds nothing to change).

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
// 50 tenants of the bench fleet: every policy, one disabled (the 50th), suppression on every 7th, 2 associations each.
const N = 50;
const fleet = fleetDesired(N);
const specs = Object.values(fleet.tenants);

function hcl(t: CanonicalTenant, over: { tags?: Record<string, string>; extra?: string } = {}): string {
  const tags = over.tags ?? t.tags;
  return [
    `resource "sestenants_tenant" ${JSON.stringify(t.name)} {`,
    `  name = ${JSON.stringify(t.name)}`,
    `  resource_associations = ${JSON.stringify(t.resources.map((r) => r.arn))}`,
    `  reputation_policy = ${JSON.stringify(t.reputationPolicy)}`,
    `  sending_status = ${JSON.stringify(t.sendingStatus)}`,
    `  tags = { ${Object.entries(tags).map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`).join(', ')} }`,
    t.suppression ? `  suppression {\n    scope = ${JSON.stringify(t.suppression.scope)}\n    reasons = ${JSON.stringify(t.suppression.reasons)}\n  }` : '',
    over.extra ?? '',
    '}',
  ]
    .filter(Boolean)
    .join('\n');
}

describeWithTerraform('the provider\'s SES calls against the engine\'s floor', () => {
  let w: ProviderWorkdir;
  // The configuration of the fleet as last applied.
  let base = specs.map((t) => hcl(t)).join('\n');

  beforeAll(async () => {
    w = await providerWorkdir('sestenants-calls');
    await createSendingResources(w.client, specs.map((_, i) => fleetIdentity(i)), [SHARED_CONFIGURATION_SET]);
    w.write(base);
    w.tf(['init']);
  });
  afterAll(() => w.close());

  test(`an initial apply of ${N} tenants × 2 associations makes the engine's writes and no read`, async () => {
    await w.emu.admin.resetStats();
    expect(w.tf(['apply', '-auto-approve']).stdout).toContain(`Apply complete! Resources: ${N} added, 0 changed, 0 destroyed.`);
    const stats = await w.emu.admin.stats();
    const policies = specs.filter((t) => t.reputationPolicy !== SES_DEFAULT_POLICY).length;
    const disabled = specs.filter((t) => t.sendingStatus === 'disabled').length;
    expect(disabled).toBe(1);
    expect(stats.operations).toEqual({
      CreateTenant: N,
      CreateTenantResourceAssociation: 2 * N,
      UpdateReputationEntityPolicy: policies,
      UpdateReputationEntityCustomerManagedStatus: disabled,
      TagResource: N,
      // The plan of a create learns whether its name is taken from one listing of names per
      // provider process (one page here), and Terraform plans again in the apply's process.
      ListTenants: 2 * pagesOf(N),
    });
    // The engine's floor counts the two list pages its plan reads (ListTenants, ListReputationEntities).
    expect(stats.total).toBe(initialApplyFloorCalls(fleet, SES_DEFAULT_POLICY) - 2 + 2 * pagesOf(N));
  });

  test('the computed state is what SES reads back: no changes, and a refresh-only plan finds nothing', async () => {
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
    const refresh = w.tf(['plan', '-refresh-only', '-detailed-exitcode'], true);
    expect(refresh.stdout).toContain('No changes.');
    expect(refresh.code).toBe(0);
    const live = await readLiveTenants(w.client);
    const disabled = specs.find((t) => t.sendingStatus === 'disabled')!;
    const show = w.tf(['state', 'show', `sestenants_tenant.${disabled.name}`]).stdout;
    expect(show).toContain(`tenant_id                = "${live[disabled.name].id}"`);
    expect(show).toContain('sending_status_aggregate = "DISABLED"');
    expect(show).toContain('reputation_impact        = "NONE"');
    expect(show).toMatch(/created_at\s+= "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"/);
  });

  test('a one-field change reads each tenant once (refresh), the changed one once more, writes once, and reads nothing after', async () => {
    const changed = specs[3];
    base = specs.map((t) => (t === changed ? hcl(t, { tags: { ...t.tags, team: 'changed' } }) : hcl(t))).join('\n');
    w.write(base);
    await w.emu.admin.resetStats();
    expect(w.tf(['apply', '-auto-approve']).stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    const stats = await w.emu.admin.stats();
    expect(stats.operations).toEqual({ ListReputationEntities: pagesOf(N) + 1, GetTenant: N + 1, ListTenantResources: N + 1, TagResource: 1 });
    expect(w.tf(['plan', '-refresh-only', '-detailed-exitcode'], true).code).toBe(0);
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('a name taken by a tenant nobody manages: the create is refused at plan with the ownership error and no write, and adopt takes it over keeping its TenantId', async () => {
    const name = 'taken-by-hand';
    const out = await w.client.send(new CreateTenantCommand({ TenantName: name, Tags: [{ Key: 'team', Value: 'by-hand' }] }));
    const taken: CanonicalTenant = { ...specs[1], name };
    w.write(`${base}\n${hcl(taken)}`);
    await w.emu.admin.resetStats();
    const refused = w.tf(['apply', '-auto-approve'], true);
    expect(refused.code).not.toBe(0);
    expect(oneLine(refused.stderr)).toContain(`Tenant ${name} (${out.TenantId}) exists and is created outside cdktf-ses-tenants`);
    const writes = Object.keys((await w.emu.admin.stats()).operations).filter((op) => !/^(Get|List)/.test(op));
    expect(writes).toEqual([]);

    w.write(`${base}\n${hcl(taken, { extra: '  adopt = true' })}`);
    expect(w.tf(['apply', '-auto-approve']).stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const live = (await readLiveTenants(w.client))[name];
    expect(live.id).toBe(out.TenantId);
    expect(live.resources).toHaveLength(2);
    expect(live.tags).toMatchObject({ ...taken.tags, 'ses-tenants:managed-by': TEST_MARKER });
    expect(w.tf(['plan', '-refresh-only', '-detailed-exitcode'], true).code).toBe(0);
    expect(w.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });
});
