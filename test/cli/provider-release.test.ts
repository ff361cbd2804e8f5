import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { RELEASE_MANIFEST, releaseNames, releaseVersion } from '../../src/cli/commands/provider/release-names';
import { executableForm, releasePlatforms } from '../../src/cli/commands/provider/release-platforms';
import { hash1 } from '../../src/tenant-spec/terraform-package';
import { MAGIC_COOKIE_VALUE } from '../../src/provider/protocol/handshake';
import { selfSignedCertificate } from '../../src/provider/protocol/self-signed-cert';
import { PROVIDER_JS, parseSums, runProviderCli, unzip } from '../support/provider-release';
import { removeDir, tempDir } from '../support/tenant-app';

// `ses-tenants provider package`: registry-layout artifacts from the bundled provider, run as the
// bundled CLI in a child process.

const V = '1.2.3';
const PLATFORMS = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'];
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const gpgAvailable = spawnSync('gpg', ['--version']).status === 0;
const hostIsLinuxAmd64 = process.platform === 'linux' && process.arch === 'x64';

describe('release names and platforms', () => {
  test('file names follow the registry layout', () => {
    expect([releaseNames.executable(V), releaseNames.zip(V, 'linux_amd64'), releaseNames.sums(V), releaseNames.signature(V), releaseNames.manifest(V)]).toEqual([
      'terraform-provider-sestenants_v1.2.3',
      'terraform-provider-sestenants_1.2.3_linux_amd64.zip',
      'terraform-provider-sestenants_1.2.3_SHA256SUMS',
      'terraform-provider-sestenants_1.2.3_SHA256SUMS.sig',
      'terraform-provider-sestenants_1.2.3_manifest.json',
    ]);
  });

  test.each(['1.2.3', '0.1.0-rc.1', '2.0.0+build.7'])('%s is a release version', (v) => {
    expect(releaseVersion(v)).toBe(v);
  });

  test.each(['v1.2.3', '1.2', '1.2.3.4', '01.2.3', ''])('"%s" is refused, naming the rule', (v) => {
    expect(() => releaseVersion(v)).toThrow(`--version "${v}" is not a semantic version`);
  });

  test('platforms default to all four, sorted; an unknown one is refused', () => {
    expect(releasePlatforms()).toEqual(PLATFORMS);
    expect(releasePlatforms(['linux_arm64', 'darwin_arm64', 'linux_arm64'])).toEqual(['darwin_arm64', 'linux_arm64']);
    expect(() => releasePlatforms(['windows_amd64'])).toThrow('--platform "windows_amd64" is not one of darwin_amd64, darwin_arm64, linux_amd64, linux_arm64');
  });

  test('only the packaging machine\'s platform gets the single executable', () => {
    expect(executableForm('linux_amd64', 'linux_amd64')).toBe('single-executable');
    expect(executableForm('linux_arm64', 'linux_amd64')).toBe('js');
    expect(executableForm('linux_amd64', 'linux_amd64', true)).toBe('js');
  });
});

