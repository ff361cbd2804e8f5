import * as fs from 'fs';
import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { TenantStack } from '../../src';
import type { ReputationPolicy, TenantStackBackend } from '../../src';
import { tenantStackAppSource } from '../support/cdktf-project';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { fakeCredentials } from '../support/emulator';
import { emulatorTerraformEnv } from '../support/emulator-terraform-env';
import { node22Leg, pathFirst, RUNNING_NODE, type NodeLeg } from '../support/node-legs';
import { packedInstall, PackedUserProject, runCommandSync } from '../support/packed-package';
import { describeWithTerraform, runTerraform } from '../support/terraform';
import {
  APP_ACCOUNT,
  APP_REGION,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  SHARED_CONFIGURATION_SET,
  SHARED_TEMPLATE,
  tempDir,
  tenantIds,
} from '../support/tenant-app';

// Moving a deployed hooks stack to the provider backend with the real terraform, against the
// emulator: the stack is synthesized into the same cdktf.out each time (its local state sits next
// to it), deployed with the hooks, then synthesized with `backend: 'provider', migrateFromHooks: true`.
// Twice: with this repository's source on cdktf (synthesized in the test process), and in a CDK
// Terrain project on the packed package (the README's cdktn install block, no cdktf installed)
// whose app, provider and hooks run on Node 22 (the running node where there is none).

const STACK = 'moving';
const NAMES = ['acme', 'globex', 'initech'];
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag)/;

/** The stack props a step changes. */
interface MovingStackProps {
  readonly backend: TenantStackBackend;
  readonly migrateFromHooks?: boolean;
}
/** The tenants of a step by name, each a generated tenant with these changes. */
type MovingTenants = Readonly<Record<string, { readonly reputationPolicy?: ReputationPolicy }>>;

/** How one run of the story makes its stack directory and runs terraform there. */
interface MigrationLeg {
  /** Lays the leg out in `root` (once, before its tests). */
  setUp(root: string): Promise<void>;
  /** Synthesizes the stack into the leg's cdktf.out. */
  synth(props: MovingStackProps, tenants: MovingTenants): void;
  /** The synthesized stack directory, where terraform runs. */
  stackDir(): string;
  /** PATH of terraform and so of the provider and the hooks it starts. */
  readonly path?: string;
}

/** This repository's source on cdktf, synthesized in the test process. */
function sourceLeg(): MigrationLeg {
  let outdir = '';
  return {
    async setUp(root) {
      outdir = path.join(root, 'cdktf.out');
    },
    synth(props, tenants) {
      const app = new App({ outdir });
      const stack = new TenantStack(app, STACK, { region: APP_REGION, accountId: APP_ACCOUNT, ...props });
      for (const [name, over] of Object.entries(tenants)) stack.addTenant(generatedTenant(name, over));
      app.synth();
    },
    stackDir: () => path.join(outdir, 'stacks', STACK),
  };
}

/** A CDK Terrain project on the packed package; its app, the provider and the hooks run on `node`. */
function cdktnLeg(node: NodeLeg): MigrationLeg {
  let project: PackedUserProject;
  const bin = node.bin;
  return {
    async setUp(root) {
      project = new PackedUserProject(await packedInstall('cdktn install'), path.join(root, 'project'));
      for (const other of ['cdktf', '@cdktf']) expect(fs.existsSync(path.join(project.dir, 'node_modules', other))).toBe(false);
      expect(runCommandSync(['node', '--version'], project.dir, { PATH: pathFirst(bin) }).output.trim()).toMatch(node.version);
    },
    synth(props, tenants) {
      const sources = Object.fromEntries(
        Object.entries(tenants).map(([name, over]) => [name, { configurationSets: [SHARED_CONFIGURATION_SET], templates: [SHARED_TEMPLATE], tags: { team: `team-${name.length % 7}` }, ...over }]),
      );
      const { backend, ...rest } = props;
      project.writeApp(tenantStackAppSource(STACK, 'repo-mail', sources, backend, 'cdktn', rest));
      const run = runCommandSync(['node', 'app.js'], project.dir, { PATH: pathFirst(bin), HOME: process.env.HOME });
      if (run.code !== 0) throw new Error(`node app.js failed:\n${run.output}`);
    },
    stackDir: () => path.join(project.dir, 'cdktf.out', 'stacks', STACK),
    path: pathFirst(bin),
  };
}

