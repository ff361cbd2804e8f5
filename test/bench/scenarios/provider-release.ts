import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { repositoryRoot } from '../support/emulator-process';
import { median, timeNode } from '../support/process-timing';
import { providerStartups } from '../support/provider-startup';
import { argN, peakMb, runScenario } from '../support/result';
import { unzip } from '../../support/provider-release';
import { RELEASE_PLATFORMS } from '../../../src/cli/commands/provider/release-platforms';
import { hostPlatform } from '../../../src/tenant-spec/terraform-package';

// The release artifacts of the provider (issue 19): `ses-tenants provider package` for this
// machine's platform (the single executable, Node SEA, without and with --code-cache) and another
// (the JS form); start-up from
// spawn to the handshake line of each, interleaved with `node -e 0`, N rounds, medians; artifact
// sizes, unpacked and zipped.

const VERSION = '0.0.0-bench';

runScenario(async () => {
  const runs = argN(21);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-provider-release-'));
  try {
    const out = path.join(root, 'release');
    const cli = path.join(repositoryRoot(), 'dist', 'cli.js');
    const host = hostPlatform();
    const other = RELEASE_PLATFORMS.find((p) => p !== host)!;
    const started = performance.now();
    const packaged = spawnSync(process.execPath, [cli, 'provider', 'package', '--out', out, '--version', VERSION, '--platform', host, '--platform', other], { encoding: 'utf8' });
    const packageS = (performance.now() - started) / 1000;
    if (packaged.status !== 0) throw new Error(`ses-tenants provider package failed: ${packaged.stderr}`);
    const cachedOut = path.join(root, 'release-code-cache');
    const cached = spawnSync(process.execPath, [cli, 'provider', 'package', '--out', cachedOut, '--version', VERSION, '--platform', host, '--code-cache'], { encoding: 'utf8' });
    if (cached.status !== 0) throw new Error(`ses-tenants provider package --code-cache failed: ${cached.stderr}`);
    const zip = (platform: string, dir = out) => path.join(dir, `terraform-provider-sestenants_${VERSION}_${platform}.zip`);
    const extract = async (platform: string, name: string, dir = out): Promise<string> => {
      const [entry] = await unzip(zip(platform, dir));
      const file = path.join(root, name);
      fs.writeFileSync(file, entry.bytes, { mode: 0o755 });
      return file;
    };
    const sea = await extract(host, 'sea');
    const seaCached = await extract(host, 'sea-code-cache', cachedOut);
    const js = await extract(other, 'provider.js');
    const seaRuns: number[] = [];
    const seaCachedRuns: number[] = [];
    const jsRuns: number[] = [];
    const nodeRuns: number[] = [];
    // Interleaved rounds of 1: machine noise hits all three alike.
    for (let i = 0; i < runs; i++) {
      seaRuns.push(...(await providerStartups(sea, [], 1, '/nonexistent')));
      seaCachedRuns.push(...(await providerStartups(seaCached, [], 1, '/nonexistent')));
      jsRuns.push(...(await providerStartups(process.execPath, [js], 1)));
      nodeRuns.push(timeNode(['-e', '0'], { PATH: process.env.PATH }).seconds);
    }
    const size = (file: string) => fs.statSync(file).size;
    return {
      scenario: 'provider-release',
      n: runs,
      wallS: median(seaRuns),
      peakMb: peakMb(),
      extra: {
        seaStartupS: median(seaRuns),
        seaCodeCacheStartupS: median(seaCachedRuns),
        jsStartupS: median(jsRuns),
        nodeS: median(nodeRuns),
        seaBytes: size(sea),
        seaZipBytes: size(zip(host)),
        jsBytes: size(js),
        jsZipBytes: size(zip(other)),
        packageS,
      },
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
