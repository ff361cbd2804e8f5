import { sesGateway } from '../../src/aws/ses-gateway';
import { CreateEmailIdentityCommand, DeleteEmailIdentityCommand, GetTenantCommand, TagResourceCommand, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import { applyPlan, checkPlanFresh, DeleteNotAllowedError, liveAfterApply, planIsEmpty, readLiveRegion } from '../../src/engine';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';
import { withEmulator } from '../support/emulator';
import { ACCOUNT, arn, desired, marker, spec } from './fixtures';
import { converge, engineClient, planAgainst, readLive, seedResources, served } from './emulated';

const emu = withEmulator();
const at = { partition: 'aws', region: 'eu-central-1', account: ACCOUNT };

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `t${String(i).padStart(2, '0')}`);
}

describe('applyPlan against the emulator', () => {
  test('an initial apply of 20 tenants makes exactly one CreateTenant, two associations and the last TagResource (the spec-hash) per tenant, then nothing more', async () => {
    const client = engineClient(emu);
    await seedResources(client, names(20));
    const stack = desired('app', names(20).map((n) => spec(n)));
    await emu.admin.resetStats();
    const { plan, result } = await converge(client, [stack]);
    expect(result).toMatchObject({ ok: true, failures: [], counts: { created: 20, updated: 0, released: 0, deleted: 0, failed: 0 } });
    expect(plan.summary.create).toBe(20);
    expect(await served(emu)).toEqual({ ListTenants: 1, ListReputationEntities: 1, CreateTenant: 20, CreateTenantResourceAssociation: 40, TagResource: 20 });

    // What CreateTenant answered, and the live tenants computed from it and the plan, are what SES reads back.
    const live = await readLiveRegion(sesGateway(client), at);
    expect(result.created.map((c) => c.tenant)).toEqual(names(20));
    for (const c of result.created) {
      const read = await client.send(new GetTenantCommand({ TenantName: c.tenant }));
      expect(c).toEqual({
        stack: 'app',
        tenant: c.tenant,
        tenantId: live.tenants[c.tenant].id,
        arn: live.tenants[c.tenant].arn,
        createdAt: read.Tenant!.CreatedTimestamp!.toISOString(),
        sendingStatus: 'ENABLED',
        reused: false,
      });
    }
    const target = plan.stacks[0].target;
    for (const change of plan.stacks[0].changes) {
      const created = result.created.find((c) => c.tenant === change.tenant);
      expect(liveAfterApply(target, change, undefined, created)).toEqual(live.tenants[change.tenant]);
    }

    await emu.admin.resetStats();
    const again = await planAgainst(client, [stack]);
    expect(planIsEmpty(again)).toBe(true);
    expect(again.summary.unchanged).toBe(20);
    expect(await served(emu)).toEqual({ ListTenants: 1, ListReputationEntities: 1, GetTenant: 20, ListTenantResources: 20 });

    await emu.admin.resetStats();
    const rerun = await applyPlan(again, () => sesGateway(client));
    expect(rerun.ok).toBe(true);
    expect(await served(emu)).toEqual({});
  });

  test('a create writes the marker, user tags and suppression in CreateTenant, only non-default policy and status, and the spec-hash last', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['a', 'b']);
    const a = spec('a', { reputationPolicy: 'strict', sendingStatus: 'disabled', tags: { team: 'x' }, suppression: { scope: 'TENANT', reasons: ['BOUNCE'] } });
    await emu.admin.resetStats();
    const { plan, result } = await converge(client, [desired('app', [a, spec('b')])]);
    expect(await served(emu)).toMatchObject({ CreateTenant: 2, UpdateReputationEntityPolicy: 1, UpdateReputationEntityCustomerManagedStatus: 1 });
    const computed = liveAfterApply(plan.stacks[0].target, plan.stacks[0].changes[0], undefined, result.created[0]);
    expect(computed).toEqual((await readLiveRegion(sesGateway(client), at)).tenants.a);
    expect(computed.sendingStatusAggregate).toBe('DISABLED');
    expect((await served(emu)).TagResource).toBe(2);
    const live = (await readLiveRegion(sesGateway(client), at)).tenants.a;
    expect(live).toMatchObject({ reputationPolicy: 'strict', customerStatus: 'DISABLED', suppression: { scope: 'TENANT', reasons: ['BOUNCE'] } });
    expect(live.tags).toEqual({ team: 'x', [MANAGED_BY_TAG]: marker('app'), [SPEC_HASH_TAG]: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(planIsEmpty(await planAgainst(client, [desired('app', [a, spec('b')])]))).toBe(true);
  });

  test.each([
    ['reputation policy', { reputationPolicy: 'none' as const }, 'UpdateReputationEntityPolicy'],
    ['sending status', { sendingStatus: 'disabled' as const }, 'UpdateReputationEntityCustomerManagedStatus'],
    ['tags', { tags: { team: 'y' } }, 'TagResource'],
    ['suppression', { suppression: { scope: 'ACCOUNT' as const, reasons: ['COMPLAINT' as const] } }, 'PutTenantSuppressionAttributes'],
  ])('an update of the %s keeps the TenantId and converges', async (_field, change, operation) => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    await converge(client, [desired('app', [spec('acme', { tags: { team: 'x' } })])]);
    const beforeLive = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    const before = beforeLive.id;
    const next = desired('app', [spec('acme', { tags: { team: 'x' }, ...change })]);
    await emu.admin.resetStats();
    const { plan, result } = await converge(client, [next]);
    expect(result.ok).toBe(true);
    expect(result.created).toEqual([]);
    expect(plan.stacks[0].changes[0]).toMatchObject({ action: 'update', origin: 'code', tenantId: before });
    expect((await served(emu))[operation]).toBe(1);
    const live = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    expect(live.id).toBe(before);
    expect(liveAfterApply(plan.stacks[0].target, plan.stacks[0].changes[0], beforeLive)).toEqual(live);
    expect(planIsEmpty(await planAgainst(client, [next]))).toBe(true);
  });

  test('associations are added before others are removed, and the TenantId stays', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'new.example.com' }));
    await converge(client, [desired('app', [spec('acme')])]);
    const before = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    const moved = spec('acme', { resources: [spec('acme').resources[0], { type: 'identity', name: 'new.example.com', arn: arn('identity', 'new.example.com') }] });
    const { plan, result } = await converge(client, [desired('app', [moved])]);
    expect(result.ok).toBe(true);
    expect(plan.stacks[0].changes[0].changes.filter((c) => c.kind === 'association').map((c) => (c.kind === 'association' ? `${c.op} ${c.resource.name}` : ''))).toEqual([
      'add new.example.com',
      'remove acme.example.com',
    ]);
    const after = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    expect(after.id).toBe(before.id);
    expect(after.resources.map((r) => r.name)).toEqual(['acme-cs', 'new.example.com']);
  });

  test('a rename under removal policy retain releases the old tenant: its associations and TenantId stay, the marker goes, released-by is left', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['old', 'new']);
    await converge(client, [desired('app', [spec('old')])]);
    const before = (await readLiveRegion(sesGateway(client), at)).tenants.old;
    const plan = await planAgainst(client, [desired('app', [spec('new')])]);
    expect(plan.stacks[0].changes.map((c) => [c.tenant, c.action])).toEqual([
      ['new', 'create'],
      ['old', 'release'],
    ]);
    await emu.admin.resetStats();
    const result = await applyPlan(plan, () => sesGateway(client));
    expect(result.counts).toEqual({ created: 1, updated: 0, released: 1, deleted: 0, failed: 0 });
    expect((await served(emu)).DeleteTenant).toBeUndefined();
    expect((await served(emu)).DeleteTenantResourceAssociation).toBeUndefined();
    const old = (await readLiveRegion(sesGateway(client), at)).tenants.old;
    expect(old.id).toBe(before.id);
    expect(old.resources).toEqual(before.resources);
    expect(old.tags).toEqual({ [RELEASED_BY_TAG]: marker('app'), 'ses-tenants:released-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    // Released: no longer the stack's, so it is neither changed nor deleted again.
    expect(planIsEmpty(await planAgainst(client, [desired('app', [spec('new')])]))).toBe(true);
  });

  test('a rename under removal policy destroy is a delete and a create; the delete needs allowDelete and is refused before any change', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['old', 'new']);
    await converge(client, [desired('app', [spec('old', { removalPolicy: 'destroy' })])]);
    const plan = await planAgainst(client, [desired('app', [spec('new', { resources: spec('old').resources })])]);
    expect(plan.stacks[0].changes.map((c) => [c.tenant, c.action])).toEqual([
      ['new', 'create'],
      ['old', 'delete'],
    ]);
    await emu.admin.resetStats();
    await expect(applyPlan(plan, () => sesGateway(client))).rejects.toThrow(DeleteNotAllowedError);
    expect(await served(emu)).toEqual({});
    const result = await applyPlan(plan, () => sesGateway(client), { allowDelete: true });
    expect(result.counts).toEqual({ created: 1, updated: 0, released: 0, deleted: 1, failed: 0 });
    expect(Object.keys((await readLiveRegion(sesGateway(client), at)).tenants)).toEqual(['new']);
  });

  test('unmanaged tenants are reported and left alone', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['mine']);
    const { CreateTenantCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    await client.send(new CreateTenantCommand({ TenantName: 'foreign', Tags: [{ Key: MANAGED_BY_TAG, Value: 'other-app/app' }] }));
    const { plan } = await converge(client, [desired('app', [spec('mine')])], { allowDelete: true });
    expect(plan.stacks[0].unmanaged.map((u) => [u.tenant, u.managedBy ?? null])).toEqual([
      ['foreign', 'other-app/app'],
      ['legacy', null],
    ]);
    const live = await readLiveRegion(sesGateway(client), at);
    expect(Object.keys(live.tenants)).toEqual(['foreign', 'legacy', 'mine']);
    expect(live.tenants.legacy.tags).toEqual({ owner: 'ops' });
  });

  test('a change made outside the code is drift, and applying restores the spec', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    const stack = desired('app', [spec('acme')]);
    await converge(client, [stack]);
    const live = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    await client.send(
      new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: live.arn, ReputationEntityPolicy: 'arn:aws:ses:eu-central-1:aws:reputation-policy/none' }),
    );
    const { plan, result } = await converge(client, [stack]);
    expect(plan.stacks[0].changes[0]).toMatchObject({ action: 'update', origin: 'drift', changes: [{ kind: 'reputation-policy', from: 'none', to: 'standard' }] });
    expect(plan.summary.drifted).toBe(1);
    expect(result.ok).toBe(true);
    expect(planIsEmpty(await planAgainst(client, [stack]))).toBe(true);
  });

  test('a plan made before the live state moved is stale, and says which tenants moved', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['a', 'b']);
    await converge(client, [desired('app', [spec('a')])]);
    const stack = desired('app', [spec('a', { tags: { k: 'v' } })]);
    const plan = await planAgainst(client, [stack]);
    expect(checkPlanFresh(plan, await readLive(client, [stack]))).toEqual([]);
    const a = (await readLiveRegion(sesGateway(client), at)).tenants.a;
    await client.send(new TagResourceCommand({ ResourceArn: a.arn, Tags: [{ Key: 'sneaky', Value: '1' }] }));
    const { CreateTenantCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new CreateTenantCommand({ TenantName: 'b' }));
    expect(checkPlanFresh(plan, await readLive(client, [stack]))).toEqual([
      { stack: 'app', region: 'eu-central-1', tenant: 'a', change: 'changed' },
      { stack: 'app', region: 'eu-central-1', tenant: 'b', change: 'added' },
    ]);
  });

  test('a partial failure names tenant, step and AWS error; the other tenants are applied', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['a', 'b', 'c']);
    await client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'b.example.com' }));
    const stack = desired('app', [spec('a'), spec('b', { reputationPolicy: 'strict' }), spec('c')]);
    const { result } = await converge(client, [stack]);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      { stack: 'app', tenant: 'b', action: 'associate', error: { name: 'NotFoundException', message: 'Identity b.example.com does not exist', httpStatus: 404 } },
    ]);
    expect(result.counts).toEqual({ created: 2, updated: 0, released: 0, deleted: 0, failed: 1 });
    const live = await readLiveRegion(sesGateway(client), at);
    expect(live.tenants.a.resources).toHaveLength(2);
    expect(live.tenants.c.resources).toHaveLength(2);
    // b's later steps were skipped: the policy stays what SES set.
    expect(live.tenants.b.reputationPolicy).toBe('standard');
  });

  test('a tenant created by an interrupted apply is found and reused', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    const stack = desired('app', [spec('acme', { tags: { team: 'x' } })]);
    const plan = await planAgainst(client, [stack]);
    // The first run created the tenant and died before associating it.
    const { CreateTenantCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: MANAGED_BY_TAG, Value: marker('app') }] }));
    const id = (await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!.TenantId;
    const result = await applyPlan(plan, () => sesGateway(client));
    expect(result).toMatchObject({ ok: true, counts: { created: 1 }, created: [{ tenant: 'acme', tenantId: id, reused: true }] });
    const live = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    expect(live.id).toBe(id);
    expect(planIsEmpty(await planAgainst(client, [stack]))).toBe(true);
  });

  test('with onNameTaken fail, a taken name fails the create with SES\'s error and skips the tenant\'s later steps', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    const plan = await planAgainst(client, [desired('app', [spec('acme', { tags: { team: 'x' } })])]);
    const { CreateTenantCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: MANAGED_BY_TAG, Value: marker('app') }] }));
    await emu.admin.resetStats();
    const result = await applyPlan(plan, () => sesGateway(client), { onNameTaken: 'fail' });
    expect(result).toMatchObject({ ok: false, created: [], failures: [{ tenant: 'acme', action: 'create', error: { name: 'AlreadyExistsException' } }] });
    expect(await served(emu)).toEqual({ CreateTenant: 1 });
  });

  test('a tenant that appeared after the plan without our marker is not taken over', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    const plan = await planAgainst(client, [desired('app', [spec('acme')])]);
    const { CreateTenantCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    const result = await applyPlan(plan, () => sesGateway(client));
    expect(result.failures).toEqual([
      { stack: 'app', tenant: 'acme', action: 'create', error: { name: 'OwnershipError', message: expect.stringContaining('created outside cdktf-ses-tenants') } },
    ]);
  });
});

describe('applyPlan under throttling', () => {
  const throttled = withEmulator({ throttleFraction: 0.25 });

  test('a 25%-throttled SES converges through the SDK\'s retries', async () => {
    const tenants = names(5);
    await throttled.admin.setFaults({ throttleFraction: 0 });
    await seedResources(engineClient(throttled), tenants);
    await throttled.admin.setFaults({ throttleFraction: 0.25 });
    const stack = desired('app', tenants.map((n) => spec(n, { reputationPolicy: 'strict', tags: { n } })));
    const { result } = await converge(engineClient(throttled), [stack]);
    expect(result.failures).toEqual([]);
    expect((await throttled.admin.stats()).throttled).toBeGreaterThan(0);
    await throttled.admin.setFaults({ throttleFraction: 0 });
    expect(planIsEmpty(await planAgainst(engineClient(throttled), [stack]))).toBe(true);
  });
});
