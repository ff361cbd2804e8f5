import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, CreateTenantCommand, GetTenantCommand, ListTenantResourcesCommand, ListTenantsCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { OwnershipError, SpecValidationError, TenantOnboarding, type OnboardingTenant, type TenantOnboardingProps } from '../../src/runtime';
import { sesGateway } from '../../src/aws/ses-gateway';
import { computePlan, readLiveRegion } from '../../src/engine';
import { renderText } from '../../src/render/text';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';
import { fakeCredentials, withEmulator, type TestEmulator } from '../support/emulator';
import { writeCount } from '../support/kill-points';

const REGION = 'eu-central-1';
const ACCOUNT = '123456789012';
const emu = withEmulator();

function onboarding(props: Partial<TenantOnboardingProps> = {}): TenantOnboarding {
  return new TenantOnboarding({ owner: 'signup-service', region: REGION, endpoint: emu.url, credentials: fakeCredentials(), ...props });
}

/** What a sign-up handler passes: the customer's domain and the shared configuration set. */
function signup(name: string, extra: Partial<OnboardingTenant> = {}): OnboardingTenant {
  return { tenantName: name, emailIdentities: [`${name}.example.com`], configurationSets: ['shared-cs'], ...extra };
}

async function seed(client: SESv2Client, names: readonly string[]): Promise<void> {
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'shared-cs' }));
  for (const n of names) await client.send(new CreateEmailIdentityCommand({ EmailIdentity: `${n}.example.com` }));
}

function names(n: number, prefix = 'c'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
}

async function served(e: TestEmulator): Promise<Record<string, number>> {
  return (await e.admin.stats()).operations;
}

/** Every tenant of the region with its associated resource ARNs, read with the SDK. */
async function tenantsWithResources(client: SESv2Client): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListTenantsCommand({ NextToken: token, PageSize: 100 }));
    for (const t of page.Tenants ?? []) {
      const res = await client.send(new ListTenantResourcesCommand({ TenantName: t.TenantName }));
      if (out.has(t.TenantName!)) throw new Error(`duplicate tenant ${t.TenantName}`);
      out.set(t.TenantName!, (res.TenantResources ?? []).map((r) => r.ResourceArn!).sort());
    }
    token = page.NextToken;
  } while (token);
  return out;
}

function expectedArns(name: string): string[] {
  return [`arn:aws:ses:${REGION}:${ACCOUNT}:configuration-set/shared-cs`, `arn:aws:ses:${REGION}:${ACCOUNT}:identity/${name}.example.com`];
}

