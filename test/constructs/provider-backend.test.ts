import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { SesTenant, TenantStack } from '../../src';
import { SestenantsProvider } from '../../src/bindings/provider';
import { Tenant } from '../../src/bindings/tenant';
import { withLockEntry } from '../../src/constructs/private/provider-blocks';
import { mirrorPlatforms, providerProgram, providerVersion } from '../../src/constructs/private/provider-program';
import { hostPlatform } from '../../src/tenant-spec/terraform-package';
import { removeDir, tempDir } from '../support/tenant-app';
import { ACCOUNT, newStack, REGION, sendingProps, synthJson } from './support';

const provider = (props: Parameters<typeof newStack>[0] = {}) => newStack({ backend: 'provider', ...props });

describe('TenantStack backend: provider', () => {
  test('declares the sestenants provider from the stack target (declared_by cdktf: refusals name SesTenant props), pinned to the shipped executable\'s version', () => {
    const json = synthJson(provider());
    expect(json.provider.sestenants).toEqual([{ region: REGION, owner: 'test-app', stack: 'test', declared_by: 'cdktf', account_id: ACCOUNT, allowed_account_ids: [ACCOUNT], tenant_quota: 10_000 }]);
    expect(json.terraform.required_providers.sestenants).toEqual({ source: 'cdktf-ses-tenants/sestenants', version: providerProgram().version });
  });

  test('profile and role go into the provider block; the endpoint only when one is given', () => {
    const role = 'arn:aws:iam::123456789012:role/deploy';
    expect(synthJson(provider({ profile: 'mail', assumeRoleArn: role })).provider.sestenants[0]).toEqual({
      region: REGION,
      owner: 'test-app',
      stack: 'test',
      declared_by: 'cdktf',
      account_id: ACCOUNT,
      allowed_account_ids: [ACCOUNT],
      tenant_quota: 10_000,
      profile: 'mail',
      assume_role: { role_arn: role },
    });
    expect(synthJson(provider({ sesEndpoint: 'http://127.0.0.1:4566' })).provider.sestenants[0].endpoints).toEqual({ sesv2: 'http://127.0.0.1:4566' });
  });

  test('tenants are ONE for_each block of the generated sestenants_tenant binding over locals.ses_tenants', () => {
    const stack = provider();
    for (const name of ['acme', 'globex', 'initech']) stack.addTenant(sendingProps(name));
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(Tenant, {
      for_each: '${local.ses_tenants}',
      name: '${each.value.name}',
      resource_associations: '${[for r in each.value.resources : r.arn]}',
      reputation_policy: '${each.value.reputationPolicy}',
      sending_status: '${each.value.sendingStatus}',
      tags: '${each.value.tags}',
      dynamic: {
        suppression: {
          for_each: '${each.value.suppression == null ? [] : [each.value.suppression]}',
          content: { scope: '${suppression.value.scope}', reasons: '${suppression.value.reasons}' },
        },
      },
    });
    expect(synth).toHaveProvider(SestenantsProvider);
    const json = JSON.parse(synth);
    expect(Object.keys(json.resource)).toEqual(['sestenants_tenant', 'terraform_data']);
    expect(Object.keys(json.resource.sestenants_tenant)).toEqual(['ses_tenant']);
    expect(Object.keys(json.locals.ses_tenants)).toEqual(['acme', 'globex', 'initech']);
  });

  test('a data source warns at plan about tenants the stack still marks but no longer declares, read after every tenant instance is planned', () => {
    const json = synthJson(provider());
    // A block with no instance has no change, so the read is ordered after the tenants yet never deferred to apply.
    expect(json.resource.terraform_data).toEqual({ ses_tenants_planned: { count: 0, depends_on: ['sestenants_tenant.ses_tenant'] } });
    expect(json.data.sestenants_orphaned_tenants.ses_tenant_orphans).toEqual({
      provider: 'sestenants',
      declared: '${length(terraform_data.ses_tenants_planned) == 0 ? keys(local.ses_tenants) : []}',
    });
  });

  test('no hook blocks and no hook asset; it is the default backend, and backend hooks emits the hooks', () => {
    const stack = provider();
    new SesTenant(stack, 'Acme', sendingProps('acme'));
    expect(stack.hooks).toBeUndefined();
    expect(Object.keys(synthJson(stack).resource.terraform_data)).toEqual(['ses_tenants_planned']);
    expect(stack.node.findAll().map((c) => c.node.id)).not.toContain('ses-tenants-hook');

    const byDefault = newStack();
    expect(byDefault.backend).toBe('provider');
    expect(Object.keys(synthJson(byDefault).resource)).toEqual(['sestenants_tenant', 'terraform_data']);
    const hooks = newStack({ backend: 'hooks' });
    expect(hooks.backend).toBe('hooks');
    expect(Object.keys(synthJson(hooks).resource.terraform_data).sort()).toEqual(['ses_tenant', 'ses_tenant_association', 'ses_tenant_settings']);
  });

  test('the tenant block waits for the native resources of the stack', () => {
    const stack = provider();
    new SesTenant(stack, 'Acme', { ...sendingProps('acme'), emailIdentities: [stack.emailIdentity('acme.example.com')] });
    expect(synthJson(stack).resource.sestenants_tenant.ses_tenant.depends_on).toEqual([expect.stringMatching(/^aws_sesv2_email_identity\./)]);
  });

  test('synth writes the executable for each platform, executable, and the lock entry; a re-synth keeps other providers\' lock entries', () => {
    const outdir = tempDir('provider-backend-synth');
    try {
      const synth = (): string => {
        const app = new App({ outdir });
        new TenantStack(app, 'mail', { region: REGION, accountId: ACCOUNT, backend: 'provider' }).addTenant(sendingProps('acme'));
        app.synth();
        return path.join(outdir, 'stacks', 'mail');
      };
      const program = providerProgram();
      const dir = synth();
      const plugins = path.join(dir, 'terraform.d', 'plugins', 'registry.terraform.io', 'cdktf-ses-tenants', 'sestenants');
      expect(fs.readdirSync(plugins)).toEqual([program.version]);
      const platforms = fs.readdirSync(path.join(plugins, program.version)).sort();
      expect(platforms).toEqual(expect.arrayContaining(['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64']));
      for (const platform of platforms) {
        const exe = path.join(plugins, program.version, platform, `terraform-provider-sestenants_v${program.version}`);
        expect(fs.readFileSync(exe).equals(program.bytes)).toBe(true);
        expect(fs.statSync(exe).mode & 0o755).toBe(0o755);
      }
      const aws = 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "6.0.0"\n  hashes = [\n    "h1:aws=",\n  ]\n}\n';
      fs.mkdirSync(path.join(plugins, '0.0.1-hold'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), `${fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8')}\n${aws}`);
      synth();
      expect(fs.readdirSync(plugins)).toEqual([program.version]);
      const lock = fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8');
      expect(lock).toContain(aws.trimEnd());
      expect(lock.match(/cdktf-ses-tenants\/sestenants/g)).toHaveLength(1);
      expect(lock).toContain(program.lockHash);
    } finally {
      removeDir(outdir);
    }
  });
});