const CDKTN_NODE = node22Leg() ?? RUNNING_NODE;
const LEGS: readonly [string, MigrationLeg][] = [
  ['this source on cdktf', sourceLeg()],
  [`a CDK Terrain project on the packed package, on ${CDKTN_NODE.label}`, cdktnLeg(CDKTN_NODE)],
];

const named = (names: readonly string[], over: MovingTenants = {}): MovingTenants => Object.fromEntries(names.map((n) => [n, over[n] ?? {}]));

for (const [label, leg] of LEGS) describeWithTerraform(`hooks → provider migration under the real terraform: ${label}`, () => {
  let root: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let env: NodeJS.ProcessEnv;
  let ids: Record<string, string>;
  const stackDir = (): string => leg.stackDir();
  const tf = (command: string, ...args: string[]) => runTerraform(stackDir(), [command, '-input=false', '-no-color', ...args], { env });
  const synth = (props: MovingStackProps, tenants: MovingTenants = named(NAMES)): void => leg.synth(props, tenants);
  const writes = async (): Promise<Record<string, number>> =>
    Object.fromEntries(Object.entries((await emu.admin.stats()).operations).filter(([op, n]) => WRITE.test(op) && Number(n) > 0)) as Record<string, number>;

  beforeAll(async () => {
    root = tempDir('e2e-hooks-to-provider');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    env = { ...emulatorTerraformEnv(root, emu.url), ...(leg.path ? { PATH: leg.path } : {}) };
    await seedGeneratedResources(client, [...NAMES, 'hooli']);
    await leg.setUp(root);
  }, 900_000);
  afterAll(async () => {
    client?.destroy();
    await emu?.kill('SIGKILL');
    if (root) removeDir(root);
  });

  test('the hooks deploy the tenants', async () => {
    synth({ backend: 'hooks' });
    tf('init');
    expect(tf('apply', '-auto-approve').stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(NAMES);
    ids = tenantIds(live);
  }, 300_000);

  test('with migrateFromHooks the plan imports every tenant, adds and destroys nothing, and forgets the hooks', async () => {
    synth({ backend: 'provider', migrateFromHooks: true });
    tf('init');
    await emu.admin.resetStats();
    const plan = tf('plan', '-out=move.tfplan');
    expect(plan.stdout).toContain(`Plan: ${NAMES.length} to import, 0 to add, 0 to change, 0 to destroy.`);
    for (const name of NAMES) {
      expect(plan.stdout).toContain(`sestenants_tenant.ses_tenant["${name}"] will be imported`);
      expect(plan.stdout).toContain(`terraform_data.ses_tenant["${name}"] will no longer be managed by Terraform`);
    }
    expect(await writes()).toEqual({});

    const apply = tf('apply', 'move.tfplan');
    expect(apply.stdout).toContain(`Apply complete! Resources: ${NAMES.length} imported, 0 added, 0 changed, 0 destroyed.`);
    expect(apply.stdout).not.toMatch(/local-exec|Destroying/);
    expect(await writes()).toEqual({});
    expect(tenantIds(await readLiveTenants(client))).toEqual(ids);
    const state = runTerraform(stackDir(), ['state', 'list'], { env }).stdout.split('\n').filter(Boolean).sort();
    expect(state).toEqual(['data.sestenants_orphaned_tenants.ses_tenant_orphans', ...NAMES.map((n) => `sestenants_tenant.ses_tenant["${n}"]`)]);
  }, 300_000);

  test('after the move, without the prop: a no-op plan; a new tenant is created and a moved one updated in place by the provider', async () => {
    synth({ backend: 'provider' });
    await emu.admin.resetStats();
    const plan = tf('plan', '-detailed-exitcode');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    expect(await writes()).toEqual({});

    synth({ backend: 'provider' }, named([...NAMES, 'hooli']));
    const apply = tf('apply', '-auto-approve');
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual([...NAMES, 'hooli'].sort());
    expect(tenantIds(live)).toMatchObject(ids);

    // A moved tenant is the provider's own: a change in code updates it in place.
    synth({ backend: 'provider' }, named([...NAMES, 'hooli'], { acme: { reputationPolicy: 'strict' } }));
    expect(tf('apply', '-auto-approve').stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    const updated = await readLiveTenants(client);
    expect(updated.acme.reputationPolicy).toBe('strict');
    expect(tenantIds(updated)).toMatchObject(ids);
  }, 300_000);
});
