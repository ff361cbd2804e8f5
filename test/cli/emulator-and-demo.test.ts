import * as path from 'path';
import { createInterface } from 'readline';
import { CreateTenantCommand, GetTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { runCliProcess, spawnCli } from '../support/cli-process';
import { fakeCredentials } from '../support/emulator';
import { removeDir, tempDir } from '../support/tenant-app';
import { UserProject } from '../support/user-project';

// The two commands a newcomer runs first: `ses-tenants emulator` (a local SES v2 to point tools at)
// and `ses-tenants demo` (what `npm start` runs), here on a tiny project of their own.

const DEMO_APP = `
import { App } from 'cdktf';
import { TenantStack, SesTenant } from 'cdktf-ses-tenants';

const app = new App();
const stack = new TenantStack(app, 'demo', { owner: 'demo-app', region: 'eu-west-1', accountId: '123456789012' });
const shared = stack.configurationSet('shared');
new SesTenant(stack, 'alpha', { tenantName: 'alpha', emailIdentities: [stack.emailIdentity('alpha.example')], configurationSets: [shared], tags: { team: 'a' } });
new SesTenant(stack, 'beta', { tenantName: 'beta', emailIdentities: [stack.emailIdentity('beta.example')], configurationSets: [shared] });
new SesTenant(stack, 'gamma', { tenantName: 'gamma', emailIdentities: [stack.emailIdentity('gamma.example')], configurationSets: [shared], sendingStatus: 'disabled' });
app.synth();
`;

describe('ses-tenants emulator', () => {
  test('prints "listening on URL" first, serves the SES v2 API there (AWS_ENDPOINT_URL_SESV2 for the CLI too), and exits 0 on SIGTERM', async () => {
    const emulator = spawnCli(['emulator', '--port', '0']);
    const first = await new Promise<string>((resolve) => createInterface({ input: emulator.child.stdout! }).once('line', resolve));
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
    expect(match).not.toBeNull();
    const url = match![1];
    const client = new SESv2Client({ region: 'eu-west-1', endpoint: url, credentials: fakeCredentials() });
    await client.send(new CreateTenantCommand({ TenantName: 'hello' }));
    expect((await client.send(new GetTenantCommand({ TenantName: 'hello' }))).Tenant?.TenantName).toBe('hello');
    const imported = await runCliProcess(['import', '--region', 'eu-west-1'], { AWS_ENDPOINT_URL_SESV2: url });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('new SesTenant(stack, "hello", {');

    emulator.child.kill('SIGTERM');
    const ended = await emulator.done;

    expect(ended).toMatchObject({ code: 0, signal: null });
    await expect(client.send(new GetTenantCommand({ TenantName: 'hello' }))).rejects.toThrow();
    client.destroy();
  });
});

describe('ses-tenants demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('cli-demo');
  });
  afterEach(() => removeDir(dir));

  test('on a tiny project (synth output in build/) it applies, re-plans with no changes, shows one accepted and two refused sends; a second run finds its state', async () => {
    const project = new UserProject(path.join(dir, 'project'), 'build');
    project.writeApp(DEMO_APP);
    const stateDir = path.join(dir, 'state');

    const first = await runCliProcess(['demo', '--app', project.dir, '--state-dir', stateDir]);

    expect(first.stderr).not.toContain('Error');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('   1 stack: demo (3 tenants)');
    expect(first.stdout).not.toContain('1 stacks');
    expect(first.stdout).toContain('   demo: 4 created, 0 already there');
    expect(first.stdout).toContain('   3 created, 0 updated, 0 released, 0 deleted, 0 failed');
    const replan = first.stdout.slice(first.stdout.indexOf('5. Plan again'));
    expect(replan).toContain('Plan: 0 to create, 0 to update, 0 to release, 0 to delete, 3 unchanged, 0 unmanaged.');
    expect(first.stdout.match(/: accepted, MessageId /g)).toHaveLength(1);
    expect(first.stdout).toContain('  alpha from hello@alpha.example via shared: accepted, MessageId ');
    expect(first.stdout).toContain("  beta from hello@alpha.example (alpha's identity) via shared: refused: AccessDeniedException (403)");
    expect(first.stdout).toContain('  gamma (paused in code) from hello@gamma.example: refused: SendingPausedException (400)');

    const second = await runCliProcess(['demo', '--app', project.dir, '--state-dir', stateDir]);

    expect(second.code).toBe(0);
    expect(second.stdout).toContain('   demo: 0 created, 4 already there');
    expect(second.stdout).toContain('4. Apply: nothing to do (the state persisted from an earlier run)');
    // In a user's project `npm start` is not the demo: it names the command that is.
    expect(first.stdout).toContain('Done. Run "npx ses-tenants demo" again');
    expect(first.stdout).not.toContain('npm start');
  });
});
