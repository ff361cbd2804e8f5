import { execFile } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** Runs the layering lint on `src` below `cwd` as `npm run lint:layers` does: its exit code and output. */
function run(cwd: string, args: readonly string[] = []): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(DEPCRUISE, ['src', '--config', CONFIG, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

/** The lint's exit code and its violations (from its JSON report). */
async function cruise(cwd: string): Promise<{ code: number; violations: Violation[] }> {
  const [plain, json] = await Promise.all([run(cwd), run(cwd, ['--output-type', 'json'])]);
  return { code: plain.code, violations: (JSON.parse(json.stdout) as { summary: { violations: Violation[] } }).summary.violations };
}

describe('layering lint (dependency-cruiser, run by npm test)', () => {
  test('the source tree follows the layering', async () => {
    const { code, violations } = await cruise(ROOT);
    expect(violations).toEqual([]);
    expect(code).toBe(0);
  });

  test('fails on wrong-way imports (runtime -> cli among them), cdktf or the SES SDK in the wrong folder, cdktf reached from src/runtime, and an import circle', async () => {
    const { code, violations } = await cruise(path.join(__dirname, 'layering-fixture'));
    expect(code).not.toBe(0);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\//, 'node_modules/')}`).sort();
    expect(found).toEqual(
      expect.arrayContaining([
        'layers-engine: src/engine/wrong-way.ts -> src/constructs/stack.ts',
        'layers-render: src/render/text.ts -> src/engine/plan.ts',
        'layers-tenant-spec: src/tenant-spec/a.ts -> src/aws/gateway.ts',
        'layers-runtime: src/runtime/send-check.ts -> src/cli/desired-send-view.ts',
        'plugin-protocol-knows-no-tenants: src/provider/protocol/leak.ts -> src/tenant-spec/a.ts',
        expect.stringMatching(/^cdktf-only-in-constructs: src\/engine\/wrong-way\.ts -> node_modules\/cdktf\//),
        // Transitively: src/runtime may import the engine, but nothing it reaches may import cdktf.
        expect.stringMatching(/^runtime-loads-no-cdktf: src\/runtime\/onboarding\.ts -> .*node_modules\/cdktf\//),
        expect.stringMatching(/^ses-sdk-only-in-aws: src\/engine\/wrong-way\.ts -> node_modules\/@aws-sdk\/client-sesv2\//),
        expect.stringMatching(/^no-circular: src\/tenant-spec\/(a|b)\.ts -> src\/tenant-spec\/(a|b)\.ts$/),
      ]),
    );
    // aws -> tenant-spec and cli -> runtime are allowed: the only violations are the wrong-way ones.
    expect(found.filter((f) => f.startsWith('layers-aws') || f.startsWith('layers-cli'))).toEqual([]);
  });
});
