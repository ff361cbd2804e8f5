import * as fs from 'fs';
import * as path from 'path';
import {
  CreateTenantCommand,
  DeleteTenantResourceAssociationCommand,
  UpdateReputationEntityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { runCliProcess } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import {
  appArn,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  stackJsonPath,
  synthTenantApp,
  tempDir,
} from '../support/tenant-app';

// Saved plans and synth outputs that no longer describe the world: the live state moved after
// `plan --out`, the file is truncated or made for another region or account, or the synth output
// comes from an older version of the tool. Each is refused with a message and changes nothing.

const NAMES = ['acme', 'globex', 'initech'];

describe('a saved plan is applied only while it still describes the live state', () => {
  const emu = withEmulator();
  let dir: string;
  const client = () => emu.client('eu-central-1');
  const app = (name: string) => path.join(dir, name);
  const cli = (args: string[]) => runCliProcess([...args, '--endpoint', emu.url]);

  beforeEach(async () => {
    dir = tempDir('rel-saved-plan');
    await seedGeneratedResources(client(), NAMES);
    synthTenantApp(app('v1'), NAMES.map((n) => generatedTenant(n)));
    synthTenantApp(app('v2'), NAMES.map((n) => generatedTenant(n, { tags: { team: `${n}-v2` } })));
    expect((await cli(['apply', '--app', app('v1'), '--auto-approve'])).code).toBe(0);
  });
  afterEach(() => removeDir(dir));

  const moves = [
    {
      what: 'a policy',
      tenant: 'globex',
      change: 'changed',
      move: async () => {
        const arn = (await readLiveTenants(client())).globex.arn;
        await client().send(
          new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, ReputationEntityPolicy: 'arn:aws:ses:eu-central-1:aws:reputation-policy/none' }),
        );
      },
    },
    {
      what: 'an association',
      tenant: 'initech',
      change: 'changed',
      move: () => client().send(new DeleteTenantResourceAssociationCommand({ TenantName: 'initech', ResourceArn: appArn('template/welcome') })),
    },
    { what: 'a new tenant', tenant: 'newcomer', change: 'added', move: () => client().send(new CreateTenantCommand({ TenantName: 'newcomer' })) },
  ];

  test.each(moves)('given $what moved after plan --out, apply PLANFILE refuses, names $tenant, and writes nothing', async ({ tenant, change, move }) => {
    const planFile = path.join(dir, 'reviewed.plan.json');
    const plan = await cli(['plan', '--app', app('v2'), '--out', planFile]);
    expect(plan.code).toBe(0);
    await move();
    const before = await readLiveTenants(client());
    await emu.admin.resetStats();

    const apply = await cli(['apply', planFile, '--app', app('v2')]);

    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`the live state moved since the plan was computed: 1 tenant changed (${tenant} (${change} in eu-central-1, stack rel))`);
    expect(apply.stderr).toContain('Nothing was applied; run plan again');
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(await readLiveTenants(client())).toEqual(before);
  });

  test('given a truncated plan file, apply says so and writes nothing', async () => {
    const planFile = path.join(dir, 'reviewed.plan.json');
    await cli(['plan', '--app', app('v2'), '--out', planFile]);
    const text = fs.readFileSync(planFile, 'utf8');
    fs.writeFileSync(planFile, text.slice(0, Math.floor(text.length / 2)));
    await emu.admin.resetStats();

    const apply = await cli(['apply', planFile, '--app', app('v2')]);

    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`${planFile} is not a complete plan file (truncated or corrupt JSON`);
    expect((await emu.admin.stats()).total).toBe(0);
  });

  test.each([
    ['region', 'us-west-2', 'aws/us-west-2/123456789012'],
    ['account', '210987654321', 'aws/eu-central-1/210987654321'],
  ])('given a plan file made for another %s, apply refuses and writes nothing', async (field, value, where) => {
    const planFile = path.join(dir, 'reviewed.plan.json');
    await cli(['plan', '--app', app('v2'), '--out', planFile]);
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    plan.stacks[0].target[field] = value;
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const before = await readLiveTenants(client());
    await emu.admin.resetStats();

    const apply = await cli(['apply', planFile, '--app', app('v2')]);

    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`the plan was made for stack rel in ${where}, but the app now puts it in aws/eu-central-1/123456789012. Nothing was applied`);
    expect(writeCount(await emu.admin.stats())).toBe(0);
    expect(await readLiveTenants(client())).toEqual(before);
  });

  test('given a cdktf.out synthesized by an older version of the tool, plan and apply refuse before any SES call', async () => {
    const file = stackJsonPath(app('v2'));
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.locals.ses_tenants_stack.formatVersion = 0;
    fs.writeFileSync(file, JSON.stringify(json));
    await emu.admin.resetStats();

    for (const args of [['plan'], ['apply', '--auto-approve']]) {
      const run = await cli([...args, '--app', app('v2')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('was synthesized in desired-state format version 0; this tool reads version 2. Synth again');
    }
    expect((await emu.admin.stats()).total).toBe(0);
  });
});
