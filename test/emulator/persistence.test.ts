import {
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  GetConfigurationSetCommand,
  ListTenantsCommand,
  PutConfigurationSetReputationOptionsCommand,
  SESv2Client,
  TagResourceCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
} from '@aws-sdk/client-sesv2';
import { spawn, type ChildProcess } from 'child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { createInterface } from 'readline';
import { fakeCredentials, startTestEmulator } from '../support/emulator';
import { createResources } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ses-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function allTenantNames(client: SESv2Client): Promise<string[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListTenantsCommand({ NextToken }));
    names.push(...page.Tenants!.map((t) => t.TenantName!));
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return names;
}

test('state survives a restart: tenants, ids, tags, associations, resources, regions', async () => {
  const stateFile = path.join(dir, 'state.json');
  const first = await startTestEmulator({ stateFile });
  const client = first.client();
  const arns = await createResources(client);
  const created = await client.send(new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: 'k', Value: 'v' }] }));
  await client.send(new CreateTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arns.domain }));
  await client.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'marketing', ReputationMetricsEnabled: true }));
  await first.client('eu-west-1').send(new CreateTenantCommand({ TenantName: 'west' }));
  const before = await first.admin.state();
  expect((await first.admin.stats()).persistence.flushes).toBeGreaterThan(0);
  await first.stop();

  const second = await startTestEmulator({ stateFile });
  try {
    expect(await second.admin.state()).toEqual(before);
    const { Tenants } = await second.client().send(new ListTenantsCommand({}));
    expect(Tenants).toEqual([expect.objectContaining({ TenantName: 'acme', TenantId: created.TenantId })]);
    expect(await allTenantNames(second.client('eu-west-1'))).toEqual(['west']);
    const set = await second.client().send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect(set.ReputationOptions).toEqual({ ReputationMetricsEnabled: true });
  } finally {
    await second.stop();
  }
});

test('a journal folded into snapshots many times replays to the same state, admin writes included', async () => {
  const stateFile = path.join(dir, 'state.json');
  const first = await startTestEmulator({ stateFile, stateCompactionBytes: 2_000 });
  const client = first.client();
  for (let i = 0; i < 60; i++) {
    const { TenantArn } = await client.send(new CreateTenantCommand({ TenantName: `t${i}` }));
    await client.send(new TagResourceCommand({ ResourceArn: TenantArn, Tags: [{ Key: 'n', Value: String(i) }] }));
    if (i % 10 === 0) {
      await client.send(
        new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: TenantArn, SendingStatus: 'DISABLED' }),
      );
      await first.admin.setAwsManagedStatus({ tenantName: `t${i}`, status: 'DISABLED' });
    }
  }
  const { persistence } = await first.admin.stats();
  expect(persistence.compactions).toBeGreaterThan(1);
  expect(persistence.writesAcknowledged).toBe(132);
  const before = await first.admin.state();
  await first.stop();
  const second = await startTestEmulator({ stateFile });
  try {
    expect(await second.admin.state()).toEqual(before);
  } finally {
    await second.stop();
  }
});

test('a torn last journal line (a write that was never acknowledged) is dropped at load', async () => {
  const running = path.join(dir, 'running.json');
  const crashed = path.join(dir, 'crashed.json');
  const first = await startTestEmulator({ stateFile: running });
  await first.client().send(new CreateTenantCommand({ TenantName: 'kept' }));
  const before = await first.admin.state();
  copyFileSync(running, crashed);
  copyFileSync(`${running}.journal`, `${crashed}.journal`);
  await first.stop();
  expect(readFileSync(`${crashed}.journal`, 'utf8')).toContain('"kept"');
  appendFileSync(`${crashed}.journal`, '{"seq":99,"kind":"ses","operation":"CreateTen');

  const second = await startTestEmulator({ stateFile: crashed });
  try {
    expect(await second.admin.state()).toEqual(before);
    await second.client().send(new CreateTenantCommand({ TenantName: 'after' }));
  } finally {
    await second.stop();
  }
  const third = await startTestEmulator({ stateFile: crashed });
  try {
    expect(await allTenantNames(third.client())).toEqual(['after', 'kept']);
  } finally {
    await third.stop();
  }
});

/** Starts `node dist/emulator.js` and resolves with its URL from the first stdout line. */
function spawnEmulator(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'emulator.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match === null) reject(new Error(`unexpected first line: ${line}`));
      else resolve({ child, url: match[1] });
    });
  });
}

test('after kill -9 mid-stream, every acknowledged write is in a loadable state file', async () => {
  const stateFile = path.join(dir, 'state.json');
  const { child, url } = await spawnEmulator(['--port', '0', '--state', stateFile]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const client = new SESv2Client({ region: 'us-east-1', endpoint: url, credentials: fakeCredentials(), maxAttempts: 1 });
  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const TenantName = `w${worker}-${i}`;
      try {
        await client.send(new CreateTenantCommand({ TenantName }));
        acknowledged.push(TenantName);
      } catch {
        return;
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  await exited;
  stop = true;
  await Promise.all(writers);
  client.destroy();

  expect(() => JSON.parse(readFileSync(stateFile, 'utf8'))).not.toThrow();
  const restarted = await startTestEmulator({ stateFile });
  try {
    const names = new Set(await allTenantNames(restarted.client()));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  } finally {
    await restarted.stop();
  }
});

test('SIGTERM flushes and exits 0', async () => {
  const stateFile = path.join(dir, 'state.json');
  const { child, url } = await spawnEmulator(['--port', '0', '--state', stateFile]);
  const client = new SESv2Client({ region: 'us-east-1', endpoint: url, credentials: fakeCredentials(), maxAttempts: 1 });
  await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
  client.destroy();
  const code = await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  expect(code).toBe(0);
  expect(JSON.parse(readFileSync(stateFile, 'utf8')).regions[0].tenants[0].name).toBe('acme');
});
