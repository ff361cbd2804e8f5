import * as path from 'path';
import { acceptedCalls, benchClient, createSendingResources, repositoryRoot, startEmulatorProcess } from '../support/emulator-process';
import { planAndApply } from '../support/engine-run';
import { SHARED_CONFIGURATION_SET, FLEET_TARGET, fleetDesired, fleetIdentity } from '../support/fleet';
import { hookEnv } from '../support/hook-env';
import { interleave, median, peakMbOfNode } from '../support/process-timing';
import { argN, runScenario } from '../support/result';

// Scenario 4: one hook invocation that finds nothing to do (tenant-create of a tenant that exists),
// as Terraform runs it: a fresh `node dist/hook.js` with the action and input in its environment,
// against the emulator in its own process. Floor: `node -e 0`. N rounds, interleaved; medians.

runScenario(async () => {
  const runs = argN(21);
  const hook = path.join(repositoryRoot(), 'dist', 'hook.js');
  const emulator = await startEmulatorProcess();
  try {
    const client = benchClient(emulator.url, FLEET_TARGET.region);
    await createSendingResources(client, [fleetIdentity(0)], [SHARED_CONFIGURATION_SET]);
    const seeded = await planAndApply(client, fleetDesired(1));
    if (!seeded.result.ok) throw new Error('seeding the hook tenant failed');
    client.destroy();
    const env = hookEnv(emulator.url);
    await emulator.admin.resetStats();
    const [hookRuns, floorRuns] = interleave([{ args: [hook], env }, { args: ['-e', '0'], env }], runs);
    const stats = await emulator.admin.stats();
    const failed = hookRuns.filter((r) => r.code !== 0);
    if (failed.length > 0) throw new Error(`the hook failed: exit ${failed[0].code}: ${failed[0].stderr}`);
    const warnings = hookRuns.filter((r) => r.stderr.trim() !== '');
    const hookS = median(hookRuns.map((r) => r.seconds));
    const floorS = median(floorRuns.map((r) => r.seconds));
    return {
      scenario: 'hook-process',
      n: runs,
      apiCalls: acceptedCalls(stats) / (runs + 1),
      wallS: hookS,
      peakMb: peakMbOfNode([hook], env) ?? 0,
      extra: {
        floorS,
        minHookS: Math.min(...hookRuns.map((r) => r.seconds)),
        stderrRuns: warnings.length,
        stderrSample: warnings[0]?.stderr.trim().slice(0, 200) ?? '',
        stdoutSample: hookRuns[0].stdout.trim().slice(0, 200),
      },
    };
  } finally {
    await emulator.stop();
  }
});
