import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { ConfigurationSet, EmailIdentity } from '../../src';
import type { SesTenantProps } from '../../src';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { writeCount } from '../support/kill-points';
import { TerraformWorkspace, terraformAvailable } from '../support/terraform';
import {
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

// The user's deploy path with real parts only: the real terraform applies a hooks-only stack
// (every resource by ARN, no provider) and its local-exec hooks run the real bundled hook program
// (dist/hook.js, copied into the stack's assets at synth) against the emulator. One story, in
// order: create, change in place, a failing hook, removal, destroy.

const STACK = 'hooks';
const describeIfTerraform = terraformAvailable() ? describe : describe.skip;

describeIfTerraform('hooks under the real terraform, against SES (the emulator)', () => {
  let root: string;
  let emu: EmulatorChild;
  let ws: TerraformWorkspace;
  let client: SESv2Client;
  let synths = 0;
  let firstIds: Record<string, string>;

  /** Synthesizes the stack with these tenants and loads it into the workspace (state kept). */
  const load = (tenants: SesTenantProps[]): void => {
    const outdir = synthTenantApp(path.join(root, `synth-${synths++}`), tenants, STACK);
    ws.load(path.join(outdir, 'stacks', STACK));
  };
  const base = (): SesTenantProps[] => [generatedTenant('acme'), generatedTenant('globex'), generatedTenant('initech')];
  // base() with a policy, tags and associations changed in code.
  const changed = (): SesTenantProps[] => [
    generatedTenant('acme', { reputationPolicy: 'strict' }),
    generatedTenant('globex', { tags: { team: 'billing', tier: 'gold' } }),
    generatedTenant('initech', {
      configurationSets: [ConfigurationSet.fromArn(appArn('configuration-set/shared')), ConfigurationSet.fromArn(appArn('configuration-set/marketing'))],
      templates: [],
    }),
  ];

  beforeAll(async () => {
    root = tempDir('e2e-terraform-hooks');
    // Its own process: terraform runs synchronously here and would block an in-process emulator.
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    ws = new TerraformWorkspace({
      env: {
        AWS_ENDPOINT_URL_SESV2: emu.url,
        AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
        AWS_SECRET_ACCESS_KEY: 'emulator-secret',
        AWS_CONFIG_FILE: '/nonexistent/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      },
    });
    await seedGeneratedResources(client, ['acme', 'globex', 'initech', 'hooli']);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    await client.send(new CreateTenantCommand({ TenantName: 'outsider', Tags: [{ Key: 'owner', Value: 'another-team' }] }));
  });
  afterAll(async () => {
    client.destroy();
    ws.dispose();
    await emu.kill('SIGKILL');
    removeDir(root);
  });

  test('terraform apply creates each tenant once with its associations, tags and the managed-by marker', async () => {
    load(base());
    await emu.admin.resetStats();

    const result = ws.apply();

    expect(result.stdout).toContain('Apply complete! Resources: 15 added, 0 changed, 0 destroyed.');
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant).toBe(3);
    expect(stats.operations.CreateTenantResourceAssociation).toBe(9);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'initech', 'outsider']);
    expect(live.globex.resources.map((r) => r.arn)).toEqual([
      appArn('configuration-set/shared'),
      appArn('identity/globex.example.com'),
      appArn('template/welcome'),
    ]);
    expect(live.globex.tags).toMatchObject({ team: 'team-6', 'ses-tenants:managed-by': STACK });
    expect(live.globex.reputationPolicy).toBe('standard');
    firstIds = tenantIds(live);
  });

  test('changing a policy, tags and an association in code and re-applying keeps every TenantId', async () => {
    load(changed());
    await emu.admin.resetStats();

    const result = ws.apply();

    // Two settings instances replaced (policy, tags), one association added and one removed; the
    // tenant instances only see their input updated in place, which runs no hook.
    expect(result.stdout).toContain('Apply complete! Resources: 3 added, 4 changed, 3 destroyed.');
    expect(result.stdout).toContain('# terraform_data.ses_tenant_settings["acme"] must be replaced');
    expect(result.stdout).toContain('# terraform_data.ses_tenant_settings["globex"] must be replaced');
    expect(result.stdout).not.toMatch(/# terraform_data\.ses_tenant\["\w+"\] must be replaced/);
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    expect(stats.operations.DeleteTenant ?? 0).toBe(0);
    expect(stats.operations.CreateTenantResourceAssociation).toBe(1);
    expect(stats.operations.DeleteTenantResourceAssociation).toBe(1);
    const live = await readLiveTenants(client);
    expect(tenantIds(live)).toEqual(firstIds);
    expect(live.acme.reputationPolicy).toBe('strict');
    expect(live.globex.tags).toMatchObject({ team: 'billing', tier: 'gold' });
    expect(live.initech.resources.map((r) => r.name)).toEqual(['marketing', 'shared', 'initech.example.com']);
  });

  test('a new version of the hook program (another asset hash) changes nothing: terraform apply finds no change and SES sees no request', async () => {
    const hookDir = path.join(ws.dir, 'assets', 'ses-tenants-hook');
    const [hash] = fs.readdirSync(hookDir);
    fs.renameSync(path.join(hookDir, hash), path.join(hookDir, 'NEXTVERSION'));
    const config = path.join(ws.dir, 'cdk.tf.json');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').split(hash).join('NEXTVERSION'));
    await emu.admin.resetStats();

    const result = ws.apply();

    expect(result.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect((await emu.admin.stats()).total).toBe(0);
  });

  test('a hook that fails (an identity that does not exist) fails terraform apply with the hook\'s one-line message', async () => {
    load([...changed(), generatedTenant('hooli', { emailIdentities: [EmailIdentity.fromArn(appArn('identity/ghost.example.com'))] })]);

    const result = ws.run(['apply', '-auto-approve', '-input=false', '-no-color'], { allowFailure: true });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: local-exec provisioner error');
    expect(result.stderr).toContain('terraform_data.ses_tenant_association["hooli|identity|ghost.example.com"]');
    // Terraform wraps the output; the hook printed one line.
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(
      'exit status 1. Output: ses-tenants hook association-create hooli: NotFoundException: associate failed: Identity ghost.example.com does not exist (HTTP 404)',
    );
    const live = await readLiveTenants(client);
    expect(live.hooli.resources.map((r) => r.name)).not.toContain('ghost.example.com');
    expect(tenantIds(live)).toMatchObject(firstIds);
  });

  test('removing tenants from code deletes them; the others keep their TenantIds', async () => {
    load(changed().filter((t) => t.tenantName !== 'initech'));
    await emu.admin.resetStats();

    const result = ws.apply();

    expect(result.stdout).toMatch(/Apply complete! Resources: \d+ added, \d+ changed, \d+ destroyed\./);
    const stats = await emu.admin.stats();
    expect(stats.operations.DeleteTenant).toBe(2);
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'outsider']);
    expect(tenantIds(live)).toEqual({ acme: firstIds.acme, globex: firstIds.globex, outsider: firstIds.outsider });
  });

  test('terraform destroy removes every tenant of the stack and leaves the unmanaged one untouched', async () => {
    const outsider = (await readLiveTenants(client)).outsider;
    await emu.admin.resetStats();

    const result = ws.destroy();

    expect(result.stdout).toMatch(/Destroy complete! Resources: \d+ destroyed\./);
    const stats = await emu.admin.stats();
    expect(stats.operations.DeleteTenant).toBe(2);
    expect(stats.operations.DeleteTenantResourceAssociation).toBe(6);
    expect(writeCount(stats)).toBe(8);
    expect(await readLiveTenants(client)).toEqual({ outsider });
    expect(ws.stateList()).toEqual([]);
  });
});
