import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { TenantStack } from '../../src';
import type { SesTenantProps, TenantStackProps } from '../../src';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { emulatorTerraformEnv } from '../support/emulator-terraform-env';
import { runTerraform, describeWithTerraform } from '../support/terraform';
import { APP_ACCOUNT, APP_REGION, generatedTenant, readLiveTenants, removeDir, seedGeneratedResources, tempDir, tenantIds } from '../support/tenant-app';

// Moving a deployed hooks stack to the provider backend with the real terraform, against the
// emulator: the stack is synthesized into the same cdktf.out each time (its local state sits next
// to it), deployed with the hooks, then synthesized with `backend: 'provider', migrateFromHooks: true`.

const STACK = 'moving';
const NAMES = ['acme', 'globex', 'initech'];
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag)/;

describeWithTerraform('hooks → provider migration under the real terraform', () => {
  let root: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let env: NodeJS.ProcessEnv;
  let ids: Record<string, string>;
  const stackDir = (): string => path.join(root, 'cdktf.out', 'stacks', STACK);
  const tf = (command: string, ...args: string[]) => runTerraform(stackDir(), [command, '-input=false', '-no-color', ...args], { env });
  const synth = (props: Partial<TenantStackProps>, tenants: SesTenantProps[] = NAMES.map((n) => generatedTenant(n))): void => {
    const app = new App({ outdir: path.join(root, 'cdktf.out') });
    const stack = new TenantStack(app, STACK, { region: APP_REGION, accountId: APP_ACCOUNT, ...props });
    for (const t of tenants) stack.addTenant(t);
    app.synth();
  };
  const writes = async (): Promise<Record<string, number>> =>
    Object.fromEntries(Object.entries((await emu.admin.stats()).operations).filter(([op, n]) => WRITE.test(op) && Number(n) > 0)) as Record<string, number>;

  beforeAll(async () => {
    root = tempDir('e2e-hooks-to-provider');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    env = emulatorTerraformEnv(root, emu.url);
    await seedGeneratedResources(client, [...NAMES, 'hooli']);
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await emu?.kill('SIGKILL');
    if (root) removeDir(root);
  });

  test('the hooks deploy the tenants', async () => {
    synth({ backend: 'hooks' });
    tf('init');
    expect(tf('apply', '-auto-approve').stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(NAMES);
    ids = tenantIds(live);
  }, 300_000);

  test('with migrateFromHooks the plan imports every tenant, adds and destroys nothing, and forgets the hooks', async () => {
    synth({ backend: 'provider', migrateFromHooks: true });
    tf('init');
    await emu.admin.resetStats();
    const plan = tf('plan', '-out=move.tfplan');
    expect(plan.stdout).toContain(`Plan: ${NAMES.length} to import, 0 to add, 0 to change, 0 to destroy.`);
    for (const name of NAMES) {
      expect(plan.stdout).toContain(`sestenants_tenant.ses_tenant["${name}"] will be imported`);
      expect(plan.stdout).toContain(`terraform_data.ses_tenant["${name}"] will no longer be managed by Terraform`);
    }
    expect(await writes()).toEqual({});

    const apply = tf('apply', 'move.tfplan');
    expect(apply.stdout).toContain(`Apply complete! Resources: ${NAMES.length} imported, 0 added, 0 changed, 0 destroyed.`);
    expect(apply.stdout).not.toMatch(/local-exec|Destroying/);
    expect(await writes()).toEqual({});
    expect(tenantIds(await readLiveTenants(client))).toEqual(ids);
    const state = runTerraform(stackDir(), ['state', 'list'], { env }).stdout.split('\n').filter(Boolean).sort();
    expect(state).toEqual(['data.sestenants_orphaned_tenants.ses_tenant_orphans', ...NAMES.map((n) => `sestenants_tenant.ses_tenant["${n}"]`)]);
  }, 300_000);

  test('after the move, without the prop: a no-op plan; a new tenant is created and a moved one updated in place by the provider', async () => {
    synth({ backend: 'provider' });
    await emu.admin.resetStats();
    const plan = tf('plan', '-detailed-exitcode');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    expect(await writes()).toEqual({});

    synth({ backend: 'provider' }, [...NAMES, 'hooli'].map((n) => generatedTenant(n)));
    const apply = tf('apply', '-auto-approve');
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual([...NAMES, 'hooli'].sort());
    expect(tenantIds(live)).toMatchObject(ids);

    // A moved tenant is the provider's own: a change in code updates it in place.
    synth({ backend: 'provider' }, [generatedTenant('acme', { reputationPolicy: 'strict' }), ...[...NAMES.slice(1), 'hooli'].map((n) => generatedTenant(n))]);
    expect(tf('apply', '-auto-approve').stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    const updated = await readLiveTenants(client);
    expect(updated.acme.reputationPolicy).toBe('strict');
    expect(tenantIds(updated)).toMatchObject(ids);
  }, 300_000);
});
