import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand, SESv2Client, TagResourceCommand, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import { fakeCredentials } from '../../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../../support/emulator-process';
import { APP_ACCOUNT, APP_REGION, appArn, readLiveTenants, removeDir, seedGeneratedResources, tempDir } from '../../support/tenant-app';
import { runTerraform, describeWithTerraform, type TerraformResult } from '../../support/terraform';
import { emulatorTerraformEnv, installProviderFile, providerBlocks, TEST_MARKER, terraformArgs } from '../install-provider';

// The sestenants provider (dist/terraform-provider-sestenants.js) under the real terraform,
// offline, against the emulator in its own process.

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const BUNDLE = path.join(__dirname, '..', '..', '..', 'dist', 'terraform-provider-sestenants.js');

interface TenantConfig {
  readonly arns?: readonly string[];
  readonly policy?: string;
  readonly status?: string;
  readonly tags?: Record<string, string>;
  readonly suppression?: { readonly scope: string; readonly reasons: readonly string[] };
  readonly removal?: 'retain' | 'destroy';
  readonly adopt?: boolean;
}

describeWithTerraform('sestenants_tenant under the real terraform, against the emulator', () => {
  let dir: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let env: NodeJS.ProcessEnv;

  let written: Record<string, TenantConfig> = {};
  const stats = () => emu.admin.stats();
  const write = (tenants: Record<string, TenantConfig>, extra = ''): void => {
    written = tenants;
    const blocks = Object.entries(tenants).map(([name, t]) =>
      [
        `resource "sestenants_tenant" ${JSON.stringify(name)} {`,
        `  name = ${JSON.stringify(name)}`,
        t.arns ? `  resource_associations = ${JSON.stringify(t.arns)}` : '',
        t.policy ? `  reputation_policy = ${JSON.stringify(t.policy)}` : '',
        t.status ? `  sending_status = ${JSON.stringify(t.status)}` : '',
        t.removal ? `  removal_policy = ${JSON.stringify(t.removal)}` : '',
        t.adopt ? '  adopt = true' : '',
        t.suppression ? `  suppression {\n    scope = ${JSON.stringify(t.suppression.scope)}\n    reasons = ${JSON.stringify(t.suppression.reasons)}\n  }` : '',
        t.tags ? `  tags = {\n${Object.entries(t.tags).map(([k, v]) => `    ${JSON.stringify(k)} = ${JSON.stringify(v)}`).join('\n')}\n  }` : '',
        '}',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      [
        providerBlocks(emu.url, { region: APP_REGION, account: APP_ACCOUNT, extra: [`allowed_account_ids = ["${APP_ACCOUNT}"]`] }),
        ...blocks,
        extra,
      ].join('\n'),
    );
  };
  const tf = (args: string[], allowFailure = false): TerraformResult => runTerraform(dir, terraformArgs(args), { env, allowFailure });
  const acme = (over: TenantConfig = {}): TenantConfig => ({
    arns: [appArn('identity/acme.example.com'), appArn('configuration-set/shared')],
    tags: { team: 'mail' },
    ...over,
  });

  beforeAll(async () => {
    dir = tempDir('sestenants-provider');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    await seedGeneratedResources(client, ['acme', 'globex']);
    env = emulatorTerraformEnv(dir);
    installProviderFile(dir, BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
  });
  afterAll(async () => {
    client.destroy();
    await emu.kill('SIGKILL');
    removeDir(dir);
  });

  test('init and apply create the tenant with its associations, tags and computed ids', async () => {
    write({ acme: acme() });
    tf(['init']);
    await emu.admin.resetStats();
    const apply = tf(['apply', '-auto-approve']);
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const live = (await readLiveTenants(client)).acme;
    expect(live.resources.map((r) => r.arn).sort()).toEqual([appArn('configuration-set/shared'), appArn('identity/acme.example.com')]);
    expect(live.tags).toMatchObject({ team: 'mail', 'ses-tenants:managed-by': TEST_MARKER });
    expect(live.reputationPolicy).toBe('standard');
    expect((await stats()).operations.CreateTenant).toBe(1);
    const show = tf(['state', 'show', 'sestenants_tenant.acme']).stdout;
    expect(show).toContain(`tenant_id                = "${live.id}"`);
    expect(show).toContain('sending_status_aggregate = "ENABLED"');
  });

  test('a plan right after apply has no changes', () => {
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('every field changed in code updates in place and keeps the TenantId', async () => {
    const id = (await readLiveTenants(client)).acme.id;
    write({
      acme: acme({
        arns: [appArn('identity/acme.example.com'), appArn('template/welcome')],
        policy: 'strict',
        status: 'disabled',
        tags: { team: 'billing', tier: 'gold' },
        suppression: { scope: 'TENANT', reasons: ['BOUNCE'] },
      }),
    });
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('sestenants_tenant.acme will be updated in-place');
    expect(plan.stdout).toContain('~ reputation_policy        = "standard" -> "strict"');
    expect(plan.stdout).not.toContain('must be replaced');
    tf(['apply', '-auto-approve']);
    const live = (await readLiveTenants(client)).acme;
    expect(live.id).toBe(id);
    expect(live.reputationPolicy).toBe('strict');
    expect(live.customerStatus).toBe('DISABLED');
    expect(live.resources.map((r) => r.name).sort()).toEqual(['acme.example.com', 'welcome']);
    expect(live.tags).toMatchObject({ team: 'billing', tier: 'gold' });
    expect(live.suppression).toEqual({ scope: 'TENANT', reasons: ['BOUNCE'] });
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('an association outside the provider\'s region or account is refused before any write', async () => {
    const good = written;
    write({ acme: { ...written.acme, arns: [appArn('identity/acme.example.com', 'us-west-2')] } });
    await emu.admin.resetStats();
    const apply = tf(['apply', '-auto-approve'], true);
    expect(apply.code).toBe(1);
    write(good);
    // Refused at validation (as synth refuses it), with the attribute, before any SES call.
    expect(oneLine(apply.stderr)).toContain(
      'Error: Invalid resource_associations with sestenants_tenant.acme, on main.tf line 18, in resource "sestenants_tenant" "acme": 18: resource_associations = ',
    );
    expect(oneLine(apply.stderr)).toContain('is in region us-west-2, the provider is in eu-central-1; a tenant can only use resources of its own region');
    expect(Object.keys((await stats()).operations).filter((op) => !/^(Get|List)/.test(op))).toEqual([]);
  });

  test('an out-of-band policy and tag change shows in the plan and the next apply repairs it', async () => {
    const live = (await readLiveTenants(client)).acme;
    await client.send(
      new UpdateReputationEntityPolicyCommand({
        ReputationEntityType: 'RESOURCE',
        ReputationEntityReference: live.arn,
        ReputationEntityPolicy: `arn:aws:ses:${APP_REGION}:aws:reputation-policy/none`,
      }),
    );
    await client.send(new TagResourceCommand({ ResourceArn: live.arn, Tags: [{ Key: 'team', Value: 'hijacked' }] }));
    const plan = tf(['plan', '-detailed-exitcode'], true);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ reputation_policy        = "none" -> "strict"');
    expect(plan.stdout).toContain('~ "team" = "hijacked" -> "billing"');
    // Read-only attributes stay as refreshed when sending_status is not changed: the plan shows the drift only.
    expect(plan.stdout).not.toMatch(/(reputation_impact|sending_status_aggregate) += .* -> \(known after apply\)/);
    tf(['apply', '-auto-approve']);
    const after = (await readLiveTenants(client)).acme;
    expect(after.reputationPolicy).toBe('strict');
    expect(after.tags.team).toBe('billing');
    expect(after.id).toBe(live.id);
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('terraform import of an existing tenant round-trips to no changes', async () => {
    write(written);
    tf(['state', 'rm', 'sestenants_tenant.acme']);
    const imported = tf(['import', 'sestenants_tenant.acme', 'acme']);
    expect(imported.stdout).toContain('Import successful!');
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('a no-op plan reads each tenant once: three SES reads, no write', async () => {
    await emu.admin.resetStats();
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
    const ops = (await stats()).operations;
    expect(ops).toEqual({ GetTenant: 1, ListTenantResources: 1, ListReputationEntities: 1 });
  });

  test('an SES-imposed pause shows in the plan and the state as sending_status_aggregate', async () => {
    write({ acme: { ...written.acme, status: 'enabled' } });
    tf(['apply', '-auto-approve']);
    await emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'acme', status: 'DISABLED' });
    const plain = tf(['plan', '-detailed-exitcode']);
    expect(plain.code).toBe(0);
    expect(oneLine(plain.stdout + plain.stderr)).toContain('Warning: Tenant acme paused by SES');
    expect(oneLine(plain.stdout + plain.stderr)).toMatch(/SES paused sending for tenant acme \(TenantId [^)]+\): sending_status_aggregate is DISABLED/);
    const plan = tf(['plan', '-refresh-only']);
    expect(plan.stdout).toContain('Objects have changed outside of Terraform');
    expect(plan.stdout).toContain('~ sending_status_aggregate = "ENABLED" -> "DISABLED"');
    tf(['apply', '-refresh-only', '-auto-approve']);
    const show = tf(['state', 'show', 'sestenants_tenant.acme']).stdout;
    expect(show).toContain('sending_status_aggregate = "DISABLED"');
    expect(show).toMatch(/reputation_impact\s+= "(NONE|LOW|HIGH)"/);
    expect(show).toMatch(/created_at\s+= "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"/);
    await emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'acme', status: 'ENABLED' });
  });

  test('hostile strings in tags are stored verbatim and run nothing', async () => {
    const hostile = { cmd: '"; touch pwned #', sub: '$(id)', tpl: '$${path.module}' };
    write({ acme: { ...written.acme, tags: hostile } });
    tf(['apply', '-auto-approve']);
    expect((await readLiveTenants(client)).acme.tags).toMatchObject({ cmd: '"; touch pwned #', sub: '$(id)', tpl: '${path.module}' });
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('validation reports the spec\'s rules at the attribute', () => {
    const good = written;
    write({ acme: acme({ policy: 'lenient', arns: ['arn:aws:s3:::bucket'] }) });
    const plan = tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Error: Invalid reputation_policy');
    expect(plan.stderr).toMatch(/reputation_policy = "lenient"/);
    expect(plan.stderr).toContain('Error: Invalid resource_associations');
    expect(plan.stderr).toContain('is not an SES ARN');
    write(good);
  });

  test('an import block of a tenant created outside needs adopt = true: the plan imports and adopts it, the apply marks it', async () => {
    const made = await client.send(new CreateTenantCommand({ TenantName: 'globex', Tags: [{ Key: 'team', Value: 'ops' }] }));
    write({ acme: written.acme, globex: { tags: { team: 'ops' } } }, 'import {\n  to = sestenants_tenant.globex\n  id = "globex"\n}');
    expect(oneLine(tf(['plan'], true).stderr)).toContain('does not take it over unless you set adopt = true on its sestenants_tenant resource');
    write({ acme: written.acme, globex: { tags: { team: 'ops' }, adopt: true } }, 'import {\n  to = sestenants_tenant.globex\n  id = "globex"\n}');
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('sestenants_tenant.globex will be updated in-place');
    expect(oneLine(plan.stdout)).toContain(`Tenant globex (TenantId ${made.TenantId}) exists and is created outside cdktf-ses-tenants; adopt is set`);
    expect(plan.stdout).toContain('Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.');
    tf(['apply', '-auto-approve']);
    expect((await readLiveTenants(client)).globex.tags['ses-tenants:managed-by']).toBe(TEST_MARKER);
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('a rename replaces the tenant and the plan says the old TenantId goes', async () => {
    const old = (await readLiveTenants(client)).globex;
    fs.writeFileSync(path.join(dir, 'main.tf'), fs.readFileSync(path.join(dir, 'main.tf'), 'utf8').replace('name = "globex"', 'name = "globex-2"'));
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('sestenants_tenant.globex must be replaced');
    expect(plan.stdout).toContain('# forces replacement');
    expect(oneLine(plan.stdout + plan.stderr)).toContain(
      `releases tenant globex (TenantId ${old.id}) (removal_policy "retain"): it stays in SES with its TenantId, associations and reputation history, no longer managed here, and creates a new tenant with a new TenantId`,
    );
    tf(['apply', '-auto-approve']);
    const live = await readLiveTenants(client);
    // Removing is not deleting: the old tenant is released with its TenantId, marked released-by.
    expect(live.globex.id).toBe(old.id);
    expect(live.globex.tags['ses-tenants:managed-by']).toBeUndefined();
    expect(live.globex.tags['ses-tenants:released-by']).toBe(TEST_MARKER);
    expect(live['globex-2'].id).not.toBe(old.id);
  });

  test('an account outside allowed_account_ids is refused before any write', async () => {
    const config = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8');
    fs.writeFileSync(path.join(dir, 'main.tf'), config.replace(`allowed_account_ids = ["${APP_ACCOUNT}"]`, 'allowed_account_ids = ["999999999999"]'));
    await emu.admin.resetStats();
    const apply = tf(['apply', '-auto-approve', '-refresh=false'], true);
    expect(apply.code).toBe(1);
    expect(oneLine(apply.stderr)).toContain(`The credentials act in account ${APP_ACCOUNT} (STS GetCallerIdentity), which is not in allowed_account_ids (999999999999); nothing was changed.`);
    expect((await stats()).operations).toEqual({});
    fs.writeFileSync(path.join(dir, 'main.tf'), config);
  });

  test('the data sources read one tenant by name and every tenant of the region', async () => {
    const live = await readLiveTenants(client);
    const config = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      `${config}\ndata "sestenants_tenant" "acme" {\n  name = "acme"\n  depends_on = [sestenants_tenant.acme]\n}\ndata "sestenants_tenants" "all" {\n  depends_on = [sestenants_tenant.acme]\n}\n` +
        'output "acme_id" { value = data.sestenants_tenant.acme.tenant_id }\noutput "acme_tags" { value = data.sestenants_tenant.acme.tags }\noutput "all" { value = data.sestenants_tenants.all.tenants }\n',
    );
    tf(['apply', '-auto-approve']);
    const outputs = JSON.parse(tf(['output', '-json']).stdout) as Record<string, { value: unknown }>;
    expect(outputs.acme_id.value).toBe(live.acme.id);
    expect(outputs.acme_tags.value).toEqual(Object.fromEntries(Object.entries(live.acme.tags).filter(([k]) => !k.startsWith('ses-tenants:'))));
    expect((outputs.all.value as { name: string; tenant_id: string }[]).map((t) => [t.name, t.tenant_id])).toEqual(
      Object.values(live).map((t) => [t.name, t.id]),
    );
  });

  test('destroy honours the removal policy: it deletes a destroy tenant and releases a retain one, and the plan says which with the TenantId', async () => {
    const config = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8');
    fs.writeFileSync(path.join(dir, 'main.tf'), config.replace('  name = "acme"', '  name = "acme"\n  removal_policy = "destroy"'));
    tf(['apply', '-auto-approve']);
    const before = await readLiveTenants(client);
    expect(before.acme.tags['ses-tenants:removal-policy']).toBe('destroy');
    const destroy = tf(['destroy', '-auto-approve']);
    const all = oneLine(destroy.stdout + destroy.stderr);
    expect(all).toContain(`deletes tenant acme (TenantId ${before.acme.id})`);
    expect(all).toContain(`releases tenant globex-2 (TenantId ${before['globex-2'].id})`);
    const after = await readLiveTenants(client);
    expect(after.acme).toBeUndefined();
    expect(after['globex-2'].id).toBe(before['globex-2'].id);
    expect(after['globex-2'].tags['ses-tenants:managed-by']).toBeUndefined();
  });
});
