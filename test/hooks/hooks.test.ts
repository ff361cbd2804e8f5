import { sesGateway } from '../../src/aws/ses-gateway';
import { CreateEmailIdentityCommand, CreateTenantCommand, CreateConfigurationSetCommand } from '@aws-sdk/client-sesv2';
import { readLiveRegion } from '../../src/engine';
import { MANAGED_BY_TAG, SPEC_HASH_TAG, tenantSpecHash } from '../../src/tenant-spec';
import type { TenantSpec } from '../../src/tenant-spec';
import { fakeCredentials, withEmulator } from '../support/emulator';
import { ACCOUNT, spec, target } from '../engine/fixtures';
import { runHookProcess } from './run-hook';

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

describe('hook program (node dist/hook.js) against the emulator', () => {
  test('tenant-create creates the tenant once, with tags, reserved tags and suppression; a re-run only reads', async () => {
    const s = spec('acme', { tags: { team: 'a' }, suppression: { scope: 'TENANT', reasons: ['BOUNCE'] }, reputationPolicy: 'strict' });
    const first = await runHookProcess(emu, 'tenant-create', tenantInput(s));
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1, CreateTenant: 1 });
    const t = (await live()).acme;
    expect(t.tags).toEqual({ team: 'a', [MANAGED_BY_TAG]: 'app', [SPEC_HASH_TAG]: tenantSpecHash(s) });
    expect(t.suppression).toEqual({ scope: 'TENANT', reasons: ['BOUNCE'] });
    expect(t.resources).toEqual([]);
    expect(t.reputationPolicy).toBe('standard');
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'tenant-create', tenantInput(s))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1 });
  });

  test('tenant-create adopts an existing unmanaged tenant by writing the marker only', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    const before = (await live()).legacy.id;
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'tenant-create', tenantInput(spec('legacy')))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1, TagResource: 1 });
    const t = (await live()).legacy;
    expect(t.id).toBe(before);
    expect(t.tags).toEqual({ owner: 'ops', [MANAGED_BY_TAG]: 'app' });
  });

  test('tenant-create refuses a tenant another stack manages, in one line, exit 1', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: MANAGED_BY_TAG, Value: 'other' }] }));
    const run = await runHookProcess(emu, 'tenant-create', tenantInput(spec('theirs')));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ses-tenants hook tenant-create theirs: OwnershipError: tenant theirs \(tn-[0-9a-f]+\) exists and is managed by stack other; .*\n$/);
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
    expect(t.tags).toEqual({ team: 'b', [MANAGED_BY_TAG]: 'app', [SPEC_HASH_TAG]: tenantSpecHash(wanted) });
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'settings-apply', tenantInput(wanted))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1, ListReputationEntities: 1 });
  });

  test('association-create and association-delete are idempotent, one call each', async () => {
    await seed('acme');
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    const resource = spec('acme').resources[1];
    const input = { target: stack, tenant: 'acme', resource };
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'association-create', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runHookProcess(emu, 'association-create', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ CreateTenantResourceAssociation: 2 });
    expect((await live()).acme.resources).toEqual([resource]);
    expect(await runHookProcess(emu, 'association-delete', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runHookProcess(emu, 'association-delete', input)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await live()).acme.resources).toEqual([]);
  });

  test('association-create of a missing identity fails with the AWS error in one line, exit 1', async () => {
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    const run = await runHookProcess(emu, 'association-create', { target: stack, tenant: 'acme', resource: spec('acme').resources[1] });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ses-tenants hook association-create acme: NotFoundException: associate failed: Identity acme.example.com does not exist (HTTP 404)\n',
    });
  });

  test('tenant-delete deletes a tenant this stack manages, and a re-run finds nothing to do', async () => {
    await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')));
    expect(await runHookProcess(emu, 'tenant-delete', tenantInput(spec('acme')))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await live()).toEqual({});
    await emu.admin.resetStats();
    expect(await runHookProcess(emu, 'tenant-delete', tenantInput(spec('acme')))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ops()).toEqual({ GetTenant: 1 });
  });

  test('tenant-delete never deletes an unmanaged tenant or another stack\'s', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'bare' }));
    await client().send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: MANAGED_BY_TAG, Value: 'other' }] }));
    const bare = await runHookProcess(emu, 'tenant-delete', tenantInput(spec('bare')));
    expect(bare).toEqual({ code: 0, stdout: 'ses-tenants hook tenant-delete bare: left alone: tenant bare is not managed by this app\n', stderr: '' });
    const theirs = await runHookProcess(emu, 'tenant-delete', tenantInput(spec('theirs')));
    expect(theirs.stdout).toBe('ses-tenants hook tenant-delete theirs: left alone: tenant theirs is managed by stack other\n');
    expect(Object.keys(await live())).toEqual(['bare', 'theirs']);
  });

  test.each([
    ['not JSON', 'tenant-create', '{oops'],
    ['an unknown action', 'tenant-explode', { target: stack, tenant: spec('a') }],
    ['a bad tenant name', 'tenant-create', { target: stack, tenant: { ...spec('a'), name: 'a b' } }],
  ])('invalid input (%s) exits 2 with one line and calls nothing', async (_case, action, input) => {
    const run = await runHookProcess(emu, action, input);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ses-tenants hook [a-z-]+: invalid input: [^\n]+\n$/);
    expect((await emu.admin.stats()).total).toBe(0);
  });

  test('an unreachable endpoint fails with one line, exit 1', async () => {
    const run = await runHookProcess(emu, 'tenant-create', tenantInput(spec('acme')), { AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:1', AWS_MAX_ATTEMPTS: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ses-tenants hook tenant-create acme: \w+: [^\n]*\n$/);
  });
});
