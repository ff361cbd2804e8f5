import * as path from 'path';
import { withEmulator } from '../support/emulator';
import { runCliProcess } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import { APP_ACCOUNT, APP_REGION, generatedTenant, readLiveTenants, removeDir, seedGeneratedResources, synthTenantApp, tempDir } from '../support/tenant-app';
import { runHookProcess } from '../hooks/run-hook';
import { spec, target } from '../engine/fixtures';

// The account guard (STS GetCallerIdentity before any write) on an EMPTY account: no tenant exists
// anywhere, so nothing SES lists could reveal the wrong account; the guard alone refuses.

const OTHER_ACCOUNT = '210987654321';
const refusal = (stack: string) =>
  `the credentials act in account ${OTHER_ACCOUNT} (STS GetCallerIdentity), but stack ${stack} targets account ${APP_ACCOUNT}. Nothing was changed`;

describe('account guard on an empty account', () => {
  const emu = withEmulator();
  let dir: string;
  let app: string;
  const client = () => emu.client(APP_REGION);
  /** No tenant in any account or region the emulator holds. */
  const emptyEverywhere = async () => {
    const state = (await (await fetch(`${emu.url}/_emulator/state`)).json()) as { regions: Array<{ accountId: string; tenants: unknown[] }> };
    expect(state.regions.flatMap((r) => r.tenants)).toEqual([]);
  };

  beforeEach(async () => {
    dir = tempDir('cli-account-guard');
    await seedGeneratedResources(client(), ['acme']);
    app = synthTenantApp(path.join(dir, 'out'), [generatedTenant('acme')]);
    await emu.admin.resetStats();
  });
  afterEach(() => removeDir(dir));

  test.each([[['plan']], [['apply', '--auto-approve']], [['drift']], [['status']]])(
    'ses-tenants %j with credentials of another account exits 1 naming both accounts and sends no SES request',
    async (args) => {
      const run = await runCliProcess([...args, '--app', app, '--endpoint', emu.url], { AWS_ACCESS_KEY_ID: OTHER_ACCOUNT });

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Error: ${refusal('rel')}`);
      expect(run.stderr).not.toContain('NodeVersionSupportWarning');
      expect((await emu.admin.stats()).operations).toEqual({});
      await emptyEverywhere();
    },
  );

  test('with the right account the same apply goes through (the guard is not a blanket refusal)', async () => {
    const run = await runCliProcess(['apply', '--auto-approve', '--app', app, '--endpoint', emu.url], { AWS_ACCESS_KEY_ID: APP_ACCOUNT });
    expect(run).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    expect(Object.keys(await readLiveTenants(client()))).toEqual(['acme']);
  });

  test.each(['tenant-create', 'settings-apply'])('the hook program %s with credentials of another account exits 1 in one line and writes nothing', async (action) => {
    const run = await runHookProcess(emu, action, { target: target('rel'), tenant: spec('acme') }, { AWS_ACCESS_KEY_ID: OTHER_ACCOUNT });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`AccountMismatchError: ${refusal('rel')}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(writeCount(await emu.admin.stats())).toBe(0);
    await emptyEverywhere();
  });
});
