import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, GetTenantCommand, ListTenantResourcesCommand, ListTenantsCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { stringify as toYaml } from 'yaml';
import { MANAGED_BY_TAG, SPEC_HASH_TAG, type TenantSpec } from '../../src/tenant-spec';
import { runCliProcess, spawnCli } from '../support/cli-process';
import { withEmulator } from '../support/emulator';
import { killAtWriteCount, writeCount } from '../support/kill-points';

const REGION = 'eu-central-1';
const ACCOUNT = '123456789012';
const emu = withEmulator();
let dir: string;

function spec(name: string): TenantSpec {
  const arn = (type: string, n: string) => `arn:aws:ses:${REGION}:${ACCOUNT}:${type}/${n}`;
  return {
    name,
    resources: [
      { type: 'configuration-set', name: 'shared-cs', arn: arn('configuration-set', 'shared-cs') },
      { type: 'identity', name: `${name}.example.com`, arn: arn('identity', `${name}.example.com`) },
    ],
    reputationPolicy: 'standard',
    sendingStatus: 'enabled',
    tags: { source: 'backfill' },
    suppression: null,
  };
}

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `w${String(i).padStart(3, '0')}`);
}

async function seed(client: SESv2Client, tenants: readonly string[]): Promise<void> {
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'shared-cs' }));
  for (const n of tenants) await client.send(new CreateEmailIdentityCommand({ EmailIdentity: `${n}.example.com` }));
}

function writeFile(file: string, content: unknown): string {
  const at = path.join(dir, file);
  fs.writeFileSync(at, file.endsWith('.json') ? JSON.stringify(content) : toYaml(content));
  return at;
}

function onboard(file: string, ...extra: string[]): string[] {
  return ['onboard', '--file', file, '--owner', 'signup-service', '--region', REGION, '--endpoint', emu.url, ...extra];
}

/** Every tenant with its resource count, its marker and whether its spec-hash is there, read with the SDK; throws on a duplicate name. */
async function liveTenants(client: SESv2Client): Promise<Map<string, { resources: number; marker?: string; hashed: boolean }>> {
  const out = new Map<string, { resources: number; marker?: string; hashed: boolean }>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListTenantsCommand({ NextToken: token, PageSize: 100 }));
    for (const t of page.Tenants ?? []) {
      if (out.has(t.TenantName!)) throw new Error(`duplicate tenant ${t.TenantName}`);
      const [res, got] = await Promise.all([
        client.send(new ListTenantResourcesCommand({ TenantName: t.TenantName })),
        client.send(new GetTenantCommand({ TenantName: t.TenantName })),
      ]);
      const tags = Object.fromEntries((got.Tenant!.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
      out.set(t.TenantName!, { resources: (res.TenantResources ?? []).length, marker: tags[MANAGED_BY_TAG], hashed: tags[SPEC_HASH_TAG] !== undefined });
    }
    token = page.NextToken;
  } while (token);
  return out;
}

describe('ses-tenants onboard (a real CLI process against the emulator)', () => {
  let client: SESv2Client;
  beforeEach(() => {
    client = emu.client(REGION);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onboard-'));
  });
  afterEach(() => {
    client.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a YAML file: --dry-run prints the plan summary, exits 2 and writes nothing; then onboard creates them; a rerun changes nothing', async () => {
    await seed(client, ['acme', 'globex']);
    const file = writeFile('tenants.yaml', [spec('acme'), spec('globex')]);
    await emu.admin.resetStats();
    const dry = await runCliProcess(onboard(file, '--dry-run'));
    expect(dry.stdout).toBe('Dry run: 2 to create, 0 to update, 0 unchanged, 0 failed.\n');
    expect(dry.code).toBe(2);
    expect(writeCount(await emu.admin.stats())).toBe(0);

    const run = await runCliProcess(onboard(file));
    expect(run.stdout).toBe('2 created, 0 updated, 0 unchanged, 0 failed.\n');
    expect(run.code).toBe(0);
    const rerun = await runCliProcess(onboard(file, '--format', 'json'));
    expect(JSON.parse(rerun.stdout).counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  test('a file that breaks the tenant spec schema is refused naming file entry, tenant, field and rule, before any SES call', async () => {
    const file = writeFile('tenants.json', [spec('acme'), { ...spec('bad name'), tenantName: 'x' }]);
    await emu.admin.resetStats();
    const run = await runCliProcess(onboard(file));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid tenant file tenants.json: 2 problems');
    expect(run.stderr).toContain('tenants.json[1]: tenant "bad name": name: must be 1-64 characters');
    expect(run.stderr).toContain('tenants.json[1]: tenant "bad name": (spec): unknown field(s) "tenantName"');
    expect((await emu.admin.stats()).total).toBe(0);
  });

  test('two processes racing on the same 20 tenants both succeed: 20 tenants, 2 associations each, no duplicate', async () => {
    const twenty = names(20);
    await seed(client, twenty);
    // 300 ms per call: the second process starts while the first is between its GetTenant and its CreateTenant.
    await emu.admin.setFaults({ latencyMs: 300 });
    const file = writeFile('tenants.json', twenty.map(spec));
    await emu.admin.resetStats();
    const [a, b] = await Promise.all([runCliProcess(onboard(file, '--concurrency', '20')), runCliProcess(onboard(file, '--concurrency', '20'))]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr + b.stderr).not.toMatch(/Error|failed/);
    expect(a.stdout + b.stdout).not.toMatch(/[1-9]\d* failed/);
    const stats = await emu.admin.stats();
    if (process.env.SHOW_CALLS) console.log(JSON.stringify(stats.operations), JSON.stringify(stats.errors));
    // SES calls of the two processes, as measured here: GetTenant 60, CreateTenant 40 (20 lost the
    // race: AlreadyExistsException, re-read, re-planned), CreateTenantResourceAssociation 40,
    // TagResource 40, ListTenantResources 20, ListReputationEntities 20; no error reached either process.
    expect(stats.errors.AlreadyExistsException ?? 0).toBeGreaterThan(0);
    expect(stats.operations.CreateTenantResourceAssociation).toBeGreaterThanOrEqual(40);
    const live = await liveTenants(client);
    expect([...live.keys()].sort()).toEqual(twenty);
    for (const t of live.values()) expect(t).toEqual({ resources: 2, marker: 'signup-service/runtime', hashed: true });
  });

  test('SIGKILL half-way through onboarding 200 tenants, then a rerun converges with no duplicate', async () => {
    const all = names(200);
    await seed(client, all);
    await emu.admin.setFaults({ latencyMs: 2 });
    const file = writeFile('tenants.json', all.map(spec));
    await emu.admin.resetStats();
    const killed = await killAtWriteCount(emu.admin, spawnCli(onboard(file, '--concurrency', '16')), 400);
    expect(killed.signal).toBe('SIGKILL');
    const half = await liveTenants(client);
    expect(half.size).toBeGreaterThan(0);
    expect(half.size).toBeLessThan(200);

    const rerun = await runCliProcess(onboard(file, '--format', 'json'));
    expect(rerun.code).toBe(0);
    const { counts } = JSON.parse(rerun.stdout) as { counts: Record<string, number> };
    expect(counts.failed).toBe(0);
    expect(counts.created + counts.updated + counts.unchanged).toBe(200);
    expect(counts.created).toBe(200 - half.size);
    const live = await liveTenants(client);
    expect([...live.keys()].sort()).toEqual(all);
    for (const t of live.values()) expect(t).toEqual({ resources: 2, marker: 'signup-service/runtime', hashed: true });
  });
});
