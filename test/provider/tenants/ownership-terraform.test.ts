import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { LiveTenant } from '../../../src/engine';
import { fakeCredentials } from '../../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../../support/emulator-process';
import { APP_ACCOUNT, APP_REGION, appArn, readLiveTenants, removeDir, seedGeneratedResources, tempDir } from '../../support/tenant-app';
import { runTerraform, describeWithTerraform, type TerraformResult } from '../../support/terraform';
import { emulatorTerraformEnv, installProviderFile, providerBlocks, terraformArgs } from '../install-provider';
import { PROVIDER_BUNDLE } from '../support/provider-workdir';

// The ownership promise through the HCL door, planned: two unrelated configurations (owners
// app-a and app-b) against one emulator, with the real terraform. Issues 22 (1, 2, 5, 6) and 18.

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
// OWNERSHIP_OUT=<prefix> writes the outputs docs/provider-reference.md "Ownership at plan" quotes to <prefix>.<name>.txt.
const dump = (name: string, output: string): void => {
  if (process.env.OWNERSHIP_OUT) fs.writeFileSync(`${process.env.OWNERSHIP_OUT}.${name}.txt`, output);
};

/** A terraform working directory of one owner, sharing the emulator. */
interface Config {
  readonly dir: string;
  write(body: string): void;
  tf(args: string[], allowFailure?: boolean): TerraformResult;
}

function tenantBlock(name: string, lines: readonly string[] = []): string {
  return [`resource "sestenants_tenant" ${JSON.stringify(name)} {`, `  name = ${JSON.stringify(name)}`, ...lines.map((l) => `  ${l}`), '}'].join('\n');
}