describe('TenantOnboarding against the emulator (real SDK)', () => {
  let client: SESv2Client;
  const open: TenantOnboarding[] = [];
  const make = (props: Partial<TenantOnboardingProps> = {}): TenantOnboarding => {
    const o = onboarding(props);
    open.push(o);
    return o;
  };
  beforeEach(() => {
    client = emu.client(REGION);
  });
  afterEach(() => {
    client.destroy();
    for (const o of open.splice(0)) o.close();
  });

  test('ensure creates the tenant with its associations and marker in 1 read + 4 writes; a second call reads 3 times and writes nothing', async () => {
    await seed(client, ['acme']);
    const o = make();
    await emu.admin.resetStats();
    const first = await o.ensure(signup('acme'));
    expect(first).toMatchObject({ tenantName: 'acme', action: 'create', dryRun: false });
    expect(first.tenantId).toMatch(/\S/);
    expect(await served(emu)).toEqual({ GetTenant: 1, CreateTenant: 1, CreateTenantResourceAssociation: 2, TagResource: 1 });

    const tenant = (await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!;
    expect(tenant.TenantId).toBe(first.tenantId);
    const tags = Object.fromEntries((tenant.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags[MANAGED_BY_TAG]).toBe('signup-service/runtime');
    expect(tags[SPEC_HASH_TAG]).toMatch(/^[0-9a-f]{16}$/);
    expect((await tenantsWithResources(client)).get('acme')).toEqual(expectedArns('acme'));

    await emu.admin.resetStats();
    const second = await o.ensure(signup('acme'));
    expect(second).toMatchObject({ action: 'none', tenantId: first.tenantId, changes: [] });
    expect(await served(emu)).toEqual({ GetTenant: 1, ListTenantResources: 1, ListReputationEntities: 1 });
    expect(writeCount(await emu.admin.stats())).toBe(0);
  });

  test('a changed spec updates in place (same TenantId): only the changed fields are written', async () => {
    await seed(client, ['acme']);
    const o = make();
    const first = await o.ensure(signup('acme'));
    await emu.admin.resetStats();
    const second = await o.ensure(signup('acme', { reputationPolicy: 'strict', tags: { plan: 'pro' } }));
    expect(second).toMatchObject({ action: 'update', tenantId: first.tenantId });
    expect(second.changes.map((c) => c.kind).sort()).toEqual(['reputation-policy', 'tag']);
    const stats = await emu.admin.stats();
    expect(writeCount(stats)).toBe(2);
    expect(stats.operations).toMatchObject({ UpdateReputationEntityPolicy: 1, TagResource: 1 });
  });

  test('a dry run returns the typed plan and writes nothing', async () => {
    await seed(client, ['acme']);
    const o = make();
    await emu.admin.resetStats();
    const planned = await o.ensure(signup('acme'), { dryRun: true });
    expect(planned).toMatchObject({ action: 'create', dryRun: true, tenantId: '' });
    expect(planned.changes.filter((c) => c.kind === 'association')).toHaveLength(2);
    expect(planned.plan.summary.create).toBe(1);
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect((await tenantsWithResources(client)).size).toBe(0);
  });

  test('invalid input is refused with the spec errors (tenant, field, rule) before any call', async () => {
    const o = make();
    await emu.admin.resetStats();
    const bad = o.ensure({ tenantName: 'bad name!', emailIdentities: [''], tags: { 'aws:team': 'x' } });
    await expect(bad).rejects.toThrow(SpecValidationError);
    await expect(bad).rejects.toThrow(/tenant "bad name!": tenantName: must be 1-64 characters/);
    await expect(bad).rejects.toThrow(/emailIdentities\[0\]: email identity names must not be empty/);
    await expect(bad).rejects.toThrow(/tags\["aws:team"\]: tag keys must not start with "aws:"/);
    await expect(o.ensure({ tenantName: 'nosend' })).rejects.toThrow(/tenant "nosend": resources: has no email identity/);
    expect((await emu.admin.stats()).total).toBe(0); // no SES call (the emulator's stats count SES only, not the STS account guard)
    expect(() => onboarding({ owner: 'a/b' })).toThrow(/owner: must not contain "\/"/);
  });

  test("another owner's tenant is refused with the owner named, and nothing is written", async () => {
    await seed(client, ['acme', 'iac']);
    await make({ owner: 'billing' }).ensure(signup('acme'));
    const created = await make({ owner: 'infra', stack: 'ses-eu' }).ensure(signup('iac'));
    const o = make();
    await emu.admin.resetStats();
    await expect(o.ensure(signup('acme'))).rejects.toThrow(OwnershipError);
    await expect(o.ensure(signup('acme'))).rejects.toThrow(/tenant acme \(.+\) exists and is managed by app billing stack runtime/);
    await expect(o.ensure(signup('iac'))).rejects.toThrow(/managed by app infra stack ses-eu/);
    await expect(o.release('iac')).rejects.toThrow(/tenant iac \(.+\) is managed by app infra stack ses-eu; signup-service\/runtime releases or deletes only its own tenants/);
    await expect(o.remove('acme', { delete: true })).rejects.toThrow(OwnershipError);
    expect(writeCount(await emu.admin.stats())).toBe(0);

    // adopt: true takes it over explicitly, in place.
    const adopted = await o.ensure(signup('iac', { adopt: true }));
    expect(adopted).toMatchObject({ action: 'update', tenantId: created.tenantId });
  });

  test("a stack's plan lists the application's tenants as unmanaged and changes nothing of them; a stack's tenant is refused to the runtime", async () => {
    await seed(client, ['acme']);
    await make().ensure(signup('acme'));
    const target = { formatVersion: 2 as const, owner: 'signup-service', stack: 'ses-eu', region: REGION, account: ACCOUNT, partition: 'aws', tenantQuota: 10_000 };
    const live = await readLiveRegion(sesGateway(client), target);
    const plan = computePlan([{ target, tenants: {} }], [live]);
    expect(plan.stacks[0].changes).toEqual([]);
    expect(plan.stacks[0].unmanaged).toEqual([{ tenant: 'acme', tenantId: expect.any(String), managedBy: 'signup-service/runtime' }]);
    expect(renderText(plan)).toContain('1 unmanaged (not managed by this app, never changed): acme (managed by app signup-service stack runtime)');
  });

  test('a tenant created outside cdktf-ses-tenants is refused as such', async () => {
    await seed(client, ['manual']);
    await client.send(new CreateTenantCommand({ TenantName: 'manual' }));
    await expect(make().ensure(signup('manual'))).rejects.toThrow(/exists and is created outside cdktf-ses-tenants/);
  });

  test('release keeps the tenant, its TenantId and associations; ensure takes it back in place; remove({ delete: true }) deletes', async () => {
    await seed(client, ['acme']);
    const o = make();
    const { tenantId } = await o.ensure(signup('acme'));
    await expect(o.release('acme')).resolves.toEqual({ tenantName: 'acme', tenantId, action: 'release' });
    const tenant = (await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!;
    expect(tenant.TenantId).toBe(tenantId);
    const tags = Object.fromEntries((tenant.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags[MANAGED_BY_TAG]).toBeUndefined();
    expect(tags[RELEASED_BY_TAG]).toBe('signup-service/runtime');
    expect((await tenantsWithResources(client)).get('acme')).toEqual(expectedArns('acme'));

    await expect(o.ensure(signup('acme'))).resolves.toMatchObject({ action: 'update', tenantId });
    await expect(o.remove('acme', { delete: true })).resolves.toEqual({ tenantName: 'acme', tenantId, action: 'delete' });
    expect((await tenantsWithResources(client)).size).toBe(0);
    await expect(o.release('acme')).resolves.toEqual({ tenantName: 'acme', tenantId: '', action: 'none' });
  });

  test("remove() without options follows the removalPolicy the tenant was ensured with; release() always releases", async () => {
    await seed(client, ['keep', 'drop']);
    const o = make();
    await o.ensure(signup('keep'));
    const { tenantId } = await o.ensure(signup('drop', { removalPolicy: 'destroy' }));
    await expect(o.remove('keep')).resolves.toMatchObject({ action: 'release' });
    await expect(o.remove('drop')).resolves.toEqual({ tenantName: 'drop', tenantId, action: 'delete' });
    expect([...(await tenantsWithResources(client)).keys()]).toEqual(['keep']);
  });

  test('checkSend is the send gate: accepted for an associated identity and configuration set, refused with the fix otherwise', async () => {
    await seed(client, ['acme']);
    const o = make();
    await o.ensure(signup('acme'));
    const ok = await o.checkSend({ tenantName: 'acme', from: 'hello@acme.example.com', configurationSet: 'shared-cs' });
    expect(ok.accepted).toBe(true);
    const refused = await o.checkSend({ tenantName: 'nobody', from: 'hello@acme.example.com', configurationSet: 'shared-cs' });
    expect(refused).toMatchObject({ accepted: false, code: 'NotFoundException' });
  });

  test('50 concurrent ensure calls for 50 tenants: 50 tenants, 2 associations each, 1 read + 4 writes per tenant', async () => {
    const fifty = names(50);
    await seed(client, fifty);
    const o = make();
    await emu.admin.resetStats();
    const results = await Promise.all(fifty.map((n) => o.ensure(signup(n))));
    expect(results.every((r) => r.action === 'create')).toBe(true);
    expect(await served(emu)).toEqual({ GetTenant: 50, CreateTenant: 50, CreateTenantResourceAssociation: 100, TagResource: 50 });
    const live = await tenantsWithResources(client);
    expect([...live.keys()].sort()).toEqual(fifty);
    for (const n of fifty) expect(live.get(n)).toEqual(expectedArns(n));
  });

  test('20 concurrent ensure calls for the same tenant in one process coalesce: one tenant, one read, 4 writes, every caller gets its TenantId', async () => {
    await seed(client, ['acme']);
    const o = make();
    await emu.admin.resetStats();
    const results = await Promise.all(Array.from({ length: 20 }, () => o.ensure(signup('acme'))));
    expect(new Set(results.map((r) => r.tenantId)).size).toBe(1);
    expect(await served(emu)).toEqual({ GetTenant: 1, CreateTenant: 1, CreateTenantResourceAssociation: 2, TagResource: 1 });
    expect([...(await tenantsWithResources(client)).entries()]).toEqual([['acme', expectedArns('acme')]]);
  });

  test('a different spec for the same tenant waits for the call before it, then updates in place', async () => {
    await seed(client, ['acme']);
    const o = make();
    const [a, b] = await Promise.all([o.ensure(signup('acme')), o.ensure(signup('acme', { tags: { plan: 'pro' } }))]);
    expect(a.action).toBe('create');
    expect(b).toMatchObject({ action: 'update', tenantId: a.tenantId });
  });

  test('two writers of the same owner racing on one tenant (AlreadyExists) converge with no error: one tenant, its associations', async () => {
    await seed(client, ['acme']);
    // Latency lets both GetTenant calls see no tenant before either CreateTenant lands.
    await emu.admin.setFaults({ latencyMs: 20 });
    const [a, b] = [make(), make()];
    await emu.admin.resetStats();
    const results = await Promise.all([a.ensure(signup('acme')), b.ensure(signup('acme'))]);
    expect(new Set(results.map((r) => r.tenantId)).size).toBe(1);
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant).toBe(2);
    // The two GetTenant 404s, and the CreateTenant that lost the race; nothing surfaced to either caller.
    expect(stats.errors).toEqual({ NotFoundException: 2, AlreadyExistsException: 1 });
    expect([...(await tenantsWithResources(client)).entries()]).toEqual([['acme', expectedArns('acme')]]);
  });

  test('ensureMany reports progress per tenant, validates every spec first, and lists the region instead of reading each new tenant from 100 specs on', async () => {
    const many = names(120);
    await seed(client, many);
    const o = make();
    await expect(o.ensureMany([signup('x0'), { tenantName: 'bad name' }])).rejects.toThrow(/\[1\]: tenant "bad name"/);
    await emu.admin.resetStats();
    const events: number[] = [];
    const result = await o.ensureMany(
      many.map((n) => signup(n)),
      { concurrency: 10, onProgress: (e) => events.push(e.done) },
    );
    expect(result.counts).toEqual({ created: 120, updated: 0, unchanged: 0, failed: 0 });
    expect(events).toEqual(many.map((_, i) => i + 1));
    expect(await served(emu)).toEqual({ ListTenants: 1, CreateTenant: 120, CreateTenantResourceAssociation: 240, TagResource: 120 });
    await emu.admin.resetStats();
    const again = await o.ensureMany(many.map((n) => signup(n)));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 120, failed: 0 });
    expect(writeCount(await emu.admin.stats())).toBe(0);
  });
});
