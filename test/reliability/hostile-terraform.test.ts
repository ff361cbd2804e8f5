import * as fs from 'fs';
import * as path from 'path';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, SesTenant, TenantStack } from '../../src';
import { MANAGED_BY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';
import { FAKE_SECRET_KEY } from '../support/cli-process';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { TerraformWorkspace } from '../support/terraform';
import { APP_ACCOUNT, APP_OWNER, appMarker, APP_REGION, appArn, readLiveTenants, removeDir, seedGeneratedResources, tempDir } from '../support/tenant-app';

// The real terraform applies a hooks-only stack (resources by ARN, no provider); its local-exec
// hooks run the real bundled hook program against the emulator. Tag values and ARNs full of shell
// syntax must reach SES verbatim and must run nothing: every payload would create a sentinel file.

describe('hostile strings through the real terraform and the real hook program', () => {
  let root: string;
  let emu: EmulatorChild;
  let ws: TerraformWorkspace;
  const sentinel = () => path.join(root, 'pwned');
  const client = () => new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });

  beforeAll(async () => {
    root = tempDir('rel-hostile');
    // A separate process: terraform runs synchronously and would block an in-process emulator.
    emu = await startEmulatorChild([]);
    ws = new TerraformWorkspace({
      env: {
        AWS_ENDPOINT_URL_SESV2: emu.url,
        AWS_ACCESS_KEY_ID: 'AKIDRELIABILITY',
        AWS_SECRET_ACCESS_KEY: FAKE_SECRET_KEY,
        AWS_CONFIG_FILE: '/nonexistent/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      },
    });
  });
  afterAll(async () => {
    ws.dispose();
    await emu.kill('SIGKILL');
    removeDir(root);
  });

  test('given tag values and an identity ARN holding $(...), backticks, quotes, newlines and template syntax, terraform apply stores them verbatim and creates no file', async () => {
    const s = sentinel();
    const hostileTags: Record<string, string> = {
      subshell: `$(touch ${s})`,
      backtick: `\`touch ${s}\``,
      quote: `"; touch ${s}; echo "`,
      single: `'; touch ${s}; echo '`,
      newline: `x\ntouch ${s}\n`,
      template: '${file("/etc/passwd")}',
      directive: '%{ if true }x%{ endif }',
      pipe: `| tee ${s} &`,
    };
    const identity = `a$(touch${'${IFS}'}pwned)\`id\`;'"@example.com`;
    await seedGeneratedResources(client(), ['plain']);
    await client().send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));

    const outdir = path.join(root, 'out');
    const app = new App({ outdir });
    const stack = new TenantStack(app, 'hostile', { owner: APP_OWNER, region: APP_REGION, accountId: APP_ACCOUNT, backend: 'hooks' });
    new SesTenant(stack, 'evil', {
      tenantName: 'evil',
      emailIdentities: [EmailIdentity.fromArn(appArn(`identity/${identity}`))],
      configurationSets: [ConfigurationSet.fromArn(appArn('configuration-set/shared'))],
      tags: hostileTags,
    });
    app.synth();
    ws.load(path.join(outdir, 'stacks', 'hostile'));

    const result = ws.apply();

    expect(result.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(result.stdout + result.stderr).not.toContain(FAKE_SECRET_KEY);
    const live = (await readLiveTenants(client())).evil;
    expect(live.tags).toEqual({ ...hostileTags, [MANAGED_BY_TAG]: appMarker('hostile'), [SPEC_HASH_TAG]: expect.any(String) });
    expect(live.resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn(`identity/${identity}`)]);
    expect(fs.existsSync(s)).toBe(false);
    for (const dir of [root, ws.dir, process.cwd()]) expect(fs.readdirSync(dir).filter((f) => f.includes('pwned'))).toEqual([]);
  });
});