describe('ses-tenants provider package', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('provider-release');
  });
  afterAll(() => removeDir(root));

  test('--js writes a zip per platform with the bundled provider, the manifest and SHA256SUMS of both', async () => {
    const out = path.join(root, 'js');
    const run = runProviderCli(['package', '--out', out, '--version', V, '--js']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([...PLATFORMS.map((p) => releaseNames.zip(V, p)), releaseNames.sums(V), releaseNames.manifest(V)].sort());
    expect(JSON.parse(fs.readFileSync(path.join(out, releaseNames.manifest(V)), 'utf8'))).toEqual({ version: 1, metadata: { protocol_versions: ['6.0'] } });
    const bundle = fs.readFileSync(PROVIDER_JS);
    for (const platform of PLATFORMS) {
      const entries = await unzip(path.join(out, releaseNames.zip(V, platform)));
      expect(entries.map((e) => ({ name: e.name, mode: e.mode, same: e.bytes.equals(bundle) }))).toEqual([{ name: 'terraform-provider-sestenants_v1.2.3', mode: 0o755, same: true }]);
    }
    const sumsText = fs.readFileSync(path.join(out, releaseNames.sums(V)), 'utf8');
    const sums = parseSums(sumsText);
    const listed = [...PLATFORMS.map((p) => releaseNames.zip(V, p)), releaseNames.manifest(V)].sort();
    expect(Object.keys(sums)).toEqual(listed);
    for (const name of listed) expect(sums[name]).toBe(sha256(fs.readFileSync(path.join(out, name))));
    expect(sumsText).toMatch(/^([0-9a-f]{64} {2}\S+\n)+$/);
  });

  test('the output is byte-identical on a second run, in another time zone and at another time', async () => {
    const a = path.join(root, 'js');
    const b = path.join(root, 'js-again');
    expect(runProviderCli(['package', '--out', b, '--version', V, '--js'], { TZ: 'Pacific/Kiritimati' }).code).toBe(0);
    for (const name of fs.readdirSync(a)) expect({ name, same: fs.readFileSync(path.join(b, name)).equals(fs.readFileSync(path.join(a, name))) }).toEqual({ name, same: true });
    const [entry] = await unzip(path.join(b, releaseNames.zip(V, 'linux_amd64')));
    expect(entry.mtime.getFullYear()).toBe(2000);
  });

  test('the h1: hash of a zip is the dirhash of its contents', async () => {
    const entries = await unzip(path.join(root, 'js', releaseNames.zip(V, 'darwin_arm64')));
    const line = `${sha256(fs.readFileSync(PROVIDER_JS))}  terraform-provider-sestenants_v1.2.3\n`;
    expect(hash1(entries)).toBe(`h1:${createHash('sha256').update(line).digest('base64')}`);
  });

  test.each([
    [['--version', 'v1.2.3'], '--version "v1.2.3" is not a semantic version'],
    [['--platform', 'windows_amd64'], '--platform "windows_amd64" is not one of'],
    [['--gpg-key', 'no-such-key@example.invalid'], 'Signing with --gpg-key "no-such-key@example.invalid" failed'],
  ])('bad input %j fails with a clear message and writes nothing', (args, message) => {
    const out = path.join(root, `bad-${args[0]}`);
    const env = gpgAvailable ? { GNUPGHOME: fs.mkdtempSync(path.join(root, 'gnupg-empty-')) } : {};
    const run = runProviderCli(['package', '--out', out, '--js', ...args], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('provider mirror with an unknown platform fails with a clear message and writes nothing', () => {
    const dir = path.join(root, 'bad-mirror');
    const run = runProviderCli(['mirror', dir, '--platform', 'linux_386']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--platform "linux_386" is not one of');
    expect(fs.existsSync(dir)).toBe(false);
  });

  (gpgAvailable ? test : test.skip)('--gpg-key writes a detached signature of SHA256SUMS that gpg --verify accepts, and that fails once SHA256SUMS changes', () => {
    const gnupg = fs.mkdtempSync(path.join(root, 'gnupg-'));
    fs.chmodSync(gnupg, 0o700);
    const env = { ...process.env, GNUPGHOME: gnupg };
    try {
      const gen = spawnSync('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'Release Test <release@example.invalid>', 'ed25519', 'sign', 'never'], { env, encoding: 'utf8' });
      expect(gen.status).toBe(0);
      const out = path.join(root, 'signed');
      const run = runProviderCli(['package', '--out', out, '--version', V, '--js', '--gpg-key', 'release@example.invalid'], { GNUPGHOME: gnupg });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const sums = path.join(out, releaseNames.sums(V));
      const sig = path.join(out, releaseNames.signature(V));
      const verify = spawnSync('gpg', ['--batch', '--verify', sig, sums], { env, encoding: 'utf8' });
      expect(verify.stderr).toContain('Good signature from "Release Test <release@example.invalid>"');
      expect(verify.status).toBe(0);
      fs.appendFileSync(sums, `${'0'.repeat(64)}  extra.zip\n`);
      expect(spawnSync('gpg', ['--batch', '--verify', sig, sums], { env }).status).not.toBe(0);
    } finally {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env });
    }
  });

  (hostIsLinuxAmd64 ? test : test.skip)(
    'on linux_amd64 its zip holds a single executable built from the bundled provider, which handshakes with no node on PATH',
    async () => {
      const out = path.join(root, 'sea');
      const run = runProviderCli(['package', '--out', out, '--version', V, '--platform', 'linux_amd64', '--platform', 'linux_arm64']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('terraform-provider-sestenants_1.2.3_linux_amd64.zip  (single executable, needs no node)');
      expect(run.stdout).toContain('terraform-provider-sestenants_1.2.3_linux_arm64.zip  (JS form, needs node on PATH)');
      const [entry] = await unzip(path.join(out, releaseNames.zip(V, 'linux_amd64')));
      expect(entry.mode).toBe(0o755);
      expect(entry.bytes.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      const script = fs.readFileSync(PROVIDER_JS, 'utf8').replace(/^#!.*\n/, '');
      expect(entry.bytes.includes(Buffer.from(script))).toBe(true);
      expect(await handshakeLine(entry.bytes, 'sea-provider')).toMatch(/^1\|6\|unix\|\S+\|grpc\|[A-Za-z0-9+/]+\n$/);
    },
    180_000,
  );

  (hostIsLinuxAmd64 ? test : test.skip)(
    '--code-cache builds a single executable with V8 code cache that handshakes too',
    async () => {
      const out = path.join(root, 'sea-code-cache');
      const run = runProviderCli(['package', '--out', out, '--version', V, '--platform', 'linux_amd64', '--code-cache']);
      expect(run.code).toBe(0);
      const [entry] = await unzip(path.join(out, releaseNames.zip(V, 'linux_amd64')));
      expect(await handshakeLine(entry.bytes, 'sea-code-cache-provider')).toMatch(/^1\|6\|unix\|\S+\|grpc\|/);
    },
    180_000,
  );

  /** Writes `bytes` as an executable and answers the first line it prints when started as Terraform starts it, with no node on PATH. */
  async function handshakeLine(bytes: Buffer, name: string): Promise<string> {
    const exe = path.join(root, name);
    fs.writeFileSync(exe, bytes, { mode: 0o755 });
    const cert = selfSignedCertificate();
    const child = spawn(exe, [], { env: { PATH: '/nonexistent', TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: cert.certPem }, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      return await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
        child.once('error', reject);
      });
    } finally {
      child.kill('SIGKILL');
    }
  }
});

describe('examples/release-provider.yml', () => {
  const workflow = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'release-provider.yml'), 'utf8');

  test('builds each platform on a runner of that platform, with the package script', () => {
    for (const [runner, platform] of [['ubuntu-latest', 'linux_amd64'], ['ubuntu-24.04-arm', 'linux_arm64'], ['macos-13', 'darwin_amd64'], ['macos-14', 'darwin_arm64']]) {
      expect(workflow).toMatch(new RegExp(`- \\{ runner: ${runner.replace(/\./g, '\\.')}, +platform: ${platform} \\}`));
    }
    expect(workflow).toContain('npm run release:provider -- --version "${GITHUB_REF_NAME#v}" --platform ${{ matrix.platform }} --code-cache');
    const scripts = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // The single executable is the node that runs the script: the runner's (npm's own), never the
    // `node` that node_modules/.bin puts first on an npm script's PATH.
    expect(scripts['release:provider']).toBe('"$npm_node_execpath" bin/ses-tenants.js provider package --out dist/release');
  });

  test('writes the same manifest as the package command, checksums zips and manifest, signs and verifies', () => {
    expect(workflow).toContain(`echo '${JSON.stringify(RELEASE_MANIFEST)}' > "terraform-provider-sestenants_\${version}_manifest.json"`);
    expect(workflow).toContain('sha256sum terraform-provider-sestenants_"${version}"_*.zip "terraform-provider-sestenants_${version}_manifest.json"');
    expect(workflow).toContain('--detach-sign "terraform-provider-sestenants_${version}_SHA256SUMS"');
    expect(workflow).toContain('gpg --batch --verify');
  });
});