describeWithTerraform('ownership at plan: the HCL door keeps the promise', () => {
  let emu: EmulatorChild;
  let client: SESv2Client;
  const dirs: string[] = [];

  const config = (owner: string): Config => {
    const dir = tempDir(`sestenants-${owner}`);
    dirs.push(dir);
    installProviderFile(dir, PROVIDER_BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
    const env = emulatorTerraformEnv(dir);
    const c: Config = {
      dir,
      write: (body) => fs.writeFileSync(path.join(dir, 'main.tf'), `${providerBlocks(emu.url, { region: APP_REGION, account: APP_ACCOUNT, owner })}\n${body}\n`),
      tf: (args, allowFailure = false) => runTerraform(dir, terraformArgs(args), { env, allowFailure }),
    };
    c.write('');
    c.tf(['init']);
    return c;
  };
  /** SES calls other than reads since the last reset. */
  const writes = async (): Promise<string[]> => Object.keys((await emu.admin.stats()).operations).filter((op) => !/^(Get|List)/.test(op));
  const live = async (name: string): Promise<LiveTenant> => (await readLiveTenants(client))[name];

  let a: Config;
  let b: Config;
  const shared = [`resource_associations = ["${appArn('identity/shared.example.com')}", "${appArn('configuration-set/shared')}"]`, 'tags = { team = "a" }', 'removal_policy = "destroy"'];

  beforeAll(async () => {
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    await seedGeneratedResources(client, ['shared', 'acme']);
    a = config('app-a');
    b = config('app-b');
  });
  afterAll(async () => {
    client.destroy();
    await emu.kill('SIGKILL');
    dirs.forEach(removeDir);
  });

  test('owner and stack are required: a provider block without them fails validate', () => {
    const dir = tempDir('sestenants-no-owner');
    dirs.push(dir);
    installProviderFile(dir, PROVIDER_BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      `${providerBlocks(emu.url, { region: APP_REGION, account: APP_ACCOUNT }).replace(/\n\s*owner = .*\n\s*stack = .*/, '')}\n${tenantBlock('x')}\n`,
    );
    const env = emulatorTerraformEnv(dir);
    runTerraform(dir, terraformArgs(['init']), { env });
    const validate = runTerraform(dir, terraformArgs(['validate']), { env, allowFailure: true });
    expect(validate.code).toBe(1);
    expect(oneLine(validate.stderr)).toContain('The argument "owner" is required');
    expect(oneLine(validate.stderr)).toContain('The argument "stack" is required');
  });

  test('22.1: a second, unrelated configuration declaring the same tenant is refused at plan naming the owner; nothing of the first changes', async () => {
    a.write(tenantBlock('shared', shared));
    a.tf(['apply', '-auto-approve']);
    const before = await live('shared');
    expect(before.tags['ses-tenants:managed-by']).toBe('app-a/main');

    b.write(tenantBlock('shared', ['tags = { team = "b" }', 'removal_policy = "destroy"']));
    await emu.admin.resetStats();
    const plan = b.tf(['plan'], true);
    dump('refused', plan.stdout + plan.stderr);
    expect(plan.code).toBe(1);
    const said = oneLine(plan.stderr);
    expect(said).toContain('Tenant shared is not this configuration\'s');
    expect(said).toContain(`Tenant shared (${before.id}) exists and is managed by app app-a stack main; app-b/main does not take it over unless you set adopt = true on its sestenants_tenant resource`);
    expect(said).toContain('with sestenants_tenant.shared');
    const apply = b.tf(['apply', '-auto-approve'], true);
    expect(apply.code).toBe(1);
    expect(await writes()).toEqual([]);
    // Byte-identical: tags (markers included) and associations of A's tenant.
    expect(JSON.stringify(await live('shared'))).toBe(JSON.stringify(before));
    expect(a.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('18: an unmarked tenant is refused at plan with no write; with adopt = true the plan says adopted with its TenantId, and the apply keeps it', async () => {
    const made = await client.send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'team', Value: 'by-hand' }] }));
    b.write(tenantBlock('legacy', ['tags = { team = "b" }']));
    await emu.admin.resetStats();
    const refused = b.tf(['plan'], true);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toContain(`Tenant legacy (${made.TenantId}) exists and is created outside cdktf-ses-tenants; app-b/main does not take it over unless you set adopt = true`);
    expect(oneLine(refused.stderr)).not.toContain('removed from the stack that manages it');

    b.write(tenantBlock('legacy', ['tags = { team = "b" }', 'adopt = true']));
    const plan = b.tf(['plan', '-out=adopt.tfplan']);
    dump('adopt', plan.stdout + plan.stderr);
    expect(oneLine(plan.stdout)).toContain('Tenant legacy will be adopted');
    expect(oneLine(plan.stdout)).toContain(`tenant_id = "${made.TenantId}"`);
    expect(await writes()).toEqual([]);
    b.tf(['apply', 'adopt.tfplan']);
    const after = await live('legacy');
    expect(after.id).toBe(made.TenantId);
    expect(after.tags).toMatchObject({ team: 'b', 'ses-tenants:managed-by': 'app-b/main' });
    expect(b.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('22.2: importing another owner\'s tenant is refused at plan; terraform import then destroy releases and deletes nothing', async () => {
    const before = await live('shared');
    b.write(`${tenantBlock('shared', shared)}\nimport {\n  to = sestenants_tenant.shared\n  id = "shared"\n}`);
    await emu.admin.resetStats();
    const plan = b.tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toContain('exists and is managed by app app-a stack main; app-b/main does not take it over unless you set adopt = true');
    expect(await writes()).toEqual([]);

    // The import command writes the state with no plan: any plan that keeps it refuses it, and
    // the destroy of it (the block removed) leaves A's tenant alone.
    b.write(tenantBlock('shared', shared));
    b.tf(['import', 'sestenants_tenant.shared', 'shared']);
    const kept = b.tf(['plan'], true);
    expect(kept.code).toBe(1);
    expect(oneLine(kept.stderr)).toContain('To stop managing it here instead, remove it from the configuration');
    b.write('');
    const destroy = b.tf(['destroy', '-auto-approve', '-target=sestenants_tenant.shared']);
    dump('left-alone', destroy.stdout + destroy.stderr);
    expect(oneLine(destroy.stdout)).toContain('Destroy complete! Resources: 1 destroyed.');
    expect(oneLine(destroy.stdout + destroy.stderr)).toContain('Warning: Tenant shared will be left as it is');
    expect(oneLine(destroy.stdout + destroy.stderr)).not.toContain('will be deleted');
    expect(oneLine(destroy.stdout + destroy.stderr)).toContain(
      `Tenant shared (TenantId ${before.id}) is managed by app app-a stack main, not app-b/main: destroying this resource only removes it from Terraform's state; nothing is released and nothing is deleted`,
    );
    expect(await writes()).toEqual([]);
    expect(JSON.stringify(await live('shared'))).toBe(JSON.stringify(before));
    b.write('');
  });

  test('22.2: an import with adopt = true marks the tenant ours at the apply, keeping its TenantId', async () => {
    const made = await client.send(new CreateTenantCommand({ TenantName: 'imported', Tags: [{ Key: 'team', Value: 'x' }] }));
    b.write(`${tenantBlock('imported', ['tags = { team = "x" }', 'adopt = true'])}\nimport {\n  to = sestenants_tenant.imported\n  id = "imported"\n}`);
    const plan = b.tf(['plan']);
    expect(oneLine(plan.stdout)).toContain('Tenant imported will be adopted');
    b.tf(['apply', '-auto-approve']);
    const after = await live('imported');
    expect(after.id).toBe(made.TenantId);
    expect(after.tags['ses-tenants:managed-by']).toBe('app-b/main');
  });

  test('22.5: a take-back plans as a take back with the TenantId, and the apply keeps it', async () => {
    a.write(`${tenantBlock('shared', shared)}\n${tenantBlock('acme', ['tags = { team = "a" }'])}`);
    a.tf(['apply', '-auto-approve']);
    const first = await live('acme');
    a.write(tenantBlock('shared', shared));
    a.tf(['apply', '-auto-approve']);
    const released = await live('acme');
    expect(released.tags['ses-tenants:released-by']).toBe('app-a/main');
    expect(released.tags['ses-tenants:released-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    a.write(`${tenantBlock('shared', shared)}\n${tenantBlock('acme', ['tags = { team = "a" }'])}`);
    await emu.admin.resetStats();
    const plan = a.tf(['plan', '-out=back.tfplan']);
    dump('take-back', plan.stdout + plan.stderr);
    const said = oneLine(plan.stdout);
    expect(said).toContain('Tenant acme will be taken back');
    expect(said).toContain(`Tenant acme (TenantId ${first.id}) exists and is released by app app-a stack main at ${released.tags['ses-tenants:released-at']}`);
    expect(said).toContain(`tenant_id = "${first.id}"`);
    expect(said).not.toContain('tenant_id = (known after apply)');
    expect(await writes()).toEqual([]);
    a.tf(['apply', 'back.tfplan']);
    const back = await live('acme');
    expect(back.id).toBe(first.id);
    expect(back.tags['ses-tenants:managed-by']).toBe('app-a/main');
    expect(back.tags['ses-tenants:released-by']).toBeUndefined();
    expect(back.tags['ses-tenants:released-at']).toBeUndefined();
  });

  test('22.6: a tenant another app released is refused naming who released it and when, and adopt = true as the fix', async () => {
    a.write(tenantBlock('shared', shared));
    a.tf(['apply', '-auto-approve']);
    const released = await live('acme');
    b.write(tenantBlock('acme'));
    const plan = b.tf(['plan'], true);
    expect(plan.code).toBe(1);
    const said = oneLine(plan.stderr);
    expect(said).toContain(
      `Tenant acme (${released.id}) exists and is released by app app-a stack main at ${released.tags['ses-tenants:released-at']} and managed by no one; app-b/main does not take it over unless you set adopt = true`,
    );
    expect(said).not.toContain('created outside');
    expect(said).not.toContain('removed from the stack that manages it');
  });

  test('a tenant of ours that is not in the state (an interrupted apply, a lost state) plans as finished, with its TenantId, and the apply keeps it', async () => {
    const made = await client.send(new CreateTenantCommand({ TenantName: 'unfinished', Tags: [{ Key: 'ses-tenants:managed-by', Value: 'app-a/main' }] }));
    a.write(`${tenantBlock('shared', shared)}\n${tenantBlock('unfinished', ['tags = { team = "a" }'])}`);
    await emu.admin.resetStats();
    const plan = a.tf(['plan', '-out=finish.tfplan']);
    const said = oneLine(plan.stdout);
    expect(said).toContain('Tenant unfinished will be finished, not created');
    expect(said).toContain(`Tenant unfinished (TenantId ${made.TenantId}) exists, marked app-a/main, but is not in Terraform's state`);
    expect(said).toContain(`tenant_id = "${made.TenantId}"`);
    expect(await writes()).toEqual([]);
    a.tf(['apply', 'finish.tfplan']);
    const after = await live('unfinished');
    expect(after.id).toBe(made.TenantId);
    expect(after.tags).toMatchObject({ team: 'a', 'ses-tenants:managed-by': 'app-a/main' });
    expect(after.tags['ses-tenants:spec-hash']).toBeDefined();
    expect(a.tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('an association on another owner\'s tenant is refused at plan', async () => {
    const before = await live('shared');
    b.write(`resource "sestenants_tenant_resource_association" "x" {\n  tenant_name = "shared"\n  resource_arn = "${appArn('identity/acme.example.com')}"\n}`);
    await emu.admin.resetStats();
    const plan = b.tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toContain('Tenant shared is managed by app app-a stack main, not app-b/main: associate resources with it in the configuration that manages it');
    expect(await writes()).toEqual([]);
    expect(JSON.stringify(await live('shared'))).toBe(JSON.stringify(before));
    b.write('');
  });
});
