import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CreateEmailIdentityCommand, CreateTenantCommand, SESv2Client, TagResourceCommand } from '@aws-sdk/client-sesv2';
import { hash1 } from '../../src/tenant-spec/terraform-package';
import { fakeCredentials } from '../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { lockHashes, parseSums, runProviderCli, unzip } from '../support/provider-release';
import { readmeBlocks, runCommand } from '../support/packed-package';
import { startProviderRegistry, type ProviderRegistry, type ProviderRegistryOptions } from '../support/provider-registry';
import { APP_ACCOUNT, APP_REGION, readLiveTenants, removeDir, tempDir } from '../support/tenant-app';
import { runTerraform, describeWithTerraform, type TerraformResult } from '../support/terraform';

// The provider for plain Terraform users: `ses-tenants provider mirror` writes a filesystem
// mirror, the real terraform installs from it through a CLI configuration that has only that
// mirror (no terraform.d in the working directory) and with no `node` on PATH (linux_amd64 gets
// the single executable), then manages tenants in the emulator. `providers lock -fs-mirror` and
// lock files holding the release's SHA256SUMS hashes are checked against the same zips.

const gpgAvailable = spawnSync('gpg', ['--version']).status === 0;
const onLinuxAmd64 = process.platform === 'linux' && process.arch === 'x64';
const V = '1.0.0';
const ADDRESS = 'registry.terraform.io/cdktf-ses-tenants/sestenants';
const zipName = (platform: string): string => `terraform-provider-sestenants_${V}_${platform}.zip`;

