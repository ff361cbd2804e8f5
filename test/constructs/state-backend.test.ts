import * as fs from 'fs';
import * as path from 'path';
import { App, S3Backend } from 'cdktf';
import { SesTenant, TenantStack } from '../../src';
import type { TenantStackProps } from '../../src';
import { buildExampleApp, EXAMPLE_STACKS } from '../../stacks/example-app';
import { removeDir, tempDir } from '../support/tenant-app';
import { ACCOUNT, REGION, sendingProps } from './support';

// The backend is settled at prepareStack, so these synthesize a real app into a directory.
let outdir: string;
beforeEach(() => (outdir = tempDir('state-backend')));
afterEach(() => removeDir(outdir));

/** The `terraform.backend` block of each stack, synthesized in one app. */
function backends(stacks: Record<string, Partial<TenantStackProps>>): Record<string, unknown> {
  const app = new App({ outdir });
  for (const [id, props] of Object.entries(stacks)) new SesTenant(new TenantStack(app, id, { region: REGION, accountId: ACCOUNT, ...props }), 'Acme', sendingProps('acme'));
  app.synth();
  const read = (id: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')).terraform.backend;
  return Object.fromEntries(Object.keys(stacks).map((id) => [id, read(id)]));
}

describe('TenantStack stateBackend', () => {
  test('default: a local backend with a relative path, one state file per stack', () => {
    expect(backends({ 'mail-eu': { backend: 'hooks' }, 'mail-us': { backend: 'provider' } })).toEqual({
      'mail-eu': { local: { path: '../../../terraform.mail-eu.tfstate' } },
      'mail-us': { local: { path: '../../../terraform.mail-us.tfstate' } },
    });
  });

  test('a user-chosen S3Backend with use_lockfile replaces the local one, one key per stack', () => {
    const s3: TenantStackProps['stateBackend'] = (stack) => {
      const backend = new S3Backend(stack, { bucket: 'acme-tfstate', key: `ses-tenants/${stack.node.id}.tfstate`, region: 'eu-west-1' });
      backend.addOverride('use_lockfile', true);
      return backend;
    };
    expect(backends({ 'mail-eu': { backend: 'provider', stateBackend: s3 }, 'mail-us': { backend: 'hooks', stateBackend: s3 } })).toEqual({
      'mail-eu': { s3: { bucket: 'acme-tfstate', key: 'ses-tenants/mail-eu.tfstate', region: 'eu-west-1', use_lockfile: true } },
      'mail-us': { s3: { bucket: 'acme-tfstate', key: 'ses-tenants/mail-us.tfstate', region: 'eu-west-1', use_lockfile: true } },
    });
  });

  test('the example app: S3 with use_lockfile, one key per stack, when a bucket is named; else local state (demo and tests)', () => {
    const synthExample = (context: Record<string, string>): Record<string, unknown> => {
      const app = new App({ outdir, context });
      buildExampleApp(app);
      app.synth();
      return Object.fromEntries(Object.values(EXAMPLE_STACKS).map((id) => [id, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')).terraform.backend]));
    };
    const s3 = synthExample({ sesTenantsStateBucket: 'acme-tfstate', sesTenantsStateRegion: 'eu-west-1' });
    for (const id of Object.values(EXAMPLE_STACKS)) {
      expect(s3[id]).toEqual({ s3: { bucket: 'acme-tfstate', key: `ses-tenants/${id}.tfstate`, region: 'eu-west-1', encrypt: true, use_lockfile: true } });
    }
    const local = synthExample({});
    for (const id of Object.values(EXAMPLE_STACKS)) expect(local[id]).toEqual({ local: { path: `../../../terraform.${id}.tfstate` } });
  });
});
