import { sesGateway } from '../../src/aws/ses-gateway';
import { CreateEmailIdentityCommand, CreateTenantCommand, CreateConfigurationSetCommand } from '@aws-sdk/client-sesv2';
import { readLiveRegion } from '../../src/engine';
import { MANAGED_BY_TAG, SPEC_HASH_TAG, tenantSpecHash } from '../../src/tenant-spec';
import type { TenantSpec } from '../../src/tenant-spec';
import { fakeCredentials, withEmulator } from '../support/emulator';
import { ACCOUNT, marker, spec, target } from '../engine/fixtures';
import { runHookProcess, writeCurrentConfig } from './run-hook';
import { removeDir, tempDir } from '../support/tenant-app';

const emu = withEmulator();
const stack = target('app');
const at = { partition: 'aws', region: 'eu-central-1', account: ACCOUNT };
const client = () => emu.client('eu-central-1', { credentials: fakeCredentials() });
const live = async () => (await readLiveRegion(sesGateway(client()), at)).tenants;
const ops = async () => (await emu.admin.stats()).operations;

async function seed(name: string): Promise<void> {
  await client().send(new CreateEmailIdentityCommand({ EmailIdentity: `${name}.example.com` }));
  await client().send(new CreateConfigurationSetCommand({ ConfigurationSetName: `${name}-cs` }));
}

const tenantInput = (s: TenantSpec) => ({ target: stack, tenant: s });
// What the tenant instance keeps in state for its destroy hook: the name and the removal policy.
const deleteInput = (s: TenantSpec) => ({ target: stack, tenant: s.name, removalPolicy: s.removalPolicy ?? 'retain' });
const associationInput = (tenant: string, resource: TenantSpec['resources'][number], removalPolicy: 'retain' | 'destroy' = 'retain') => ({
  target: stack,
  tenant,
  resource,
  removalPolicy,
});
let dir: string;
beforeEach(() => {
  dir = tempDir('hook-config');
});
afterEach(() => removeDir(dir));
/** The current configuration declares these tenants; returns the directory to run a hook in. */
const declaring = (...tenants: TenantSpec[]): string => writeCurrentConfig(dir, stack, tenants);

