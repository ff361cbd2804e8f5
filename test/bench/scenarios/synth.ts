import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SYNTH_BENCH_TARGET, buildSynthBenchApp } from '../synth-app';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// Scenario 1: synth of the benchmark app (one TenantStack of N tenants) with the real constructs.
// The wall time counts from the new App to the written stack (modules already loaded), as in the
// raw-cdktf floor. Run through a launcher (scripts/bench.js), not as the main module: the app
// module runs its own CLI when it is `require.main`, which a bundle cannot tell apart.

runScenario(() => {
  const n = argN(10_000);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  try {
    const start = performance.now();
    const { app } = buildSynthBenchApp(outdir, n);
    const built = performance.now();
    app.synth();
    const wallS = secondsSince(start);
    const jsonBytes = fs.statSync(path.join(outdir, 'stacks', SYNTH_BENCH_TARGET.stack, 'cdk.tf.json')).size;
    return { scenario: 'synth', n, wallS, peakMb: peakMb(), extra: { jsonBytes, constructS: (built - start) / 1000 } };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
