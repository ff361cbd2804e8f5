import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { MANAGED_BY_TAG, RELEASED_BY_TAG } from '../../src/tenant-spec';
import { fakeCredentials } from '../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { emulatorTerraformEnv } from '../support/emulator-terraform-env';
import { runCliProcess } from '../support/cli-process';
import { writeCount } from '../support/kill-points';
import { APP_REGION, appMarker, generatedTenant, readLiveTenants, removeDir, synthTenantApp, tempDir } from '../support/tenant-app';
import { runTerraform, describeWithTerraform, type TerraformResult } from '../support/terraform';

// Fault: `terraform apply` of a TenantStack (provider backend) is SIGKILLed while it releases 200
// tenants removed from the code, and its state is lost (the issue saw a kill truncate the local
// state to 0 bytes in 4 of 4 runs; a deleted or overwritten state is the same). The next plan must
// list every tenant the stack still marks but no longer declares, and after the repair both
// `ses-tenants plan` and `terraform plan` show no changes.

const STACK = 'orph';
const KEPT = Array.from({ length: 10 }, (_, i) => `keep-${String(i).padStart(2, '0')}`);
const GONE = Array.from({ length: 200 }, (_, i) => `gone-${String(i).padStart(3, '0')}`);
const tenant = (name: string) => generatedTenant(name, { emailIdentities: [], configurationSets: [], templates: [], allowIncompleteSending: true });
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describeWithTerraform('terraform apply killed while it releases 200 tenants, then the state is lost', () => {
  let root: string;
  let outdir: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let env: NodeJS.ProcessEnv;
  const stackDir = () => path.join(outdir, 'stacks', STACK);
  const stateFile = () => path.join(root, `terraform.${STACK}.tfstate`);
  const tf = (args: string[], allowFailure = true): TerraformResult => runTerraform(stackDir(), args, { env, allowFailure });
  const marked = async (): Promise<string[]> =>
    Object.values(await readLiveTenants(client))
      .filter((t) => t.tags[MANAGED_BY_TAG] === appMarker(STACK))
      .map((t) => t.name)
      .sort();

  beforeAll(async () => {
    root = tempDir('rel-orphans');
    outdir = path.join(root, 'cdktf.out');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    env = { ...emulatorTerraformEnv(root, emu.url), TF_IN_AUTOMATION: '1' };
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.kill('SIGKILL');
    if (root) removeDir(root);
  });

  test('the next plan lists the orphans; after the repair ses-tenants plan and terraform plan show no changes', async () => {
    synthTenantApp(outdir, [...KEPT, ...GONE].map(tenant), STACK, undefined, 'provider');
    expect(tf(['init', '-no-color', '-input=false']).code).toBe(0);
    const created = tf(['apply', '-auto-approve', '-no-color', '-input=false']);
    expect({ code: created.code, err: created.stderr }).toEqual({ code: 0, err: '' });
    expect(await marked()).toEqual([...GONE, ...KEPT].sort());

    // The release: the code now declares only KEPT; the apply is SIGKILLed a third of the way in.
    synthTenantApp(outdir, KEPT.map(tenant), STACK, undefined, 'provider');
    await emu.admin.resetStats();
    const child = spawn('terraform', ['apply', '-auto-approve', '-no-color', '-input=false'], {
      cwd: stackDir(),
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_INPUT: '0', ...env },
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && writeCount(await emu.admin.stats()) < 120) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The provider process outlives terraform for the request in flight: wait until the writes stop, then end it.
    let writes = -1;
    for (let now = writeCount(await emu.admin.stats()); now !== writes; now = writeCount(await emu.admin.stats())) {
      writes = now;
      await new Promise((r) => setTimeout(r, 300));
    }
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    const stateBytes = fs.statSync(stateFile()).size;
    fs.writeFileSync(stateFile(), '');

    const orphans = (await marked()).filter((n) => n.startsWith('gone-'));
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.length).toBeLessThan(GONE.length);
    await emu.admin.resetStats();
    const plan = tf(['plan', '-no-color', '-input=false']);
    expect({ code: plan.code, err: plan.stderr }).toEqual({ code: 0, err: '' });
    const out = oneLine(plan.stdout);
    expect(out).toContain(`Warning: ${orphans.length} tenants marked ${appMarker(STACK)} not in the configuration`);
    for (const name of orphans) expect(out).toMatch(new RegExp(`[:,] ${name} \\(tn-`));
    // The orphans' warning alone: the kept tenants have their own "will be finished" warnings.
    const orphanWarning = out.slice(out.indexOf(`Warning: ${orphans.length} tenants marked`), out.indexOf('Keep the state remote'));
    for (const name of GONE.filter((n) => !orphans.includes(n))) expect(orphanWarning).not.toContain(` ${name} (`);
    for (const name of KEPT) expect(orphanWarning).not.toContain(` ${name} (`);
    const planCalls = (await emu.admin.stats()).operations;
    expect(writeCount({ operations: planCalls })).toBe(0);

    // The repair the warning gives a TenantStack: release with ses-tenants, then one terraform apply.
    const release = await runCliProcess(['apply', '--app', outdir, '--endpoint', emu.url, '--auto-approve']);
    expect({ code: release.code, out: release.stdout }).toEqual({ code: 0, out: expect.stringContaining(`0 created, 0 updated, ${orphans.length} released, 0 deleted, 0 failed`) });
    const rebuilt = tf(['apply', '-auto-approve', '-no-color', '-input=false']);
    expect({ code: rebuilt.code, err: rebuilt.stderr }).toEqual({ code: 0, err: '' });

    const cliPlan = await runCliProcess(['plan', '--app', outdir, '--endpoint', emu.url, '--detailed-exitcode']);
    expect({ code: cliPlan.code, plan: cliPlan.stdout }).toEqual({ code: 0, plan: expect.stringContaining(`Plan: 0 to create, 0 to update, 0 to release, 0 to delete, ${KEPT.length} unchanged`) });
    const tfPlan = tf(['plan', '-detailed-exitcode', '-no-color', '-input=false']);
    expect({ code: tfPlan.code, err: tfPlan.stderr, noChanges: tfPlan.stdout.includes('No changes.'), warning: tfPlan.stdout.includes('Warning') }).toEqual({
      code: 0,
      err: '',
      noChanges: true,
      warning: false,
    });

    // Nothing was deleted: every tenant is still in SES, the kept ones ours, the others released by this stack.
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual([...GONE, ...KEPT].sort());
    for (const name of KEPT) expect({ name, by: live[name].tags[MANAGED_BY_TAG] }).toEqual({ name, by: appMarker(STACK) });
    for (const name of GONE) {
      expect({ name, by: live[name].tags[MANAGED_BY_TAG], released: live[name].tags[RELEASED_BY_TAG] }).toEqual({ name, by: undefined, released: appMarker(STACK) });
    }
    process.stdout.write(
      `orphans after kill: state ${stateBytes} bytes after the kill (then emptied), ${GONE.length - orphans.length} released before the kill, ${orphans.length} orphans; ` +
        `plan SES calls: ${JSON.stringify(planCalls)}\n`,
    );
  }, 600_000);
});
