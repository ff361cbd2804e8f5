import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { runCliProcess, type CliRun } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import {
  APP_REGION,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  synthTenantApp,
  tempDir,
  tenantIds,
} from '../support/tenant-app';
import { UserProject } from '../support/user-project';

// Bringing live tenants under code: `ses-tenants import` writes a TypeScript stack, the user makes
// it the app of a cdktf project (installed library, `node app.js`), and `plan --app PROJECT`
// (which synthesizes the project as `cdktf synth` does) finds nothing to change.

describe('ses-tenants import round trip', () => {
  const emu = withEmulator();
  let dir: string;
  const cli = (args: string[]): Promise<CliRun> => runCliProcess([...args, '--endpoint', emu.url]);

  beforeEach(() => {
    dir = tempDir('cli-import');
  });
  afterEach(() => removeDir(dir));

  test('given tenants applied with every kind of setting (template syntax, quotes and unicode in tags too), the imported stack synthesizes and plans with no changes and the same TenantIds', async () => {
    const client = emu.client(APP_REGION);
    await seedGeneratedResources(client, ['acme', 'globex', 'initech', 'hooli']);
    const app = synthTenantApp(path.join(dir, 'original'), [
      generatedTenant('acme'),
      generatedTenant('globex', { reputationPolicy: 'strict', sendingStatus: 'disabled', tags: { team: 'billing', 'cost-center': '4711' } }),
      generatedTenant('initech', { reputationPolicy: 'none', suppression: { scope: 'TENANT', reasons: ['BOUNCE'] }, templates: [] }),
      generatedTenant('hooli', { emailIdentities: [], allowIncompleteSending: true, tags: { note: 'cost ${var.x} %{ if x }', empty: '', city: 'Zürich ✓', 'a/b:c=d': 'quote \' " \\ `' } }),
    ]);
    expect((await cli(['apply', '--app', app, '--auto-approve'])).code).toBe(0);
    const applied = await readLiveTenants(client);
    const project = new UserProject(path.join(dir, 'project'));
    const generated = path.join(project.dir, 'app.ts');

    const imported = await cli(['import', '--region', APP_REGION, '--out', generated]);

    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`Wrote 4 tenants to ${generated}`);
    const source = fs.readFileSync(generated, 'utf8');
    expect(source).toContain(`import { ConfigurationSet, EmailIdentity, EmailTemplate, SesTenant, TenantStack } from "cdktf-ses-tenants";`);
    expect(source).toContain('export function declareImportedTenants(app: App): TenantStack[] {');
    expect(source).toContain(`const stack = new TenantStack(app, "rel", {\n      owner: "test-app",`);
    expect(source).not.toContain('adopt: true');
    project.writeApp(source);
    await emu.admin.resetStats();

    const plan = await cli(['plan', '--app', project.dir, '--detailed-exitcode']);

    expect(plan.stderr).not.toContain('Error');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Stack rel · eu-central-1 · account 123456789012\n  no changes\n  = 4 unchanged\n');
    expect(plan.stdout).toContain('Plan: 0 to create, 0 to update, 0 to release, 0 to delete, 4 unchanged, 0 unmanaged.');
    expect(fs.existsSync(path.join(project.dir, 'cdktf.out', 'stacks', 'rel', 'cdk.tf.json'))).toBe(true);
    expect((await cli(['apply', '--app', project.dir, '--auto-approve'])).stdout).toBe('No changes. SES tenants match the configuration.\n');
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(tenantIds(await readLiveTenants(client))).toEqual(tenantIds(applied));
  });

  test('given a tenant created outside any stack, import declares it and the plan adopts it in place, keeping its TenantId', async () => {
    const client = emu.client(APP_REGION);
    await client.send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    const before = await readLiveTenants(client);
    const project = new UserProject(path.join(dir, 'project'));
    const generated = path.join(project.dir, 'app.ts');

    const imported = await cli(['import', '--region', APP_REGION, '--out', generated]);
    expect(imported.code).toBe(0);
    project.writeApp(fs.readFileSync(generated, 'utf8'));
    const plan = await cli(['plan', '--app', project.dir, '--detailed-exitcode']);

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`Stack ses-tenants-eu-central-1 · eu-central-1`);
    expect(plan.stdout).toContain(`~ legacy  update  ${before.legacy.id}`);
    expect(plan.stdout).toContain('[adopt: taken over by this stack]');
    expect(plan.stdout).toContain('! adopt from outside cdktf-ses-tenants (no marker): this stack takes it over and converges it to its code');
    expect(plan.stdout).not.toContain('drift');
    expect((await cli(['apply', '--app', project.dir, '--auto-approve'])).code).toBe(0);
    const after = await readLiveTenants(client);
    expect(after.legacy.id).toBe(before.legacy.id);
    expect(after.legacy.tags).toMatchObject({ owner: 'ops', 'ses-tenants:managed-by': 'ses-tenants-e2e/ses-tenants-eu-central-1' });
    expect((await cli(['plan', '--app', project.dir, '--detailed-exitcode'])).code).toBe(0);
  });

  test('given tenants of two apps and an unmarked one, import without --stack writes one stack per owner/stack, never merging them, and the plan changes nothing of theirs', async () => {
    const client = emu.client(APP_REGION);
    await seedGeneratedResources(client, ['acme', 'globex']);
    expect((await cli(['apply', '--app', synthTenantApp(path.join(dir, 'a'), [generatedTenant('acme')], 'ses-eu', 'repo-a'), '--auto-approve'])).code).toBe(0);
    expect((await cli(['apply', '--app', synthTenantApp(path.join(dir, 'b'), [generatedTenant('globex')], 'billing', 'repo-b'), '--auto-approve'])).code).toBe(0);
    await client.send(new CreateTenantCommand({ TenantName: 'legacy' }));
    const project = new UserProject(path.join(dir, 'project'));
    const generated = path.join(project.dir, 'app.ts');

    expect((await cli(['import', '--region', APP_REGION, '--out', generated])).code).toBe(0);

    const source = fs.readFileSync(generated, 'utf8');
    expect(source).toContain('in 3 stacks (one per owner/stack marker found)');
    expect(source).toContain('new TenantStack(app, "ses-eu", {\n      owner: "repo-a",');
    expect(source).toContain('new TenantStack(app, "billing", {\n      owner: "repo-b",');
    expect(source).toContain('new TenantStack(app, "ses-tenants-eu-central-1", {');
    expect(source.match(/adopt: true/g)).toHaveLength(1);
    project.writeApp(source);
    const plan = await cli(['plan', '--app', project.dir]);
    expect(plan.stdout).toContain('Plan: 0 to create, 1 to update, 0 to release, 0 to delete, 2 unchanged, 0 unmanaged.');
    expect(plan.stdout).toContain('~ legacy  update');
  });

  test('given two owners that both name their stack "mail", --owner imports one of them (no adopt, no change at plan) and --stack adopts none of another owner\'s tenants unless --adopt-owner names it', async () => {
    const client = emu.client(APP_REGION);
    await seedGeneratedResources(client, ['acme', 'globex', 'initech']);
    expect((await cli(['apply', '--app', synthTenantApp(path.join(dir, 'a'), [generatedTenant('acme'), generatedTenant('initech')], 'mail', 'team-a'), '--auto-approve'])).code).toBe(0);
    expect((await cli(['apply', '--app', synthTenantApp(path.join(dir, 'b'), [generatedTenant('globex')], 'mail', 'team-b'), '--auto-approve'])).code).toBe(0);
    await client.send(new CreateTenantCommand({ TenantName: 'legacy' }));
    const before = await readLiveTenants(client);

    const clash = await cli(['import', '--region', APP_REGION]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('mail (team-a/mail, team-b/mail)');
    expect(clash.stderr).toContain('--owner OWNER');

    const merged = await cli(['import', '--region', APP_REGION, '--stack', 'mail']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('1 tenant of aws/eu-central-1/123456789012, in stack mail (--stack).');
    expect(merged.stdout.match(/adopt: true/g)).toHaveLength(1);
    expect(merged.stdout).not.toMatch(/"(acme|globex|initech)"/);
    expect(merged.stderr).toContain('Left out 2 tenant(s) managed by app team-a stack mail (not adopted without --adopt-owner "team-a")');
    const asked = await cli(['import', '--region', APP_REGION, '--stack', 'mail', '--adopt-owner', 'team-b']);
    expect(asked.stdout.match(/adopt: true/g)).toHaveLength(2);
    expect(asked.stdout).toContain('tenantName: "globex"');
    expect(asked.stdout).not.toContain('tenantName: "acme"');

    const project = new UserProject(path.join(dir, 'project'));
    const generated = path.join(project.dir, 'app.ts');
    expect((await cli(['import', '--region', APP_REGION, '--owner', 'team-a', '--out', generated])).code).toBe(0);
    const source = fs.readFileSync(generated, 'utf8');
    expect(source).toContain('2 tenants of aws/eu-central-1/123456789012, in 1 stack (one per owner/stack marker found).');
    expect(source).toContain('new TenantStack(app, "mail", {\n      owner: "team-a",');
    expect(source).not.toContain('adopt: true');
    project.writeApp(source);
    const plan = await cli(['plan', '--app', project.dir, '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Plan: 0 to create, 0 to update, 0 to release, 0 to delete, 2 unchanged, 2 unmanaged.');
    expect(await readLiveTenants(client)).toEqual(before);
  });
});
