import * as path from 'path';
import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { runCliProcess, type CliRun } from '../support/cli-process';
import { APP_REGION, generatedTenant, removeDir, seedGeneratedResources, synthTenantApp, tempDir } from '../support/tenant-app';

// `ses-tenants status` as a child process against the emulator: an applied app, one tenant paused
// by SES (the emulator's admin endpoint), one paused by its code, one declared but not applied,
// and a tenant no stack manages.

const SES_CAUSE = 'Bounce rate above the threshold.';

describe('ses-tenants status', () => {
  const emu = withEmulator();
  let dir: string;
  let app: string;
  const client = () => emu.client(APP_REGION);
  const cli = (args: string[]): Promise<CliRun> => runCliProcess([...args, '--endpoint', emu.url]);
  const ops = async () => (await emu.admin.stats()).operations;

  beforeEach(async () => {
    dir = tempDir('cli-status');
    await seedGeneratedResources(client(), ['acme', 'globex', 'initech', 'hooli']);
    const applied = synthTenantApp(path.join(dir, 'v1'), [generatedTenant('acme'), generatedTenant('globex'), generatedTenant('initech', { sendingStatus: 'disabled' })]);
    expect((await cli(['apply', '--app', applied, '--auto-approve'])).code).toBe(0);
    app = synthTenantApp(path.join(dir, 'v2'), ['acme', 'globex', 'hooli'].map((n) => generatedTenant(n)).concat(generatedTenant('initech', { sendingStatus: 'disabled' })));
    await client().send(new CreateTenantCommand({ TenantName: 'outsider' }));
    await emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'globex', status: 'DISABLED', cause: SES_CAUSE });
    await emu.admin.resetStats();
  });
  afterEach(() => removeDir(dir));

  test('text lists every declared tenant worst first, with both statuses, the cause, impact, policy and owner; one list page plus one tag read per live tenant', async () => {
    const run = await cli(['status', '--app', app, '--detailed-exitcode']);

    expect(run.code).toBe(2);
    expect(run.stdout).toMatchInlineSnapshot(`
"  TENANT   STACK  REGION        SENDING   CUSTOMER  SES-MANAGED  CAUSE                                  IMPACT  POLICY    OWNER
x globex   rel    eu-central-1  DISABLED  ENABLED   DISABLED     SES: Bounce rate above the threshold.  NONE    standard  test-app/rel
= initech  rel    eu-central-1  DISABLED  DISABLED  ENABLED      customer: Status manually updated.     NONE    standard  test-app/rel
? hooli    rel    eu-central-1  ABSENT    -         -            -                                      -       -         -
  acme     rel    eu-central-1  ENABLED   ENABLED   ENABLED      -                                      NONE    standard  test-app/rel

Status: 4 tenants: 1 paused by SES, 1 paused by the customer, 0 reinstated, 1 absent from SES.
"
`);
    expect(await ops()).toEqual({ ListReputationEntities: 1, ListTagsForResource: 3 });
  });

  test('--no-owners reads the list pages only; without --detailed-exitcode a pause exits 0', async () => {
    const run = await cli(['status', '--app', app, '--no-owners', '--format', 'json']);

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ tenants: 4, pausedBySes: 1, pausedByCustomer: 1, absent: 1, reinstated: 0 });
    expect(report.tenants.map((t: { tenant: string; severity: string }) => `${t.severity} ${t.tenant}`)).toEqual([
      'paused-by-ses globex',
      'paused-by-customer initech',
      'absent hooli',
      'ok acme',
    ]);
    expect(report.tenants[0]).toMatchObject({
      stack: 'rel',
      sendingStatus: 'DISABLED',
      customerManaged: { status: 'ENABLED' },
      awsManaged: { status: 'DISABLED', cause: SES_CAUSE, updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      policy: 'standard',
    });
    expect(report.tenants[1].customerManaged).toMatchObject({ status: 'DISABLED', cause: 'Status manually updated.' });
    expect(report.tenants[0]).not.toHaveProperty('owner');
    expect(await ops()).toEqual({ ListReputationEntities: 1 });
  });

  test('Markdown is a digest table; --region lists every tenant of the region, the unmanaged one too', async () => {
    const markdown = await cli(['status', '--app', app, '--format', 'markdown']);
    const region = await cli(['status', '--region', APP_REGION, '--format', 'json']);

    expect(markdown.stdout).toMatchInlineSnapshot(`
"## SES tenants status

**4 tenants: 1 paused by SES, 1 paused by the customer, 0 reinstated, 1 absent from SES.**

| STATE | TENANT | STACK | REGION | SENDING | CUSTOMER | SES-MANAGED | CAUSE | IMPACT | POLICY | OWNER |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| paused by SES | \`globex\` | rel | eu-central-1 | DISABLED | ENABLED | DISABLED | SES: Bounce rate above the threshold. | NONE | standard | test-app/rel |
| paused by the customer | \`initech\` | rel | eu-central-1 | DISABLED | DISABLED | ENABLED | customer: Status manually updated. | NONE | standard | test-app/rel |
| absent from SES | \`hooli\` | rel | eu-central-1 | ABSENT | - | - | - | - | - | - |
| sending | \`acme\` | rel | eu-central-1 | ENABLED | ENABLED | ENABLED | - | NONE | standard | test-app/rel |

"
`);
    const tenants = JSON.parse(region.stdout).tenants as Array<{ tenant: string; owner: string | null; stack?: string }>;
    expect(tenants.map((t) => `${t.tenant}:${t.owner}`)).toEqual(['globex:test-app/rel', 'initech:test-app/rel', 'acme:test-app/rel', 'outsider:null']);
    expect(tenants.every((t) => t.stack === undefined)).toBe(true);
  });

  test('once SES reinstates the tenant, --detailed-exitcode exits 0', async () => {
    await emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'globex', status: 'ENABLED' });
    const run = await cli(['status', '--app', app, '--detailed-exitcode', '--no-owners']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Status: 4 tenants: 0 paused by SES, 1 paused by the customer, 0 reinstated, 1 absent from SES.');
  });

  test('plan and drift show the tenant SES paused as information next to the stack, neither a change nor drift', async () => {
    const plan = await cli(['plan', '--app', app]);
    const json = JSON.parse((await cli(['plan', '--app', app, '--format', 'json'])).stdout);
    const markdown = await cli(['plan', '--app', app, '--format', 'markdown']);
    const drift = await cli(['drift', '--app', app]);

    expect(plan.stdout).toContain('  ! 1 paused by SES (information, not a change; `ses-tenants status` shows the cause): globex\n');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to release, 0 to delete, 3 unchanged, 1 unmanaged.');
    expect(json.stacks[0].pausedBySes).toEqual(['globex']);
    expect(json.summary).toMatchObject({ update: 0, drifted: 0 });
    expect(markdown.stdout).toContain('⏸️ 1 paused by SES (information, not a change; `ses-tenants status` shows the cause): `globex`.');
    expect(drift).toMatchObject({ code: 0 });
    expect(drift.stdout).toBe(
      'No drift. Every managed tenant matches the spec last applied to it.\nStack rel: 1 paused by SES (information, not a change; `ses-tenants status` shows the cause): globex\n',
    );
  });
});
