import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand, DeleteEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { MANAGED_BY_TAG } from '../../src/tenant-spec';
import { withEmulator } from '../support/emulator';
import { FAKE_SECRET_KEY, runCliProcess, type CliRun } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import {
  APP_ACCOUNT,
  APP_OWNER,
  APP_REGION,
  appArn,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  synthTenantApp,
  tempDir,
  tenantIds,
} from '../support/tenant-app';
import { runHookProcess, writeCurrentConfig } from '../hooks/run-hook';

// What must never happen: deleting a tenant this app does not own, deleting without --allow-delete,
// hiding a failed tenant, or printing a credential.

const NAMES = ['acme', 'globex', 'initech'];

describe('apply touches only what it owns and says what failed', () => {
  const emu = withEmulator();
  let dir: string;
  const runs: CliRun[] = [];
  const client = () => emu.client('eu-central-1');
  const app = (name: string) => path.join(dir, name);
  const cli = async (args: string[]) => {
    const run = await runCliProcess([...args, '--endpoint', emu.url]);
    runs.push(run);
    return run;
  };

  beforeEach(async () => {
    dir = tempDir('rel-safety');
    await seedGeneratedResources(client(), NAMES);
    synthTenantApp(app('three'), NAMES.map((n) => generatedTenant(n, { removalPolicy: 'destroy' })));
    synthTenantApp(app('two'), NAMES.filter((n) => n !== 'initech').map((n) => generatedTenant(n, { removalPolicy: 'destroy' })));
  });
  afterEach(() => removeDir(dir));

  test('given live tenants the app does not own, apply --allow-delete and the tenant-delete hook leave them alone', async () => {
    await client().send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    await client().send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: MANAGED_BY_TAG, Value: 'other-app/rel' }] }));
    const before = await readLiveTenants(client());

    const apply = await cli(['apply', '--app', app('three'), '--auto-approve', '--allow-delete']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('? 2 unmanaged (not managed by this app, never changed): legacy, theirs (managed by app other-app stack rel)');
    const target = { formatVersion: 2 as const, owner: APP_OWNER, stack: 'rel', region: APP_REGION, account: APP_ACCOUNT, partition: 'aws', tenantQuota: 10000 };
    for (const name of ['legacy', 'theirs']) {
      const spec = { name, resources: [], reputationPolicy: 'standard', sendingStatus: 'enabled', tags: {}, suppression: null, removalPolicy: 'destroy' };
      const hook = await runHookProcess(emu, 'tenant-delete', { target, tenant: spec }, {}, writeCurrentConfig(dir, target, []));
      expect({ name, code: hook.code }).toEqual({ name, code: 0 });
    }

    const after = await readLiveTenants(client());
    expect(after.legacy).toEqual(before.legacy);
    expect(after.theirs).toEqual(before.theirs);
    expect((await emu.admin.stats()).operations.DeleteTenant).toBeUndefined();
  });

  test('given a managed tenant with removal policy destroy removed from the app, the plan shows the delete and apply without --allow-delete stops before any change', async () => {
    expect((await cli(['apply', '--app', app('three'), '--auto-approve'])).code).toBe(0);
    const ids = tenantIds(await readLiveTenants(client()));
    await emu.admin.resetStats();

    const plan = await cli(['plan', '--app', app('two'), '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('- initech');
    expect(plan.stdout).toContain('Plan: 0 to create, 0 to update, 0 to release, 1 to DELETE, 2 unchanged');

    const refused = await cli(['apply', '--app', app('two'), '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the plan deletes 1 tenant (rel/initech); a delete loses the TenantId and its reputation history. Nothing was changed. Re-run with --allow-delete');
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(tenantIds(await readLiveTenants(client()))).toEqual(ids);

    const allowed = await cli(['apply', '--app', app('two'), '--auto-approve', '--allow-delete']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Apply complete: 0 created, 0 updated, 0 released, 1 deleted, 0 failed.');
    const { initech: _deleted, ...kept } = ids;
    expect(tenantIds(await readLiveTenants(client()))).toEqual(kept);
  });

  test('given one tenant whose identity was deleted out of band, the others are applied and the failure names tenant, action and AWS error', async () => {
    await client().send(new DeleteEmailIdentityCommand({ EmailIdentity: 'globex.example.com' }));

    const apply = await cli(['apply', '--app', app('three'), '--auto-approve']);

    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('Apply complete: 2 created, 0 updated, 0 released, 0 deleted, 1 failed.');
    expect(apply.stdout).toContain('✗ rel globex: associate failed: NotFoundException (404): Identity globex.example.com does not exist');
    const live = await readLiveTenants(client());
    for (const n of ['acme', 'initech']) {
      expect(live[n].resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn(`identity/${n}.example.com`), appArn('template/welcome')]);
    }
    // The failed tenant exists and keeps what succeeded; the next plan still shows what is missing.
    const plan = await cli(['plan', '--app', app('three'), '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ globex  update');
    expect(plan.stdout).toContain('+ associate identity "globex.example.com"');
  });

  test('given a fake secret key in the environment, it appears in no output, plan file or error', async () => {
    const planFile = path.join(dir, 'saved.plan.json');
    await cli(['plan', '--app', app('three'), '--out', planFile, '--format', 'json']);
    await cli(['plan', '--app', app('three'), '--format', 'markdown']);
    await client().send(new DeleteEmailIdentityCommand({ EmailIdentity: 'acme.example.com' }));
    await cli(['apply', planFile, '--app', app('three')]);
    await cli(['apply', '--app', app('three'), '--auto-approve']);
    runs.push(await runCliProcess(['plan', '--app', app('three'), '--endpoint', 'http://127.0.0.1:9'], { DEBUG: '1', AWS_MAX_ATTEMPTS: '1' }));
    runs.push(await runCliProcess(['apply', path.join(dir, 'missing.plan.json'), '--endpoint', emu.url], { DEBUG: '1' }));

    expect(runs.some((r) => r.code === 0) && runs.some((r) => r.code === 1)).toBe(true);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), fs.readFileSync(planFile, 'utf8')];
    for (const text of texts) expect(text).not.toContain(FAKE_SECRET_KEY);
    for (const text of texts) expect(text).not.toContain(FAKE_SECRET_KEY.slice(0, 12));
  });
});
