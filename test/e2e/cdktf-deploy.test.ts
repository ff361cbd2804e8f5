import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { CreateConfigurationSetCommand, CreateTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { terraformAvailable } from '../support/terraform';
import { APP_REGION, appArn, readLiveTenants, removeDir, seedGeneratedResources, tempDir, tenantIds } from '../support/tenant-app';
import { packedInstall, PackedUserProject } from '../support/packed-package';

// The user's own workflow, end to end: a cdktf project on the packed package (npm pack, installed
// as the README says) whose app declares a hooks-only TenantStack
// (resources by ARN, no provider to download), deployed and destroyed with `npx cdktf deploy` and
// `npx cdktf destroy`, the hooks acting on SES through AWS_ENDPOINT_URL_SESV2 (the emulator).

const STACK = 'mail';

/** Source of the project's app: tenants `name → { policy?, tags, configurationSets }`, everything by ARN. */
function appSource(tenants: Record<string, { policy?: string; tags: Record<string, string>; configurationSets: string[] }>): string {
  const lines = Object.entries(tenants).map(
    ([name, t]) => `stack.addTenant({
  tenantName: ${JSON.stringify(name)},
  emailIdentities: [EmailIdentity.fromArn(${JSON.stringify(appArn(`identity/${name}.example.com`))})],
  configurationSets: [${t.configurationSets.map((c) => `ConfigurationSet.fromArn(${JSON.stringify(appArn(`configuration-set/${c}`))})`).join(', ')}],
  tags: ${JSON.stringify(t.tags)},${t.policy ? `\n  reputationPolicy: ${JSON.stringify(t.policy)},` : ''}
});`,
  );
  return [
    `import { App } from 'cdktf';`,
    `import { ConfigurationSet, EmailIdentity, TenantStack } from 'cdktf-ses-tenants';`,
    `const app = new App();`,
    `const stack = new TenantStack(app, ${JSON.stringify(STACK)}, { owner: 'repo-mail', region: ${JSON.stringify(APP_REGION)}, accountId: '123456789012' });`,
    ...lines,
    `app.synth();`,
    '',
  ].join('\n');
}

const describeIfTerraform = terraformAvailable() ? describe : describe.skip;

describeIfTerraform('npx cdktf deploy / destroy of a hooks-only TenantStack', () => {
  let root: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let project: PackedUserProject;

  /** Runs `npx cdktf ARGS` in the project with the emulator's endpoint and fake credentials. */
  const cdktf = (...args: string[]): Promise<{ code: number | null; output: string }> =>
    new Promise((resolve) => {
      const child = spawn('npx', ['cdktf', ...args], {
        cwd: project.dir,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          CI: '1',
          CHECKPOINT_DISABLE: '1',
          NO_COLOR: '1',
          AWS_ENDPOINT_URL_SESV2: emu.url,
          AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
          AWS_SECRET_ACCESS_KEY: 'emulator-secret',
          AWS_CONFIG_FILE: '/nonexistent/aws-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });

  beforeAll(async () => {
    root = tempDir('e2e-cdktf-deploy');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    await seedGeneratedResources(client, ['acme', 'globex']);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    await client.send(new CreateTenantCommand({ TenantName: 'outsider' }));
    project = new PackedUserProject(await packedInstall(), path.join(root, 'project'));
  }, 900_000);
  afterAll(async () => {
    client.destroy();
    await emu.kill('SIGKILL');
    removeDir(root);
  });

  test('deploy creates the tenants with their tags and associations; a code change and a second deploy keep the TenantIds; destroy releases the tenants (kept in SES, unmarked) and leaves the unmanaged one alone', async () => {
    project.writeApp(
      appSource({
        acme: { tags: { team: 'payments' }, configurationSets: ['shared'] },
        globex: { tags: { team: 'growth' }, configurationSets: ['shared'] },
      }),
    );

    const deployed = await cdktf('deploy', STACK, '--auto-approve');

    expect(deployed.output).not.toMatch(/Error/);
    expect(deployed.code).toBe(0);
    // The stack's local backend keeps the state in the project, next to cdktf.out.
    expect(fs.existsSync(path.join(project.dir, `terraform.${STACK}.tfstate`))).toBe(true);
    let live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'outsider']);
    expect(live.acme.tags).toMatchObject({ team: 'payments', 'ses-tenants:managed-by': `repo-mail/${STACK}` });
    expect(live.acme.resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn('identity/acme.example.com')]);
    const ids = tenantIds(live);

    project.writeApp(
      appSource({
        acme: { policy: 'strict', tags: { team: 'payments', tier: 'gold' }, configurationSets: ['shared', 'marketing'] },
        globex: { tags: { team: 'growth' }, configurationSets: ['shared'] },
      }),
    );
    await emu.admin.resetStats();
    const redeployed = await cdktf('deploy', STACK, '--auto-approve');

    expect(redeployed.code).toBe(0);
    const stats = await emu.admin.stats();
    expect(stats.operations.CreateTenant ?? 0).toBe(0);
    expect(stats.operations.DeleteTenant ?? 0).toBe(0);
    expect(stats.operations.CreateTenantResourceAssociation).toBe(1);
    live = await readLiveTenants(client);
    expect(tenantIds(live)).toEqual(ids);
    expect(live.acme.reputationPolicy).toBe('strict');
    expect(live.acme.tags).toMatchObject({ team: 'payments', tier: 'gold' });
    expect(live.acme.resources.map((r) => r.name)).toEqual(['marketing', 'shared', 'acme.example.com']);

    const destroyed = await cdktf('destroy', STACK, '--auto-approve');

    expect(destroyed.code).toBe(0);
    // A destroy-time hook cannot tell a destroy from a replace: cdktf destroy releases, never deletes.
    const after = await readLiveTenants(client);
    expect(tenantIds(after)).toEqual(ids);
    expect(after.acme.tags['ses-tenants:managed-by']).toBeUndefined();
    expect(after.acme.tags['ses-tenants:released-by']).toBe(`repo-mail/${STACK}`);
    expect(after.acme.resources).toHaveLength(3);
    expect(after.outsider.tags).toEqual({});
  });
});
