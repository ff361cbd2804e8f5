import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { validateDeclaredStack } from '../../src/tenant-spec';
import { buildExampleApp, EXAMPLE_ACCOUNT, EXAMPLE_STACKS } from '../../stacks/example-app';
import { runTerraform, testWithTerraform } from '../support/terraform';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-app-'));
const app = new App({ outdir });
const stacks = buildExampleApp(app);

function stackJson(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
}

beforeAll(() => app.synth());
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('the example app synthesizes one stack per region', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  expect(Object.keys(manifest.stacks).sort()).toEqual([EXAMPLE_STACKS.eu, EXAMPLE_STACKS.us, EXAMPLE_STACKS.byArn].sort());
  for (const name of Object.values(EXAMPLE_STACKS)) {
    const target = stackJson(name).locals.ses_tenants_stack;
    expect(target).toMatchObject({ stack: name, account: EXAMPLE_ACCOUNT });
    expect(name).toBe(`ses-tenants-${target.region}`);
  }
});

test('the declared tenants are valid and the synthesized ones are exactly them', () => {
  for (const stack of stacks) {
    expect(validateDeclaredStack({ target: stack.target, tenants: stack.tenants })).toEqual([]);
    expect(Object.keys(stackJson(stack.node.id).locals.ses_tenants)).toEqual(stack.tenants.map((t) => t.spec.name).sort());
  }
});

test('a realistic mix: a shared configuration set, an exclusive template, every policy, a paused tenant, one tenant in two regions', () => {
  const eu = stackJson(EXAMPLE_STACKS.eu).locals.ses_tenants;
  const us = stackJson(EXAMPLE_STACKS.us).locals.ses_tenants;
  const usersOf = (tenants: Record<string, any>, arnSuffix: string) =>
    Object.values(tenants).filter((t) => t.resources.some((r: { arn: string }) => r.arn.endsWith(arnSuffix))).map((t) => t.name);
  expect(usersOf(eu, ':configuration-set/transactional').length).toBeGreaterThanOrEqual(3);
  expect(usersOf(eu, ':template/umbrella-welcome')).toEqual(['umbrella']);
  expect(new Set(Object.values(eu).map((t: any) => t.reputationPolicy))).toEqual(new Set(['standard', 'strict', 'none']));
  expect(Object.values(eu).filter((t: any) => t.sendingStatus === 'disabled').map((t: any) => t.name)).toEqual(['initech']);
  expect(Object.values(eu).filter((t: any) => t.suppression !== null).map((t: any) => t.name)).toEqual(['umbrella']);
  expect(Object.keys(eu).filter((name) => name in us)).toEqual(['acme']);
  for (const t of Object.values<any>(eu)) expect(t.resources.find((r: any) => r.type === 'identity').name).toBe(`${t.name}.example`);
});

test('the stacks that create resources are on the provider backend and own an AwsProvider; the stack that references everything by ARN is on the hooks backend and has no provider', () => {
  expect(stacks.map((s) => [s.node.id, s.backend])).toEqual([
    [EXAMPLE_STACKS.eu, 'provider'],
    [EXAMPLE_STACKS.us, 'provider'],
    [EXAMPLE_STACKS.byArn, 'hooks'],
  ]);
  for (const [name, region] of [[EXAMPLE_STACKS.eu, 'eu-central-1'], [EXAMPLE_STACKS.us, 'us-east-1']]) {
    const json = stackJson(name);
    expect(json.provider.aws).toEqual([{ region, allowed_account_ids: [EXAMPLE_ACCOUNT] }]);
    expect(json.provider.sestenants).toEqual([{ region, owner: 'cdktf-ses-tenants-example', stack: name, declared_by: 'cdktf', account_id: EXAMPLE_ACCOUNT, allowed_account_ids: [EXAMPLE_ACCOUNT], tenant_quota: 10_000 }]);
    expect(json.resource.sestenants_tenant.ses_tenant.for_each).toBe('${local.ses_tenants}');
    expect(Object.keys(json.resource.terraform_data)).toEqual(['ses_tenants_planned']);
    // The stack directory ships the provider and locks it; hashicorp/aws is locked by the first deploy (--skip-provider-lock).
    expect(fs.readFileSync(path.join(outdir, 'stacks', name, '.terraform.lock.hcl'), 'utf8')).toContain('provider "registry.terraform.io/cdktf-ses-tenants/sestenants"');
  }
  const byArn = stackJson(EXAMPLE_STACKS.byArn);
  expect(byArn.provider).toBeUndefined();
  expect(Object.keys(byArn.resource)).toEqual(['terraform_data']);
});

testWithTerraform('terraform init and validate pass offline in the stack directory that references everything by ARN', () => {
  const dir = path.join(outdir, 'stacks', EXAMPLE_STACKS.byArn);
  runTerraform(dir, ['init', '-input=false', '-no-color']);
  expect(runTerraform(dir, ['validate', '-no-color']).stdout).toContain('The configuration is valid.');
});
