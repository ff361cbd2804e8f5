import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateTenantCommand, DeleteTenantCommand, SESv2Client, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { runCliProcess } from '../support/cli-process';
import { ConfigurationSet, EmailIdentity, TenantStack } from '../../src';
import type { SesTenantProps } from '../../src';
import { readSynthStack } from '../../src/engine/synth-output';
import { SPEC_HASH_TAG, tenantSpecHash } from '../../src/tenant-spec';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { TerraformWorkspace, describeWithTerraform } from '../support/terraform';
import {
  APP_ACCOUNT,
  APP_OWNER,
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

/**
 * The emulator in its own process (terraform runs synchronously here and would block an
 * in-process one), a client of it, and a workspace whose hooks reach it with fake credentials.
 */
async function startEmulatorAndWorkspace(): Promise<{ emu: EmulatorChild; client: SESv2Client; ws: TerraformWorkspace }> {
  const emu = await startEmulatorChild([]);
  const client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
  const ws = new TerraformWorkspace({
    env: {
      AWS_ENDPOINT_URL_SESV2: emu.url,
      AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    },
  });
  return { emu, client, ws };
}

describeWithTerraform('hooks under the real terraform, against SES (the emulator)', () => {
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
    ({ emu, client, ws } = await startEmulatorAndWorkspace());
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
    // association added and one removed. A tenant instance keeps only its name and removal
    // policy: globex's (and its associations') input is updated in place, which runs no hook;
    // acme's and initech's are untouched.
    expect(result.stdout).toContain('Apply complete! Resources: 4 added, 4 changed, 4 destroyed.');
    for (const t of ['acme', 'globex', 'initech']) expect(result.stdout).toContain(`# terraform_data.ses_tenant_settings["${t}"] must be replaced`);
    expect(result.stdout).toContain('# terraform_data.ses_tenant["globex"] will be updated in-place');
    expect(result.stdout).not.toMatch(/# terraform_data\.ses_tenant\["(acme|initech)"\]/);
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
    expect(live.initech.tags).toEqual({ team: before.initech.tags.team, 'ses-tenants:released-by': appMarker(STACK), 'ses-tenants:released-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
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

// A hooks stack deployed by the release before the inputs were trimmed (every hook instance kept
// its tenant's whole spec in `input`, an object mirrored in `output`) is upgraded: the plan only
// updates inputs in place, the apply runs no hook, and the trimmed state still serves every hook.
describeWithTerraform('upgrading a deployed hooks stack to the trimmed hook inputs', () => {
  const UPGRADED = 'upgraded';
  let root: string;
  let emu: EmulatorChild;
  let ws: TerraformWorkspace;
  let client: SESv2Client;
  let synths = 0;

  /** Synthesizes a hooks-backend stack with these tenants and loads it into the workspace (state kept). */
  const load = (tenants: SesTenantProps[]): void => {
    const outdir = path.join(root, `synth-${synths++}`);
    const app = new App({ outdir });
    const stack = new TenantStack(app, UPGRADED, { owner: APP_OWNER, region: APP_REGION, accountId: APP_ACCOUNT, backend: 'hooks' });
    for (const t of tenants) stack.addTenant(t);
    app.synth();
    ws.load(path.join(outdir, 'stacks', UPGRADED));
  };

  /** Rewrites the loaded hook blocks as the release before the trim synthesized them. */
  const asBeforeTheTrim = (): void => {
    const file = path.join(ws.dir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    const blocks = config.resource.terraform_data;
    const whole = { target: '${local.ses_tenants_stack}', tenant: '${each.value}' };
    blocks.ses_tenant.input = whole;
    blocks.ses_tenant_settings.input = whole;
    blocks.ses_tenant_association.input = {
      target: '${local.ses_tenants_stack}',
      tenant: '${each.value.tenant}',
      resource: '${each.value.resource}',
      removalPolicy: '${each.value.removalPolicy}',
    };
    for (const block of Object.values<{ provisioner: { 'local-exec': { environment: Record<string, string> } }[] }>(blocks)) {
      for (const p of block.provisioner) p['local-exec'].environment.SES_TENANTS_HOOK_INPUT = '${jsonencode(self.input)}';
    }
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
  };

  /** `terraform plan -out`, then its JSON: what each instance would do and which of its attributes change. */
  const plannedChanges = (): { address: string; actions: string[]; changed: string[] }[] => {
    ws.run(['plan', '-input=false', '-no-color', '-out=upgrade.tfplan']);
    const plan = JSON.parse(ws.run(['show', '-json', 'upgrade.tfplan']).stdout) as {
      resource_changes: { address: string; change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null } }[];
    };
    return plan.resource_changes.map(({ address, change }) => ({
      address,
      actions: change.actions,
      changed: Object.keys({ ...change.before, ...change.after })
        .filter((k) => JSON.stringify(change.before?.[k]) !== JSON.stringify(change.after?.[k]))
        .sort(),
    }));
  };

  const tenants = (): SesTenantProps[] => [
    generatedTenant('acme'),
    generatedTenant('globex', { removalPolicy: 'destroy', tags: { team: 'billing', note: '"; touch pwned-upgrade #' } }),
    generatedTenant('initech', { reputationPolicy: 'strict' }),
  ];

  beforeAll(async () => {
    root = tempDir('e2e-hooks-upgrade');
    ({ emu, client, ws } = await startEmulatorAndWorkspace());
    await seedGeneratedResources(client, ['acme', 'globex', 'initech']);
    load(tenants());
    asBeforeTheTrim();
    expect(ws.apply().stdout).toContain('Apply complete! Resources: 15 added, 0 changed, 0 destroyed.');
  });
  afterAll(async () => {
    client.destroy();
    ws.dispose();
    await emu.kill('SIGKILL');
    removeDir(root);
  });

  test('the plan of the upgrade updates input (and its mirror output) in place, replaces nothing, and its apply sends SES nothing', async () => {
    const before = await readLiveTenants(client);
    load(tenants());

    const changes = plannedChanges();

    expect(changes).toHaveLength(15);
    for (const c of changes) expect({ address: c.address, actions: c.actions, changed: c.changed }).toEqual({ address: c.address, actions: ['update'], changed: ['input', 'output'] });
    await admin(() => emu.admin.resetStats());
    const result = ws.run(['apply', '-input=false', '-no-color', 'upgrade.tfplan']);
    expect(result.stdout).toContain('Apply complete! Resources: 0 added, 15 changed, 0 destroyed.');
    expect(result.stdout).not.toContain('Provisioning with');
    expect((await admin(() => emu.admin.stats())).total).toBe(0);
    expect(await readLiveTenants(client)).toEqual(before);
    expect(ws.apply().stdout).toContain('No changes.');
  });

  test('the trimmed state keeps only what the destroy hooks need: name and removal policy per tenant, one resource per association, no settings input', () => {
    const state = JSON.parse(ws.run(['show', '-json']).stdout) as { values: { root_module: { resources: { address: string; type: string; name: string; values: Record<string, unknown> }[] } } };
    const target = { formatVersion: 2, owner: APP_OWNER, stack: UPGRADED, region: APP_REGION, account: APP_ACCOUNT, partition: 'aws', tenantQuota: 10000 };
    const byAddress = Object.fromEntries(state.values.root_module.resources.map((r) => [r.address, r.values]));
    expect(JSON.parse(byAddress['terraform_data.ses_tenant["globex"]'].input as string)).toEqual({ target, tenant: 'globex', removalPolicy: 'destroy' });
    expect(JSON.parse(byAddress['terraform_data.ses_tenant_association["globex|identity|globex.example.com"]'].input as string)).toEqual({
      target,
      tenant: 'globex',
      resource: { type: 'identity', name: 'globex.example.com', arn: appArn('identity/globex.example.com') },
      removalPolicy: 'destroy',
    });
    expect(byAddress['terraform_data.ses_tenant_settings["globex"]'].input).toBeNull();
    expect(JSON.stringify(state)).not.toContain('pwned-upgrade');
  });

  test('after the upgrade, a spec change runs the settings hook with the whole spec (its spec-hash exact), and removing a destroy tenant deletes it', async () => {
    const next = [generatedTenant('acme', { reputationPolicy: 'none' }), generatedTenant('initech', { reputationPolicy: 'strict' })];
    load(next);
    await admin(() => emu.admin.resetStats());

    const result = ws.apply();

    expect(result.stdout).toContain('Apply complete!');
    const stats = await admin(() => emu.admin.stats());
    expect(stats.operations.DeleteTenant).toBe(1);
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'initech']);
    expect(live.acme.reputationPolicy).toBe('none');
    const declared = readSynthStack(JSON.parse(fs.readFileSync(path.join(ws.dir, 'cdk.tf.json'), 'utf8')), 'cdk.tf.json').tenants;
    for (const name of ['acme', 'initech']) expect({ name, hash: live[name].tags[SPEC_HASH_TAG] }).toEqual({ name, hash: tenantSpecHash(declared[name]) });
    expect(fs.readdirSync(ws.dir).filter((f) => f.includes('pwned'))).toEqual([]);
  });
});
