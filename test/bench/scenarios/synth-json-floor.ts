import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SYNTH_BENCH_TARGET, buildSynthBenchApp } from '../synth-app';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// Synth floor (b): writing the same canonical tenant map as JSON with JSON.stringify. The map is
// taken from a synth of the benchmark app (not measured), then stringified and written (measured).

runScenario(() => {
  const n = argN(10_000);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-json-'));
  try {
    buildSynthBenchApp(outdir, n).app.synth();
    const stackJson = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', SYNTH_BENCH_TARGET.stack, 'cdk.tf.json'), 'utf8')) as {
      locals: Record<string, unknown>;
    };
    const map = { ses_tenants_stack: stackJson.locals.ses_tenants_stack, ses_tenants: stackJson.locals.ses_tenants };
    const file = path.join(outdir, 'tenants.json');
    const start = performance.now();
    fs.writeFileSync(file, JSON.stringify(map, null, 2));
    const wallS = secondsSince(start);
    return { scenario: 'synth-json-floor', n, wallS, peakMb: peakMb(), extra: { jsonBytes: fs.statSync(file).size } };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