(onLinuxAmd64 ? describeWithTerraform : describe.skip)('the provider from a filesystem mirror, with plain Terraform and no node', () => {
  let root: string;
  let mirror: string;
  let binDir: string;
  let cliConfig: string;
  let emu: EmulatorChild;
  let client: SESv2Client;
  let mirrorRun: { code: number; stdout: string; stderr: string };

  // The README's HCL, pointed at the emulator (its account, its endpoint).
  const readmeHcl = (): string => {
    const block = readmeBlocks().get('plain-terraform/main.tf');
    if (block === undefined) throw new Error('README.md has no block titled "plain-terraform/main.tf"');
    const anchor = '  stack               = "mail"\n';
    expect(block.body).toContain(anchor);
    expect(block.body).toContain(`version = "${V}"`);
    return block.body.replace(anchor, `${anchor}  account_id          = "${APP_ACCOUNT}"\n  endpoints {\n    sesv2 = "${emu.url}"\n  }\n`);
  };
  const workdir = (name: string, withTenants = false): string => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    const hcl = readmeHcl();
    fs.writeFileSync(path.join(dir, 'main.tf'), withTenants ? hcl : hcl.slice(0, hcl.indexOf('resource "sestenants_tenant"')));
    return dir;
  };
  // Terraform with PATH = a directory holding only a link to terraform: no node anywhere on it.
  const tf = (dir: string, args: string[], allowFailure = false): TerraformResult =>
    runTerraform(dir, args, {
      allowFailure,
      env: {
        PATH: binDir,
        TF_CLI_CONFIG_FILE: cliConfig,
        TF_PLUGIN_CACHE_DIR: '',
        AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
        AWS_SECRET_ACCESS_KEY: 'emulator-secret',
        AWS_CONFIG_FILE: path.join(root, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'no-aws-credentials'),
      },
    });

  beforeAll(async () => {
    root = tempDir('e2e-provider-release');
    mirror = path.join(root, 'mirror');
    binDir = path.join(root, 'bin');
    fs.mkdirSync(binDir);
    const terraform = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(terraform, path.join(binDir, 'terraform'));
    mirrorRun = runProviderCli(['mirror', mirror, '--version', V]);
    cliConfig = path.join(root, 'mirror-only.tfrc');
    fs.writeFileSync(cliConfig, mirrorRun.stdout.split('\n').filter((line) => !line.startsWith('#')).join('\n'));
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
  }, 300_000);
  afterAll(async () => {
    client?.destroy();
    await emu?.kill('SIGKILL');
    if (root) removeDir(root);
  });

  test('the mirror command writes the packed layout and prints a provider_installation block with only that mirror and direct', () => {
    expect(mirrorRun.stderr).toBe('');
    expect(mirrorRun.code).toBe(0);
    expect(fs.readdirSync(path.join(mirror, ...ADDRESS.split('/'))).sort()).toEqual(['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'].map(zipName));
    expect(fs.readFileSync(cliConfig, 'utf8')).toBe(
      [
        'provider_installation {',
        '  filesystem_mirror {',
        `    path    = "${mirror}"`,
        `    include = ["${ADDRESS}"]`,
        '  }',
        '  direct {',
        `    exclude = ["${ADDRESS}"]`,
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(mirrorRun.stdout).toContain(`# ${zipName('linux_amd64')}  (single executable, needs no node)`);
    expect(spawnSync('node', ['-e', '0'], { env: { PATH: binDir } }).error).toMatchObject({ code: 'ENOENT' });
  });

  describe('init, apply, an empty plan, drift repaired, import', () => {
    let dir: string;

    beforeAll(async () => {
      await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'acme.example.com' }));
      dir = workdir('project', true);
    });

    test('terraform init installs the single executable from the mirror; no terraform.d is involved', () => {
      const init = tf(dir, ['init', '-input=false', '-no-color']);
      expect(init.stdout).toContain(`Installing cdktf-ses-tenants/sestenants v${V}...`);
      expect(init.stdout).toContain(`Installed cdktf-ses-tenants/sestenants v${V} (unauthenticated)`);
      expect(fs.existsSync(path.join(dir, 'terraform.d'))).toBe(false);
      const installed = path.join(dir, '.terraform', 'providers', ADDRESS, V, 'linux_amd64', `terraform-provider-sestenants_v${V}`);
      expect(fs.readFileSync(installed).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    });

    test('apply creates the README\'s tenant, marked with its owner and stack, then a plan is empty', async () => {
      tf(dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
      const live = (await readLiveTenants(client)).acme;
      expect(live).toMatchObject({ reputationPolicy: 'strict', tags: { team: 'mail', 'ses-tenants:managed-by': 'my-mail-platform/mail' } });
      expect(live.resources).toHaveLength(1);
      expect(JSON.stringify(live.resources)).toContain('acme.example.com');
      expect(tf(dir, ['plan', '-detailed-exitcode', '-no-color']).code).toBe(0);
    });

    test('an out-of-band tag change is seen by plan and repaired by apply', async () => {
      const live = (await readLiveTenants(client)).acme;
      await client.send(new TagResourceCommand({ ResourceArn: live.arn, Tags: [{ Key: 'team', Value: 'hijacked' }] }));
      const plan = tf(dir, ['plan', '-detailed-exitcode', '-no-color'], true);
      expect(plan.code).toBe(2);
      expect(plan.stdout).toContain('~ "team" = "hijacked" -> "mail"');
      tf(dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
      const after = (await readLiveTenants(client)).acme;
      expect(after.tags.team).toBe('mail');
      expect(after.id).toBe(live.id);
      expect(tf(dir, ['plan', '-detailed-exitcode', '-no-color']).code).toBe(0);
    });

    test('an import block with plan -generate-config-out writes the tenant\'s HCL; the plan refuses the unmarked tenant until adopt = true; applied, it is ours and plans no change', async () => {
      await client.send(new CreateTenantCommand({ TenantName: 'legacy', Tags: [{ Key: 'team', Value: 'ops' }] }));
      fs.writeFileSync(path.join(dir, 'import.tf'), 'import {\n  to = sestenants_tenant.legacy\n  id = "legacy"\n}\n');
      const refused = tf(dir, ['plan', '-no-color', '-generate-config-out=generated.tf'], true);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Tenant legacy is not this configuration\'s');
      expect(refused.stderr).toContain('adopt = true');
      const generatedPath = path.join(dir, 'generated.tf');
      const generated = fs.readFileSync(generatedPath, 'utf8');
      expect(generated).toContain('resource "sestenants_tenant" "legacy" {');
      expect(generated).toMatch(/name\s+= "legacy"/);
      expect(generated).toMatch(/adopt\s+= false/);
      // What the README says to do: review the generated HCL and say adopt = true.
      fs.writeFileSync(generatedPath, generated.replace(/adopt\s+= false/, 'adopt = true'));
      const plan = tf(dir, ['plan', '-no-color']);
      expect(plan.stdout).toContain('~ adopt                    = false -> true');
      expect(plan.stdout).toContain('Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.');
      expect(plan.stdout).toContain('Tenant legacy will be adopted');
      const before = (await readLiveTenants(client)).legacy;
      tf(dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
      expect(tf(dir, ['state', 'list']).stdout.split('\n').filter(Boolean).sort()).toEqual(['sestenants_tenant.acme', 'sestenants_tenant.legacy']);
      const after = (await readLiveTenants(client)).legacy;
      expect(after.id).toBe(before.id);
      expect(after.tags).toMatchObject({ team: 'ops', 'ses-tenants:managed-by': 'my-mail-platform/mail' });
      expect(tf(dir, ['plan', '-detailed-exitcode', '-no-color']).code).toBe(0);
    });
  });

  describe('lock files and the release checksums', () => {
    let release: string;
    let sums: Record<string, string>;

    beforeAll(() => {
      release = path.join(root, 'release');
      const run = runProviderCli(['package', '--out', release, '--version', V]);
      if (run.code !== 0) throw new Error(run.stderr);
      sums = parseSums(fs.readFileSync(path.join(release, `terraform-provider-sestenants_${V}_SHA256SUMS`), 'utf8'));
    }, 300_000);

    test('the mirror holds the very zips the release lists in SHA256SUMS', () => {
      for (const platform of ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64']) {
        const zip = fs.readFileSync(path.join(mirror, ...ADDRESS.split('/'), zipName(platform)));
        expect(fs.readFileSync(path.join(release, zipName(platform))).equals(zip)).toBe(true);
        expect(createHash('sha256').update(zip).digest('hex')).toBe(sums[zipName(platform)]);
      }
    });

    test('providers lock -fs-mirror for linux_amd64 and darwin_arm64 succeeds; it records the h1: hashes of the zips\' contents (and no zh:)', async () => {
      const dir = workdir('lock-fs-mirror');
      const lock = tf(dir, ['providers', 'lock', '-no-color', `-fs-mirror=${mirror}`, '-platform=linux_amd64', '-platform=darwin_arm64']);
      expect(lock.stdout).toContain('Success! Terraform has updated the lock file.');
      const expected: string[] = [];
      for (const platform of ['linux_amd64', 'darwin_arm64']) expected.push(hash1(await unzip(path.join(mirror, ...ADDRESS.split('/'), zipName(platform)))));
      // Terraform 1.11 records zh: (zip) hashes only from a registry's signed SHA256SUMS; from a
      // filesystem mirror it records h1: alone, so the zh: check is made by the next two tests.
      expect(lockHashes(path.join(dir, '.terraform.lock.hcl'))).toEqual(expected.sort());
    });

    const lockFile = (hashes: string[]): string =>
      `provider "${ADDRESS}" {\n  version     = "${V}"\n  constraints = "${V}"\n  hashes = [\n${hashes.map((h) => `    "${h}",\n`).join('')}  ]\n}\n`;

    test('a lock file with only the zh: hashes of SHA256SUMS installs: terraform checks the mirror\'s zip against them', () => {
      const dir = workdir('lock-zh');
      fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), lockFile(['linux_amd64', 'darwin_arm64'].map((p) => `zh:${sums[zipName(p)]}`)));
      const init = tf(dir, ['init', '-input=false', '-no-color']);
      expect(init.stdout).toContain(`Installed cdktf-ses-tenants/sestenants v${V}`);
      expect(lockHashes(path.join(dir, '.terraform.lock.hcl'))).toEqual(expect.arrayContaining([`zh:${sums[zipName('linux_amd64')]}`, `zh:${sums[zipName('darwin_arm64')]}`]));
    });

    test('a lock file whose zh: hash is another platform\'s refuses the mirror\'s linux_amd64 zip', () => {
      const dir = workdir('lock-zh-wrong');
      fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), lockFile([`zh:${sums[zipName('linux_arm64')]}`]));
      const init = tf(dir, ['init', '-input=false', '-no-color'], true);
      expect(init.code).toBe(1);
      expect(init.stderr.replace(/\s+/g, ' ')).toContain("doesn't match any of the checksums previously recorded in the dependency lock file");
    });
  });
  (gpgAvailable ? describe : describe.skip)('a signed release served by a local registry', () => {
    let gnupg: string;
    let registry: ProviderRegistry;
    let signedSums: Record<string, string>;
    let registryEnv: NodeJS.ProcessEnv;
    let registryOptions: ProviderRegistryOptions;

    beforeAll(async () => {
      gnupg = fs.mkdtempSync(path.join(root, 'gnupg-'));
      fs.chmodSync(gnupg, 0o700);
      const gpgEnv = { ...process.env, GNUPGHOME: gnupg };
      const gen = spawnSync('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'Registry Test <registry@example.invalid>', 'ed25519', 'sign', 'never'], { env: gpgEnv, encoding: 'utf8' });
      if (gen.status !== 0) throw new Error(gen.stderr);
      const release = path.join(root, 'signed-release');
      const run = runProviderCli(['package', '--out', release, '--version', V, '--gpg-key', 'registry@example.invalid'], { GNUPGHOME: gnupg });
      if (run.code !== 0) throw new Error(run.stderr);
      signedSums = parseSums(fs.readFileSync(path.join(release, `terraform-provider-sestenants_${V}_SHA256SUMS`), 'utf8'));
      const keyId = spawnSync('gpg', ['--batch', '--with-colons', '--list-keys', 'registry@example.invalid'], { env: gpgEnv, encoding: 'utf8' }).stdout.split('\n').find((l) => l.startsWith('pub:'))!.split(':')[4];
      const publicKey = spawnSync('gpg', ['--batch', '--armor', '--export', 'registry@example.invalid'], { env: gpgEnv, encoding: 'utf8' }).stdout;
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: gpgEnv });
      registryOptions = { releaseDir: release, namespace: 'cdktf-ses-tenants', type: 'sestenants', version: V, keyId, publicKey };
      registry = await startProviderRegistry(registryOptions);
      const certFile = path.join(root, 'registry-cert.pem');
      fs.writeFileSync(certFile, registry.certPem);
      // The registry's host name stays registry.terraform.io (the README's source address); a host
      // block sends its provider service to the local server, which Terraform trusts by SSL_CERT_FILE.
      const config = path.join(root, 'registry.tfrc');
      fs.writeFileSync(config, `host "registry.terraform.io" {\n  services = {\n    "providers.v1" = "${registry.url}/v1/providers/"\n  }\n}\n`);
      registryEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: config, TF_PLUGIN_CACHE_DIR: '', SSL_CERT_FILE: certFile };
    }, 300_000);
    afterAll(async () => {
      await registry?.close();
    });

    test('terraform providers lock -platform=linux_amd64 -platform=darwin_arm64 checks the signature and records the zh: hashes of SHA256SUMS (every zip), and the zips\' h1:', async () => {
      const dir = workdir('lock-registry');
      const lock = await runCommand(['terraform', 'providers', 'lock', '-no-color', '-platform=linux_amd64', '-platform=darwin_arm64'], dir, registryEnv);
      expect(lock.output).toContain('Success! Terraform has updated the lock file.');
      for (const platform of ['linux_amd64', 'darwin_arm64']) expect(lock.output).toMatch(new RegExp(`Retrieved cdktf-ses-tenants/sestenants ${V} for ${platform} \\(self-signed, key ID [0-9A-F]{16}\\)`));
      const h1s: string[] = [];
      for (const platform of ['linux_amd64', 'darwin_arm64']) h1s.push(hash1(await unzip(path.join(root, 'signed-release', zipName(platform)))));
      // Terraform records a zh: for every line of the signed SHA256SUMS (the manifest's too), once
      // per distinct hash: the three JS-form zips are the same bytes.
      const zh = [...new Set(Object.values(signedSums))].map((hex) => `zh:${hex}`);
      expect(lockHashes(path.join(dir, '.terraform.lock.hcl'))).toEqual([...h1s, ...zh].sort());
      for (const platform of ['linux_amd64', 'darwin_arm64']) expect(zh).toContain(`zh:${signedSums[zipName(platform)]}`);
    });

    test('a SHA256SUMS changed after signing is refused: the signature no longer verifies', async () => {
      const tampered = path.join(root, 'tampered-release');
      fs.cpSync(path.join(root, 'signed-release'), tampered, { recursive: true });
      fs.appendFileSync(path.join(tampered, `terraform-provider-sestenants_${V}_SHA256SUMS`), `${'0'.repeat(64)}  extra.zip\n`);
      const other = await startProviderRegistry({ ...registryOptions, releaseDir: tampered });
      try {
        const config = path.join(root, 'tampered.tfrc');
        fs.writeFileSync(config, `host "registry.terraform.io" {\n  services = {\n    "providers.v1" = "${other.url}/v1/providers/"\n  }\n}\n`);
        const certFile = path.join(root, 'tampered-cert.pem');
        fs.writeFileSync(certFile, other.certPem);
        const dir = workdir('init-tampered');
        const init = await runCommand(['terraform', 'init', '-input=false', '-no-color'], dir, { ...registryEnv, TF_CLI_CONFIG_FILE: config, SSL_CERT_FILE: certFile });
        expect(init.code).toBe(1);
        expect(init.output.replace(/\s+/g, ' ')).toContain('error checking signature: openpgp: invalid signature');
      } finally {
        await other.close();
      }
    });

    test('terraform init installs from the registry after checking the signature with the release key', async () => {
      const dir = workdir('init-registry');
      const init = await runCommand(['terraform', 'init', '-input=false', '-no-color'], dir, registryEnv);
      expect(init.output).toMatch(new RegExp(`Installed cdktf-ses-tenants/sestenants v${V.replace(/\./g, '\\.')} \\(self-signed, key ID [0-9A-F]{16}\\)`));
      expect(init.code).toBe(0);
    });
  });
});