describe('provider version and lock hash', () => {
  test('the version is the package version with the content hash as a prerelease; other bytes, other version', () => {
    const a = providerVersion('0.1.0', Buffer.from('a'));
    expect(a).toMatch(/^0\.1\.0-h[0-9a-f]{12}$/);
    expect(providerVersion('0.1.0', Buffer.from('b'))).not.toBe(a);
    expect(providerVersion('0.2.0-beta.1+build.7', Buffer.from('a'))).toBe(`0.2.0-beta.1.${a.slice('0.1.0-'.length)}`);
  });

  test('the mirror serves Linux and macOS on x64 and Arm, plus the synth machine, never Windows', () => {
    expect(hostPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(hostPlatform('win32', 'x64')).toBe('windows_amd64');
    expect(mirrorPlatforms('freebsd_amd64')).toEqual(['darwin_amd64', 'darwin_arm64', 'freebsd_amd64', 'linux_amd64', 'linux_arm64']);
    expect(mirrorPlatforms('windows_amd64')).toEqual(['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64']);
  });

  test('withLockEntry replaces the provider\'s earlier entry and keeps the others', () => {
    const first = withLockEntry('', { version: '1.0.0-ha', lockHash: 'h1:a=' });
    expect(first).toMatch(/^# This file is maintained automatically by "terraform init"\./);
    const second = withLockEntry(`${first}\nprovider "registry.terraform.io/hashicorp/aws" {\n  version = "6.0.0"\n}\n`, { version: '1.0.0-hb', lockHash: 'h1:b=' });
    expect(second).not.toContain('1.0.0-ha');
    expect(second).toContain('constraints = "1.0.0-hb"');
    expect(second).toContain('"h1:b=",');
    expect(second).toContain('provider "registry.terraform.io/hashicorp/aws" {\n  version = "6.0.0"\n}');
  });
});
