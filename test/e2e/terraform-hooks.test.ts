import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateTenantCommand, DeleteTenantCommand, SESv2Client, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import { runCliProcess } from '../support/cli-process';
import { ConfigurationSet, EmailIdentity } from '../../src';
import type { SesTenantProps } from '../../src';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { TerraformWorkspace, terraformAvailable } from '../support/terraform';
import {
  APP_REGION,
  appArn,
  appMarker,
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
// order: create, change in place, true drift after an association-only change, a failing hook, a
// taint (nothing in SES changes), a tenant deleted out of band (re-created, its new TenantId said),
// removal (retain releases, destroy deletes), destroy (releases everything).

const STACK = 'hooks';

/**
 * An admin call made right after a long synchronous terraform run: the emulator may have closed the
 * idle keep-alive socket meanwhile (the event loop was blocked), so a refused reuse is tried once more.
 */
async function admin<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if ((err as Error).message !== 'fetch failed') throw err;
    return call();
  }
}
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
    generatedTenant('globex', { tags: { team: 'billing', tier: 'gold' }, removalPolicy: 'destroy' }),
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
    await admin(() => emu.admin.resetStats());

    const result = ws.apply();

    expect(result.stdout).toContain('Apply complete! Resources: 15 added, 0 changed, 0 destroyed.');
    const stats = await admin(() => emu.admin.stats());
    expect(stats.operations.CreateTenant).toBe(3);
    expect(stats.operations.CreateTenantResourceAssociation).toBe(9);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'initech', 'outsider']);
    expect(live.globex.resources.map((r) => r.arn)).toEqual([
      appArn('configuration-set/shared'),
      appArn('identity/globex.example.com'),
      appArn('template/welcome'),
    ]);
    expect(live.globex.tags).toMatchObject({ team: 'team-6', 'ses-tenants:managed-by': appMarker(STACK), 'ses-tenants:spec-hash': expect.any(String) });
    expect(live.globex.reputationPolicy).toBe('standard');
    firstIds = tenantIds(live);
  });

  test('changing a policy, tags and an association in code and re-applying keeps every TenantId', async () => {
    load(changed());
    await admin(() => emu.admin.resetStats());

    const result = ws.apply();

    // Every settings instance replaced (policy; tags and removal policy; associations), one
    // association added and one removed; the tenant instances only see their input updated in
    // place, which runs no hook.
    // (globex's associations also see their input, the removal policy, updated in place.)
    expect(result.stdout).toContain('Apply complete! Resources: 4 added, 6 changed, 4 destroyed.');
    for (const t of ['acme', 'globex', 'initech']) expect(result.stdout).toContain(`# terraform_data.ses_tenant_settings["${t}"] must be replaced`);
    expect(result.stdout).not.toMatch(/# terraform_data\.ses_tenant\["\w+"\] must be replaced/);
    const stats = await admin(() => emu.admin.stats());
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

  test('after a deploy that changed only associations, an out-of-band policy change is drift: ses-tenants drift exits 2 and plan labels it', async () => {
    await client.send(new UpdateReputationEntityPolicyCommand({
      ReputationEntityType: 'RESOURCE',
      ReputationEntityReference: (await readLiveTenants(client)).initech.arn,
      ReputationEntityPolicy: 'arn:aws:ses:eu-central-1:aws:reputation-policy/none',
    }));
    const app = path.join(root, `synth-${synths - 1}`);

    const drift = await runCliProcess(['drift', '--app', app, '--endpoint', emu.url]);

    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`~ initech  update  ${firstIds.initech}  [drift: changed outside the code since the last apply]`);
    expect(drift.stdout).toContain('~ reputation policy none → standard');
    // cdktf deploy does not see it (nothing changed in the configuration); ses-tenants apply repairs it.
    expect(ws.apply().stdout).toContain('No changes.');
    expect((await runCliProcess(['apply', '--app', app, '--endpoint', emu.url, '--auto-approve'])).code).toBe(0);
    expect((await runCliProcess(['drift', '--app', app, '--endpoint', emu.url])).code).toBe(0);
  });

  test('a new version of the hook program (another asset hash) changes nothing: terraform apply finds no change and SES sees no request', async () => {
    const hookDir = path.join(ws.dir, 'assets', 'ses-tenants-hook');
    const [hash] = fs.readdirSync(hookDir);
    fs.renameSync(path.join(hookDir, hash), path.join(hookDir, 'NEXTVERSION'));
    const config = path.join(ws.dir, 'cdk.tf.json');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').split(hash).join('NEXTVERSION'));
    await admin(() => emu.admin.resetStats());

    const result = ws.apply();

    expect(result.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect((await admin(() => emu.admin.stats())).total).toBe(0);
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

  test('terraform taint of a tenant hook changes nothing in SES: same TenantId, no delete, no disassociate or associate', async () => {
    load([...changed(), generatedTenant('hooli')]);
    ws.apply();
    const before = await readLiveTenants(client);
    await admin(() => emu.admin.resetStats());

    const result = ws.apply('-replace=terraform_data.ses_tenant["acme"]');

    expect(result.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 1 destroyed.');
    const stats = await admin(() => emu.admin.stats());
    for (const op of ['DeleteTenant', 'CreateTenant', 'CreateTenantResourceAssociation', 'DeleteTenantResourceAssociation']) expect({ op, n: stats.operations[op] ?? 0 }).toEqual({ op, n: 0 });
    expect(await readLiveTenants(client)).toEqual(before);
  });

  test('a tenant deleted out of band is re-created by the next deploy that runs its hooks, which says it got a new TenantId', async () => {
    await client.send(new DeleteTenantCommand({ TenantName: 'acme' }));
    load([...changed().map((t) => (t.tenantName === 'acme' ? generatedTenant('acme', { reputationPolicy: 'strict', tags: { team: 'payments' } }) : t)), generatedTenant('hooli')]);

    const result = ws.apply();

    const live = await readLiveTenants(client);
    expect(live.acme.id).not.toBe(firstIds.acme);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(`tenant acme did not exist (deleted outside cdktf-ses-tenants?): re-created it with a NEW TenantId ${live.acme.id}`);
    expect(live.acme.resources).toHaveLength(3);
    expect(live.acme).toMatchObject({ reputationPolicy: 'strict', tags: { team: 'payments', 'ses-tenants:managed-by': appMarker(STACK) } });
    firstIds.acme = live.acme.id;
  });

  test('removing tenants from code releases those retained (tenant, associations, TenantId kept) and deletes those declared destroy', async () => {
    const before = await readLiveTenants(client);
    load([generatedTenant('acme', { reputationPolicy: 'strict', tags: { team: 'payments' } }), generatedTenant('hooli')]);
    await admin(() => emu.admin.resetStats());

    const result = ws.apply();

    expect(result.stdout).toMatch(/Apply complete! Resources: \d+ added, \d+ changed, \d+ destroyed\./);
    const stats = await admin(() => emu.admin.stats());
    expect(stats.operations.DeleteTenant).toBe(1);
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'hooli', 'initech', 'outsider']);
    expect(live.initech.id).toBe(firstIds.initech);
    expect(live.initech.resources).toEqual(before.initech.resources);
    expect(live.initech.tags).toEqual({ team: before.initech.tags.team, 'ses-tenants:released-by': appMarker(STACK) });
  });

  test('terraform destroy releases every tenant of the stack whatever its policy (a destroy-time hook cannot tell a destroy from a replace) and leaves the unmanaged one untouched', async () => {
    const before = await readLiveTenants(client);
    await admin(() => emu.admin.resetStats());

    const result = ws.destroy();

    expect(result.stdout).toMatch(/Destroy complete! Resources: \d+ destroyed\./);
    const stats = await admin(() => emu.admin.stats());
    expect(stats.operations.DeleteTenant ?? 0).toBe(0);
    expect(stats.operations.DeleteTenantResourceAssociation ?? 0).toBe(0);
    const live = await readLiveTenants(client);
    expect(tenantIds(live)).toEqual(tenantIds(before));
    expect(live.outsider).toEqual(before.outsider);
    expect(live.acme.tags['ses-tenants:released-by']).toBe(appMarker(STACK));
    expect(live.acme.tags['ses-tenants:managed-by']).toBeUndefined();
    expect(ws.stateList()).toEqual([]);
  });
});
