import * as path from 'path';
import { ConfigurationSet } from '../../src';
import { withEmulator } from '../support/emulator';
import { runCliProcess, type CliRun } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import { appArn, generatedTenant, readLiveTenants, removeDir, seedGeneratedResources, synthTenantApp, tempDir, APP_REGION } from '../support/tenant-app';

// Two repositories that both name their stack `ses-eu` (issue 9 §2): the marker is owner/stack,
// so app B never sees app A's tenants as its own, and takes one over only when told to.

describe('ownership across apps and stacks (ses-tenants plan / apply)', () => {
  const emu = withEmulator();
  let dir: string;
  const cli = (args: string[]): Promise<CliRun> => runCliProcess([...args, '--endpoint', emu.url]);
  const client = () => emu.client(APP_REGION);

  beforeEach(async () => {
    dir = tempDir('cli-ownership');
    await seedGeneratedResources(client(), ['acme', 'other', 'mine']);
    const appA = synthTenantApp(path.join(dir, 'a'), [generatedTenant('acme'), generatedTenant('other')], 'ses-eu', 'repo-a');
    expect((await cli(['apply', '--app', appA, '--auto-approve'])).code).toBe(0);
  });
  afterEach(() => removeDir(dir));

  test('app B with the same stack name refuses A\'s tenant, naming whose it is, lists A\'s others as another owner\'s (never DELETE), and apply changes nothing', async () => {
    const before = await readLiveTenants(client());
    const appB = synthTenantApp(path.join(dir, 'b'), [generatedTenant('acme', { reputationPolicy: 'none' }), generatedTenant('mine')], 'ses-eu', 'repo-b');

    const plan = await cli(['plan', '--app', appB, '--detailed-exitcode']);

    // A refused plan fails (apply would refuse it), with or without --detailed-exitcode.
    expect(plan.code).toBe(1);
    expect((await cli(['plan', '--app', appB])).code).toBe(1);
    expect(plan.stdout).toContain(`  ! acme  adopt REFUSED  ${before.acme.id}\n      managed by app repo-a stack ses-eu: not taken over (set adopt: true on the tenant, or pass --adopt acme)`);
    expect(plan.stdout).toContain('? 1 unmanaged (not managed by this app, never changed): other (managed by app repo-a stack ses-eu)');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to release, 0 to delete, 0 unchanged, 1 unmanaged, 1 adopt REFUSED.');
    expect(plan.stdout).not.toContain('DELETE');
    await emu.admin.resetStats();

    const apply = await cli(['apply', '--app', appB, '--auto-approve', '--allow-delete']);

    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      `Error: the plan would take over 1 tenant that this app does not manage: acme (${before.acme.id}, managed by app repo-a stack ses-eu; declared by repo-b/ses-eu). Nothing was changed.`,
    );
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(await readLiveTenants(client())).toEqual(before);
  });

  test('another stack of another app declaring A\'s tenant is refused too; --adopt NAME takes it over and converges it to B\'s code, disassociating what B does not declare', async () => {
    const before = await readLiveTenants(client());
    const appB = synthTenantApp(
      path.join(dir, 'b'),
      [generatedTenant('acme', { templates: [], configurationSets: [ConfigurationSet.fromArn(appArn('configuration-set/shared'))] })],
      'team-b',
      'repo-b',
    );
    const refused = await cli(['plan', '--app', appB]);
    expect(refused.stdout).toContain('adopt REFUSED');
    expect(refused.code).toBe(1);

    const plan = await cli(['plan', '--app', appB, '--adopt', 'acme']);

    expect(plan.stdout).toContain(`~ acme  update  ${before.acme.id}  [adopt: taken over by this stack]`);
    expect(plan.stdout).toContain('! adopt from "repo-a/ses-eu": this stack takes it over and converges it to its code');
    expect(plan.stdout).toContain('- disassociate template "welcome"');
    expect(plan.stdout).not.toContain('drift');
    const apply = await cli(['apply', '--app', appB, '--adopt', 'acme', '--auto-approve']);
    expect(apply.code).toBe(0);
    const after = await readLiveTenants(client());
    expect(after.acme.id).toBe(before.acme.id);
    expect(after.acme.tags['ses-tenants:managed-by']).toBe('repo-b/team-b');
    expect(after.acme.resources.map((r) => r.type).sort()).toEqual(['configuration-set', 'identity']);
    expect((await cli(['plan', '--app', appB, '--detailed-exitcode'])).code).toBe(0);
    // A, in turn, now sees its tenant as B's: refused, never re-taken silently.
    const appA = synthTenantApp(path.join(dir, 'a2'), [generatedTenant('acme'), generatedTenant('other')], 'ses-eu', 'repo-a');
    expect((await cli(['plan', '--app', appA])).stdout).toContain('managed by app repo-b stack team-b: not taken over');
  });
});
