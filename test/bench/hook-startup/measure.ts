import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { benchClient, createSendingResources, repositoryRoot, startEmulatorProcess } from '../support/emulator-process';
import { planAndApply } from '../support/engine-run';
import { FLEET_TARGET, SHARED_CONFIGURATION_SET, fleetDesired, fleetIdentity } from '../support/fleet';
import { hookEnv } from '../support/hook-env';
import { interleave, median, timeNode } from '../support/process-timing';
import { argN, runScenario } from '../support/result';
import { buildHookVariants } from './variants';

// Hook start-up prototypes: the same no-op hook invocation (tenant-create of an existing tenant)
// through each packaging of the hook program, against `node -e 0`, N interleaved rounds; medians.

runScenario(async () => {
  const runs = argN(21);
  const root = repositoryRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hook-startup-'));
  const emulator = await startEmulatorProcess();
  try {
    const client = benchClient(emulator.url, FLEET_TARGET.region);
    await createSendingResources(client, [fleetIdentity(0)], [SHARED_CONFIGURATION_SET]);
    if (!(await planAndApply(client, fleetDesired(1))).result.ok) throw new Error('seeding the hook tenant failed');
    client.destroy();
    const env = hookEnv(emulator.url);
    const warm = (args: readonly string[], extra: NodeJS.ProcessEnv) => {
      const run = timeNode(args, { ...env, ...extra });
      if (run.code !== 0) throw new Error(`warming ${args.join(' ')} failed: ${run.stderr}`);
    };
    const { variants, skipped } = await buildHookVariants(root, dir, warm);
    const timed = interleave([{ args: ['-e', '0'], env }, ...variants.map((v) => ({ args: v.args, env }))], runs);
    const floorS = median(timed[0].map((r) => r.seconds));
    const extra: Record<string, number | string | boolean> = { floorS, skipped: skipped.join('; ') };
    variants.forEach((v, i) => {
      const results = timed[i + 1];
      extra[`${v.name}|s`] = median(results.map((r) => r.seconds));
      extra[`${v.name}|ok`] = results.every((r) => r.code === 0 && r.stderr.trim() === '');
      extra[`${v.name}|stderr`] = results.find((r) => r.stderr.trim() !== '')?.stderr.trim().slice(0, 160) ?? '';
      extra[`${v.name}|about`] = v.description;
    });
    return { scenario: 'hook-startup', n: runs, wallS: extra['bundle|s'] as number, peakMb: 0, extra };
  } finally {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
