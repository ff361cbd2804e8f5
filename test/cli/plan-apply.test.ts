import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateTenantCommand, TagResourceCommand, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { ConfigurationSet, TenantStack } from '../../src';
import type { SesTenantProps } from '../../src';
import { fakeCredentials, withEmulator } from '../support/emulator';
import { runCliProcess, type CliRun } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import {
  APP_OWNER,
  appMarker,
  APP_ACCOUNT,
  APP_REGION,
  appArn,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  stackJsonPath,
  synthTenantApp,
  tempDir,
  tenantIds,
} from '../support/tenant-app';

// The user's review-and-apply loop with `ses-tenants` as a child process against the emulator:
// apps are synthesized here (every resource by ARN, created in the emulator first), the CLI plans
// and applies them, and the SDK reads back what SES holds.

const NAMES = ['acme', 'globex', 'initech'];
const ANSI = /\u001b\[/;

describe('ses-tenants plan and apply', () => {
  const emu = withEmulator();
  let dir: string;
  let synths = 0;
  const client = () => emu.client(APP_REGION);
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => runCliProcess([...args, '--endpoint', emu.url], env);
  /** Synthesizes a version of the app (one stack `rel`) and returns its cdktf.out. */
  const synth = (tenants: SesTenantProps[]): string => synthTenantApp(path.join(dir, `v${synths++}`), tenants);
  const v1 = () => synth(NAMES.map((n) => generatedTenant(n)));
  const apply = async (app: string, ...extra: string[]) => {
    const run = await cli(['apply', '--app', app, '--auto-approve', ...extra]);
    expect(run).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    return run;
  };

  beforeEach(async () => {
    dir = tempDir('cli-plan-apply');
    await seedGeneratedResources(client(), [...NAMES, 'hooli']);
    await client().send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    await client().send(new CreateTenantCommand({ TenantName: 'outsider', Tags: [{ Key: 'owner', Value: 'another-team' }] }));
    await emu.admin.resetStats();
  });
  afterEach(() => removeDir(dir));

  test('given a new app, plan prints text, Markdown and JSON without writing, apply --auto-approve creates it, and the next plan has no changes', async () => {
    const app = v1();

    const text = await cli(['plan', '--app', app, '--detailed-exitcode']);
    const markdown = await cli(['plan', '--app', app, '--format', 'markdown']);
    const json = await cli(['plan', '--app', app, '--format', 'json']);

    expect(text.code).toBe(2);
    expect(text.stdout).toContain('Stack rel · eu-central-1 · account 123456789012');
    expect(text.stdout).toContain('  + acme  create\n      + associate configuration-set "shared"\n      + associate identity "acme.example.com"');
    expect(text.stdout).toContain('? 1 unmanaged (not managed by this app, never changed): outsider');
    expect(text.stdout).toContain('Plan: 3 to create, 0 to update, 0 to release, 0 to delete, 0 unchanged, 1 unmanaged.');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('## SES tenants plan');
    expect(markdown.stdout).toContain('| `rel` | eu-central-1 | 123456789012 | 3 | 0 | 0 | 0 | 0 | 1 |');
    expect(markdown.stdout).toContain('- ➕ **create** `initech`');
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan.summary).toEqual({ create: 3, update: 0, release: 0, delete: 0, unchanged: 0, drifted: 0, unmanaged: 1, refused: 0 });
    expect(plan.stacks[0].changes.map((c: { tenant: string; action: string }) => `${c.action} ${c.tenant}`)).toEqual(['create acme', 'create globex', 'create initech']);
    expect(writeCount(await emu.admin.stats())).toBe(0);

    const applied = await apply(app);
    expect(applied.stdout).toContain('Apply complete: 3 created, 0 updated, 0 released, 0 deleted, 0 failed.');
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant).toBe(3);
    expect(stats.operations.CreateTenantResourceAssociation).toBe(9);
    const live = await readLiveTenants(client());
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'initech', 'outsider']);
    expect(live.acme.resources.map((r) => r.arn)).toEqual([
      appArn('configuration-set/shared'),
      appArn('identity/acme.example.com'),
      appArn('template/welcome'),
    ]);
    expect(live.acme.tags).toMatchObject({ team: 'team-4', 'ses-tenants:managed-by': appMarker('rel') });

    const again = await cli(['plan', '--app', app, '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Plan: 0 to create, 0 to update, 0 to release, 0 to delete, 3 unchanged, 1 unmanaged.');
    expect((await cli(['apply', '--app', app, '--auto-approve'])).stdout).toBe('No changes. SES tenants match the configuration.\n');
  });

  test('given a stack whose synthesized spec is invalid, plan and apply exit 1 naming tenant and field, before any SES request', async () => {
    const app = v1();
    const file = stackJsonPath(app);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.locals.ses_tenants.globex.reputationPolicy = 'lenient';
    fs.writeFileSync(file, JSON.stringify(json));
    await emu.admin.resetStats();

    for (const args of [['plan', '--detailed-exitcode'], ['apply', '--auto-approve']]) {
      const run = await cli([...args, '--app', app]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Error: Invalid desired state in stack rel');
      expect(run.stderr).toContain('- rel/globex: tenant "globex": reputationPolicy: must be one of "standard", "strict", "none" (got "lenient")');
      expect(run.stdout).toBe('');
    }
    const missing = await cli(['plan', '--app', path.join(dir, 'no-such-app')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('holds neither a synthesized app (manifest.json) nor a cdktf project (cdktf.json)');
    expect((await emu.admin.stats()).total).toBe(0);
  });

  const updates: Array<{ field: string; change: Partial<SesTenantProps>; line: string; check: (t: Awaited<ReturnType<typeof readLiveTenants>>[string]) => void }> = [
    { field: 'reputation policy', change: { reputationPolicy: 'strict' }, line: '~ reputation policy standard → strict', check: (t) => expect(t.reputationPolicy).toBe('strict') },
    { field: 'sending status', change: { sendingStatus: 'disabled' }, line: '~ sending status ENABLED → DISABLED', check: (t) => expect(t.customerStatus).toBe('DISABLED') },
    {
      field: 'tags',
      change: { tags: { team: 'payments', tier: 'gold' } },
      line: '+ tag "tier" = "gold"',
      check: (t) => expect(t.tags).toMatchObject({ team: 'payments', tier: 'gold' }),
    },
    {
      field: 'suppression',
      change: { suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] } },
      line: '~ suppression none → TENANT [BOUNCE, COMPLAINT]',
      check: (t) => expect(t.suppression).toEqual({ scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] }),
    },
    {
      field: 'an added association',
      change: { configurationSets: [ConfigurationSet.fromArn(appArn('configuration-set/shared')), ConfigurationSet.fromArn(appArn('configuration-set/marketing'))] },
      line: '+ associate configuration-set "marketing"',
      check: (t) => expect(t.resources.map((r) => r.name)).toContain('marketing'),
    },
    { field: 'a removed association', change: { templates: [] }, line: '- disassociate template "welcome"', check: (t) => expect(t.resources.map((r) => r.type)).not.toContain('template') },
  ];

  test.each(updates)('given a change of $field in code, plan shows an update of that tenant only, apply keeps its TenantId', async ({ change, line, check }) => {
    await apply(v1());
    const before = await readLiveTenants(client());
    const app = synth(NAMES.map((n) => generatedTenant(n, n === 'globex' ? change : {})));

    const plan = await cli(['plan', '--app', app, '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`  ~ globex  update  ${before.globex.id}\n`);
    expect(plan.stdout).toContain(`      ${line}\n`);
    expect(plan.stdout).toContain('Plan: 0 to create, 1 to update, 0 to release, 0 to delete, 2 unchanged, 1 unmanaged.');
    await emu.admin.resetStats();
    expect((await apply(app)).stdout).toContain('Apply complete: 0 created, 1 updated, 0 released, 0 deleted, 0 failed.');

    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    expect(stats.operations.DeleteTenant ?? 0).toBe(0);
    const after = await readLiveTenants(client());
    expect(tenantIds(after)).toEqual(tenantIds(before));
    check(after.globex);
    expect(after.acme).toEqual(before.acme);
    expect(after.outsider).toEqual(before.outsider);
    expect((await cli(['plan', '--app', app, '--detailed-exitcode'])).code).toBe(0);
  });

  test('given a tenant renamed in code under the default removal policy (retain), plan shows a release, and apply keeps the old tenant, its associations and TenantId in SES', async () => {
    await apply(v1());
    const before = await readLiveTenants(client());
    const app = synth([generatedTenant('acme'), generatedTenant('globex'), generatedTenant('initech-eu', { emailIdentities: [], allowIncompleteSending: true })]);

    const plan = await cli(['plan', '--app', app, '--detailed-exitcode']);

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`  - initech  release  ${before.initech.id}\n      no longer declared in stack rel; its removal policy is retain, so it is released`);
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 1 to release, 0 to delete');
    expect(plan.stdout).not.toContain('DELETE');
    await emu.admin.resetStats();
    expect((await apply(app)).stdout).toContain('Apply complete: 1 created, 0 updated, 1 released, 0 deleted, 0 failed.');
    const stats = await emu.admin.stats();
    expect(stats.operations.DeleteTenant ?? 0).toBe(0);
    expect(stats.operations.DeleteTenantResourceAssociation ?? 0).toBe(0);
    const after = await readLiveTenants(client());
    expect(after.initech.id).toBe(before.initech.id);
    expect(after.initech.resources).toEqual(before.initech.resources);
    expect(after.initech.tags).toEqual({ team: before.initech.tags.team, 'ses-tenants:released-by': appMarker('rel'), 'ses-tenants:released-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    const again = await cli(['plan', '--app', app, '--detailed-exitcode']);
    expect(again.code).toBe(0);
    // The released tenant is said to be released, by whom; the other one is unmanaged.
    expect(again.stdout).toContain(`? 1 released (managed by no stack, never changed): initech (released by this stack ${appMarker('rel')}; declaring it again takes it back)`);
    expect(again.stdout).toContain('? 1 unmanaged (not managed by this app, never changed): outsider');
  });

  test('given a tenant renamed in code whose last applied removal policy is destroy, plan shows a loud delete and a create, apply refuses without --allow-delete and converges with it', async () => {
    await apply(synth(NAMES.map((n) => generatedTenant(n, n === 'initech' ? { removalPolicy: 'destroy' } : {}))));
    const before = await readLiveTenants(client());
    const app = synth([generatedTenant('acme'), generatedTenant('globex'), generatedTenant('initech-eu', { emailIdentities: [], allowIncompleteSending: true })]);

    const plan = await cli(['plan', '--app', app, '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`  - initech  DELETE  ${before.initech.id}\n      no longer declared in stack rel and its removal policy is destroy\n`);
    expect(plan.stdout).toContain(`!! deleting loses TenantId ${before.initech.id} and its reputation history`);
    expect(plan.stdout).toContain('  + initech-eu  create');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to release, 1 to DELETE');
    expect(plan.stdout).toContain('WARNING: 1 tenant(s) will be DELETED.');
    expect(plan.stdout.indexOf('- initech  DELETE')).toBeLessThan(plan.stdout.indexOf('+ initech-eu  create'));
    const comment = await cli(['plan', '--app', app, '--format', 'markdown']);
    expect(comment.stdout).toContain('> [!CAUTION]\n> **1 tenant(s) will be DELETED**: `initech` (rel).');
    expect(comment.stdout).toContain('- 🛑 **DELETE `initech`**');
    await emu.admin.resetStats();

    const refused = await cli(['apply', '--app', app, '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Error: the plan deletes 1 tenant (rel/initech); a delete loses the TenantId and its reputation history. Nothing was changed. Re-run with --allow-delete');
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(await readLiveTenants(client())).toEqual(before);

    expect((await apply(app, '--allow-delete')).stdout).toContain('Apply complete: 1 created, 0 updated, 0 released, 1 deleted, 0 failed.');
    const after = await readLiveTenants(client());
    expect(Object.keys(after).sort()).toEqual(['acme', 'globex', 'initech-eu', 'outsider']);
    expect(after['initech-eu'].id).not.toBe(before.initech.id);
    expect(after['initech-eu'].resources.map((r) => r.name)).toEqual(['shared', 'welcome']);
    expect(tenantIds({ acme: after.acme, globex: after.globex, outsider: after.outsider })).toEqual(
      tenantIds({ acme: before.acme, globex: before.globex, outsider: before.outsider }),
    );
    expect((await cli(['plan', '--app', app, '--detailed-exitcode'])).code).toBe(0);
  });

  test('given a policy changed out of band, drift exits 2 naming the tenant, plan marks it, apply restores it and drift is clean again', async () => {
    const app = v1();
    await apply(app);
    expect((await cli(['drift', '--app', app])).stdout).toBe('No drift. Every managed tenant matches the spec last applied to it.\n');
    const before = await readLiveTenants(client());
    await client().send(
      new TagResourceCommand({ ResourceArn: before.initech.arn, Tags: [{ Key: 'team', Value: 'hijacked' }] }),
    );
    await client().send(
      new UpdateReputationEntityPolicyCommand({
        ReputationEntityType: 'RESOURCE',
        ReputationEntityReference: before.globex.arn,
        ReputationEntityPolicy: `arn:aws:ses:${APP_REGION}:aws:reputation-policy/none`,
      }),
    );

    const drift = await cli(['drift', '--app', app]);
    const plan = await cli(['plan', '--app', app, '--detailed-exitcode']);

    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`~ globex  update  ${before.globex.id}  [drift: changed outside the code since the last apply]`);
    expect(drift.stdout).toContain('~ reputation policy none → standard');
    expect(drift.stdout).toContain('~ initech  update');
    expect(drift.stdout).not.toContain('acme');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`~ globex  update  ${before.globex.id}  [drift: changed outside the code since the last apply]`);
    expect(plan.stdout).toContain('2 tenant(s) drifted');

    expect((await apply(app)).stdout).toContain('Apply complete: 0 created, 2 updated, 0 released, 0 deleted, 0 failed.');
    const after = await readLiveTenants(client());
    expect(after.globex.reputationPolicy).toBe('standard');
    expect(after.initech.tags.team).toBe('team-0');
    expect(tenantIds(after)).toEqual(tenantIds(before));
    const clean = await cli(['drift', '--app', app]);
    expect(clean.code).toBe(0);
  });

  test('given plan --out, apply PLANFILE carries out exactly the reviewed plan without asking', async () => {
    await apply(v1());
    const before = await readLiveTenants(client());
    const app = synth(NAMES.map((n) => generatedTenant(n, { tags: { team: `${n}-v2` } })));
    const planFile = path.join(dir, 'reviewed.plan.json');

    const plan = await cli(['plan', '--app', app, '--out', planFile]);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain(`Saved the plan to ${planFile}. Apply exactly this plan with: ses-tenants apply ${planFile}`);
    expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).summary.update).toBe(3);
    await emu.admin.resetStats();

    const applied = await cli(['apply', planFile, '--app', app]);

    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 0 created, 3 updated, 0 released, 0 deleted, 0 failed.');
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    expect(stats.operations.TagResource).toBeGreaterThanOrEqual(3);
    const after = await readLiveTenants(client());
    expect(tenantIds(after)).toEqual(tenantIds(before));
    expect(NAMES.map((n) => after[n].tags.team)).toEqual(NAMES.map((n) => `${n}-v2`));
    expect((await cli(['plan', '--app', app, '--detailed-exitcode'])).code).toBe(0);
  });

  test('given an app of two stacks in one region, --stack plans only the selected one and never calls the other\'s tenants unmanaged or deletes', async () => {
    const outdir = path.join(dir, 'two-stacks');
    const app = new App({ outdir });
    const billing = new TenantStack(app, 'billing', { owner: APP_OWNER, region: APP_REGION, accountId: APP_ACCOUNT });
    const support = new TenantStack(app, 'support', { owner: APP_OWNER, region: APP_REGION, accountId: APP_ACCOUNT });
    billing.addTenant(generatedTenant('acme'));
    billing.addTenant(generatedTenant('globex'));
    support.addTenant(generatedTenant('initech'));
    app.synth();
    await apply(outdir);

    const onlySupport = await cli(['plan', '--app', outdir, '--stack', 'support', '--format', 'json', '--detailed-exitcode']);

    expect(onlySupport.code).toBe(0);
    const plan = JSON.parse(onlySupport.stdout);
    expect(plan.stacks.map((s: { target: { stack: string } }) => s.target.stack)).toEqual(['support']);
    expect(plan.summary).toEqual({ create: 0, update: 0, release: 0, delete: 0, unchanged: 1, drifted: 0, unmanaged: 1, refused: 0 });
    expect(plan.stacks[0].unmanaged).toEqual([expect.objectContaining({ tenant: 'outsider' })]);
    const applied = await cli(['apply', '--app', outdir, '--stack', 'billing', '--allow-delete', '--auto-approve']);
    expect(applied.stdout).toBe('No changes. SES tenants match the configuration.\n');
  });

  test('given output that is not a terminal, plan has no ANSI escapes unless colour is forced, and NO_COLOR and --no-color win over FORCE_COLOR', async () => {
    const app = v1();
    const plain = await cli(['plan', '--app', app], { NO_COLOR: '' });
    const forced = await cli(['plan', '--app', app], { NO_COLOR: '', FORCE_COLOR: '1' });
    const noColorEnv = await cli(['plan', '--app', app], { NO_COLOR: '1', FORCE_COLOR: '1' });
    const noColorFlag = await cli(['plan', '--app', app, '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' });

    expect(plain.stdout).toContain('+ acme  create');
    expect(plain.stdout + plain.stderr).not.toMatch(ANSI);
    expect(forced.stdout).toMatch(ANSI);
    expect(noColorEnv.stdout + noColorEnv.stderr).not.toMatch(ANSI);
    expect(noColorFlag.stdout).not.toMatch(ANSI);
    expect(noColorFlag.stdout).toBe(plain.stdout);
  });

  test('given credentials of another account than the stack declares, plan and apply refuse naming both accounts and write nothing', async () => {
    const app = v1();
    const otherAccount = '210987654321';
    await emu.client(APP_REGION, { credentials: fakeCredentials(otherAccount) }).send(new CreateTenantCommand({ TenantName: 'theirs' }));
    await emu.admin.resetStats();

    for (const args of [['plan'], ['apply', '--auto-approve']]) {
      const run = await cli([...args, '--app', app], { AWS_ACCESS_KEY_ID: otherAccount });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `Error: the credentials act in account ${otherAccount} (STS GetCallerIdentity), but stack rel targets account 123456789012. Nothing was changed`,
      );
    }
    expect(writeCount(await emu.admin.stats())).toBe(0);
  });

  test('given no terminal and no --auto-approve, apply asks for neither and changes nothing; a saved plan is never narrowed by --stack', async () => {
    const app = v1();

    const unapproved = await cli(['apply', '--app', app]);

    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toContain('Error: apply needs confirmation: run it on a terminal, or pass --auto-approve (or a reviewed plan file)');
    expect(writeCount(await emu.admin.stats())).toBe(0);

    const planFile = path.join(dir, 'reviewed.plan.json');
    expect((await cli(['plan', '--app', app, '--out', planFile])).code).toBe(0);
    const narrowed = await cli(['apply', planFile, '--app', app, '--stack', 'other']);

    expect(narrowed.code).toBe(1);
    expect(narrowed.stderr).toContain('Error: --stack cannot narrow a saved plan');
    expect(writeCount(await emu.admin.stats())).toBe(0);
  });
});