describe('hook program (node dist/hook.js) against the emulator', () => {
  test('tenant-create creates the tenant once, with tags, the owner/stack marker and suppression (the settings hook writes the spec-hash last); a re-run only reads', async () => {
    const s = spec('acme', { tags: { team: 'a' }, suppression: { scope: 'TENANT', reasons: ['BOUNCE'] }, reputationPolicy: 'strict' });
    const first = await runHookProcess(emu, 'tenant-create', tenantInput(s));
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1, CreateTenant: 1 });
    const t = (await live()).acme;
    expect(t.tags).toEqual({ team: 'a', [MANAGED_BY_TAG]: marker('app') });
    expect(t.suppression).toEqual({ scope: 'TENANT', reasons: ['BOUNCE'] });
    expect(t.resources).toEqual([]);
    expect(t.reputationPolicy).toBe('standard');
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'tenant-create', tenantInput(s))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1 });
  });

  test('tenant-create refuses an unmarked tenant; with adopt: true it takes it over and converges it to its code (undeclared associations and tags removed)', async () => {
    await seed('legacy');
    await client().send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    await client().send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'theirs-cs' }));
    const { CreateTenantResourceAssociationCommand } = await import('@aws-sdk/client-sesv2');
    await client().send(new CreateTenantResourceAssociationCommand({ TenantName: 'legacy', ResourceArn: `arn:aws:ses:eu-central-1:${ACCOUNT}:configuration-set/theirs-cs` }));
    const before = (await live()).legacy;
    const refused = await runHookProcess(emu, 'tenant-create', tenantInput(spec('legacy')));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/OwnershipError: tenant legacy \(tn-[0-9a-f]+\) exists and is created outside cdktf-ses-tenants; .*adopt: true/);

    const adopted = await runHookProcess(emu, 'tenant-create', tenantInput({ ...spec('legacy'), adopt: true }));

    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toContain('took over tenant legacy (created outside cdktf-ses-tenants)');
    const t = (await live()).legacy;
    expect(t.id).toBe(before.id);
    expect(t.resources.map((r) => r.name).sort()).toEqual(['legacy-cs', 'legacy.example.com']);
    expect(t.tags).toEqual({ [MANAGED_BY_TAG]: marker('app'), [SPEC_HASH_TAG]: tenantSpecHash(spec('legacy')) });
  });

  test('tenant-create refuses a tenant another app manages under the same stack name, naming it, in one line, exit 1', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: MANAGED_BY_TAG, Value: 'repo-b/app' }] }));
    const run = await runHookProcess(emu, 'tenant-create', tenantInput(spec('theirs')));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ses-tenants hook tenant-create theirs: OwnershipError: tenant theirs \(tn-[0-9a-f]+\) exists and is managed by app repo-b stack app; .*\n$/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('settings-apply converges policy, status, tags and suppression; a re-run makes two reads and no writes', async () => {
    const created = spec('acme', { tags: { team: 'a', old: 'x' } });
    await runHookProcess(emu, 'tenant-create', tenantInput(created));
    const id = (await live()).acme.id;
    const wanted = spec('acme', { reputationPolicy: 'strict', sendingStatus: 'disabled', tags: { team: 'b' }, suppression: { scope: 'ACCOUNT', reasons: ['COMPLAINT'] } });
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'settings-apply', tenantInput(wanted))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({
      GetTenant: 1,
      ListReputationEntities: 1,
      UpdateReputationEntityPolicy: 1,
      UpdateReputationEntityCustomerManagedStatus: 1,
      PutTenantSuppressionAttributes: 1,
      UntagResource: 1,
      TagResource: 1,
    });
    const t = (await live()).acme;
    expect(t).toMatchObject({ id, reputationPolicy: 'strict', customerStatus: 'DISABLED', suppression: { scope: 'ACCOUNT', reasons: ['COMPLAINT'] } });
    expect(t.tags).toEqual({ team: 'b', [MANAGED_BY_TAG]: marker('app'), [SPEC_HASH_TAG]: tenantSpecHash(wanted) });
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'settings-apply', tenantInput(wanted))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1, ListReputationEntities: 1 });
  });

  test('association-create and association-delete are idempotent, one call each', async () => {
    await seed('acme');
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    const resource = spec('acme').resources[1];
    const input = associationInput('acme', resource);
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'association-create', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runHookProcess(emu, 'association-create', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ CreateTenantResourceAssociation: 2 });
    expect((await live()).acme.resources).toEqual([resource]);
    // The current configuration still declares acme, without this resource: a real removal.
    const cwd = declaring(spec('acme', { resources: [] }));
    expect(await runHookProcess(emu, 'association-delete', input, {}, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runHookProcess(emu, 'association-delete', input, {}, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await live()).acme.resources).toEqual([]);
  });

  test('association-create of a missing identity fails with the AWS error in one line, exit 1', async () => {
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    const run = await runHookProcess(emu, 'association-create', associationInput('acme', spec('acme').resources[1]));
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ses-tenants hook association-create acme: NotFoundException: associate failed: Identity acme.example.com does not exist (HTTP 404)\n',
    });
  });

  test('tenant-delete of a tenant removed from the code with removal policy destroy deletes it, and a re-run finds nothing to do', async () => {
    const doomed = spec('acme', { removalPolicy: 'destroy' });
    await runHookProcess(emu, 'tenant-create', tenantInput(doomed));
    expect((await live()).acme.tags).toMatchObject({ 'ses-tenants:removal-policy': 'destroy' });
    const cwd = declaring();
    expect(await runHookProcess(emu, 'tenant-delete', deleteInput(doomed), {}, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await live()).toEqual({});
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'tenant-delete', deleteInput(doomed), {}, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1 });
  });

  test('tenant-delete of a tenant removed from the code with removal policy retain (the default) releases it: tenant, associations and TenantId stay', async () => {
    await seed('acme');
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    await runHookProcess(emu, 'association-create', associationInput('acme', spec('acme').resources[0]));
    const before = (await live()).acme;
    const cwd = declaring();
    // Its association hook is destroyed first: a retained tenant keeps its associations.
    const kept = await runHookProcess(emu, 'association-delete', associationInput('acme', spec('acme').resources[0]), {}, cwd);
    expect(kept).toEqual({ code: 0, stdout: '', stderr: '' });
    const run = await runHookProcess(emu, 'tenant-delete', deleteInput(spec('acme')), {}, cwd);
    expect(run.stdout).toBe(`ses-tenants hook tenant-delete acme: released tenant acme (${before.id}): it stays in SES with its associations\n`);
    const after = (await live()).acme;
    expect(after.id).toBe(before.id);
    expect(after.resources).toEqual(before.resources);
    expect(after.tags).toEqual({ 'ses-tenants:released-by': marker('app'), 'ses-tenants:released-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
  });

  test('tenant-delete reads the full input of an instance stored before the inputs were trimmed (name and removal policy)', async () => {
    const doomed = spec('acme', { removalPolicy: 'destroy' });
    await runHookProcess(emu, 'tenant-create', tenantInput(doomed));
    expect(await runHookProcess(emu, 'tenant-delete', tenantInput(doomed), {}, declaring())).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await live()).toEqual({});
  });

  test('a replace of a tenant hook whose tenant is still declared (taint) releases, then its create takes the same tenant back: no delete, no association call', async () => {
    await seed('acme');
    const s = spec('acme', { removalPolicy: 'destroy' });
    await runHookProcess(emu, 'tenant-create', tenantInput(s));
    for (const r of s.resources) await runHookProcess(emu, 'association-create', associationInput('acme', r, 'destroy'));
    await runHookProcess(emu, 'settings-apply', tenantInput(s));
    const before = (await live()).acme;
    await emu.admin.resetStats();
    const cwd = declaring(s);

    expect((await runHookProcess(emu, 'tenant-delete', deleteInput(s), {}, cwd)).code).toBe(0);
    const back = await runHookProcess(emu, 'tenant-create', tenantInput(s), {}, cwd);

    expect(back.code).toBe(0);
    const stats = await ops();
    expect(stats.DeleteTenant ?? 0).toBe(0);
    expect(stats.CreateTenantResourceAssociation ?? 0).toBe(0);
    expect(stats.DeleteTenantResourceAssociation ?? 0).toBe(0);
    expect((await live()).acme).toEqual(before);
  });

  test('settings-apply of a tenant deleted outside the code re-creates it and converges it, saying it got a new TenantId', async () => {
    await seed('acme');
    const s = spec('acme', { reputationPolicy: 'strict' });
    await runHookProcess(emu, 'tenant-create', tenantInput(s));
    const { DeleteTenantCommand } = await import('@aws-sdk/client-sesv2');
    const old = (await live()).acme.id;
    await client().send(new DeleteTenantCommand({ TenantName: 'acme' }));

    const run = await runHookProcess(emu, 'settings-apply', tenantInput(s));

    expect(run.code).toBe(0);
    const t = (await live()).acme;
    expect(t.id).not.toBe(old);
    expect(run.stdout).toBe(
      `ses-tenants hook settings-apply acme: tenant acme did not exist (deleted outside cdktf-ses-tenants?): re-created it with a NEW TenantId ${t.id}; the old TenantId and its reputation history are gone\n`,
    );
    expect(t.resources.map((r) => r.name).sort()).toEqual(['acme-cs', 'acme.example.com']);
    expect(t).toMatchObject({ reputationPolicy: 'strict', tags: { [MANAGED_BY_TAG]: marker('app'), [SPEC_HASH_TAG]: tenantSpecHash(s) } });
  });

  test('association-create of a tenant deleted outside the code re-creates it from the current configuration', async () => {
    await seed('acme');
    const { DeleteTenantCommand } = await import('@aws-sdk/client-sesv2');
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    await client().send(new DeleteTenantCommand({ TenantName: 'acme' }));
    const run = await runHookProcess(emu, 'association-create', associationInput('acme', spec('acme').resources[0]), {}, declaring(spec('acme')));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/re-created it with a NEW TenantId tn-/);
    expect((await live()).acme.resources).toHaveLength(2);
  });

  test('tenant-delete never deletes an unmanaged tenant or another app\'s', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'bare' }));
    await client().send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: MANAGED_BY_TAG, Value: 'repo-b/app' }] }));
    const cwd = declaring();
    const bare = await runHookProcess(emu, 'tenant-delete', deleteInput(spec('bare', { removalPolicy: 'destroy' })), {}, cwd);
    expect(bare).toEqual({ code: 0, stdout: 'ses-tenants hook tenant-delete bare: left alone: tenant bare is created outside cdktf-ses-tenants\n', stderr: '' });
    const theirs = await runHookProcess(emu, 'tenant-delete', deleteInput(spec('theirs', { removalPolicy: 'destroy' })), {}, cwd);
    expect(theirs.stdout).toBe('ses-tenants hook tenant-delete theirs: left alone: tenant theirs is managed by app repo-b stack app\n');
    expect(Object.keys(await live())).toEqual(['bare', 'theirs']);
  });

  test('a destroy-time hook without the current configuration fails in one line instead of guessing', async () => {
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    const run = await runHookProcess(emu, 'tenant-delete', deleteInput(spec('acme')), {}, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ses-tenants hook tenant-delete acme: CurrentConfigError: cannot read the current configuration .*cdk\.tf\.json \(ENOENT\)/);
    expect(Object.keys(await live())).toEqual(['acme']);
  });

  test.each([
    ['not JSON', 'tenant-create', '{oops', 'is not JSON'],
    ['an unknown action', 'tenant-explode', { target: stack, tenant: spec('a') }, 'SES_TENANTS_HOOK_ACTION must be one of'],
    ['a bad tenant name', 'tenant-create', { target: stack, tenant: { ...spec('a'), name: 'a b' } }, 'invalid at tenant.name'],
    ['a tenant-delete without its removal policy', 'tenant-delete', { target: stack, tenant: 'a' }, 'invalid at removalPolicy'],
    ['a tenant-delete with a bad tenant name', 'tenant-delete', { target: stack, tenant: 'a b', removalPolicy: 'retain' }, 'invalid at tenant'],
  ])('invalid input (%s) exits 2 with one line and calls nothing', async (_case, action, input, reason) => {
    const run = await runHookProcess(emu, action, input);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ses-tenants hook [a-z-]+: invalid input: [^\n]+\n$/);
    expect(run.stderr).toContain(reason);
    expect((await emu.admin.stats()).total).toBe(0);
  });

  test('an unreachable endpoint fails with one line, exit 1', async () => {
    const run = await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')), { AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:1', AWS_MAX_ATTEMPTS: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ses-tenants hook tenant-create acme: \w+: [^\n]*\n$/);
  });
});
