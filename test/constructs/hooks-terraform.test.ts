import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, EmailTemplate, SesTenant, TenantStack } from '../../src';
import type { SesTenantProps } from '../../src';
import { HOOK_INPUT_SCHEMAS, associationHookInputSchema, tenantDeleteHookInputSchema } from '../../src/tenant-spec/hook-contract';
import type { HookAction } from '../../src/tenant-spec/hook-contract';
import { TerraformWorkspace, describeWithTerraform } from '../support/terraform';
import { HOOK_RECORDER_LOG_ENV, installHookRecorder, label, takeHookLog } from './hook-recorder';
import type { RecordedHook } from './hook-recorder';

// The real terraform applies a hooks-only stack (every resource referenced by ARN, no provider)
// whose hook program is replaced by a recorder: what runs, for which instance, in which order.

const arn = (resource: string) => `arn:aws:ses:eu-central-1:123456789012:${resource}`;
const HOSTILE = ['"; touch pwned-quote #', '$${not.a.template}', '$(touch pwned-subshell)', '`touch pwned-backtick`', '${path.cwd}', '%{ if true }x%{ endif }'];

type Tenants = Record<string, Omit<SesTenantProps, 'tenantName'>>;

function tenant(name: string, extra: Omit<SesTenantProps, 'tenantName'> = {}): Omit<SesTenantProps, 'tenantName'> {
  return {
    emailIdentities: [EmailIdentity.fromArn(arn(`identity/${name}.example`))],
    configurationSets: [ConfigurationSet.fromArn(arn('configuration-set/shared'))],
    tags: { team: name },
    ...extra,
  };
}

describeWithTerraform('hooks under the real terraform', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-terraform-'));
  const logFile = path.join(root, 'hooks.log');
  const ws = new TerraformWorkspace({ env: { [HOOK_RECORDER_LOG_ENV]: logFile } });
  let synths = 0;

  function apply(tenants: Tenants, ...args: string[]): RecordedHook[] {
    const outdir = path.join(root, `synth-${synths++}`);
    const app = new App({ outdir });
    const stack = new TenantStack(app, 'hooks', { owner: 'test-app', region: 'eu-central-1', accountId: '123456789012', backend: 'hooks' });
    for (const [name, props] of Object.entries(tenants)) new SesTenant(stack, name, { tenantName: name, ...props });
    app.synth();
    ws.load(path.join(outdir, 'stacks', 'hooks'));
    installHookRecorder(ws.dir);
    ws.apply(...args);
    return takeHookLog(logFile);
  }

  const base: Tenants = {
    acme: tenant('acme'),
    globex: tenant('globex', { reputationPolicy: 'strict' }),
    initech: tenant('initech', { templates: [EmailTemplate.fromArn(arn('template/welcome'))] }),
  };

  afterAll(() => {
    ws.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the first apply runs one tenant-create and one settings-apply per tenant and one association-create per resource', () => {
    const runs = apply(base);
    expect(runs.map(label).sort()).toEqual([
      'association-create acme|configuration-set|shared',
      'association-create acme|identity|acme.example',
      'association-create globex|configuration-set|shared',
      'association-create globex|identity|globex.example',
      'association-create initech|configuration-set|shared',
      'association-create initech|identity|initech.example',
      'association-create initech|template|welcome',
      'settings-apply acme',
      'settings-apply globex',
      'settings-apply initech',
      'tenant-create acme',
      'tenant-create globex',
      'tenant-create initech',
    ]);
    for (const run of runs) expect({ action: run.action, valid: HOOK_INPUT_SCHEMAS[run.action as HookAction].safeParse(run.input).success }).toEqual({ action: run.action, valid: true });
    const acme = runs.find((r) => label(r) === 'tenant-create acme');
    expect(acme?.input).toEqual({
      target: { formatVersion: 2, owner: 'test-app', stack: 'hooks', region: 'eu-central-1', account: '123456789012', partition: 'aws', tenantQuota: 10000 },
      tenant: expect.objectContaining({ name: 'acme', reputationPolicy: 'standard', tags: { team: 'acme' } }),
    });
    expect(ws.stateList()).toHaveLength(13);
  });

  test('a policy change replaces only that tenant\'s settings instance', () => {
    const runs = apply({ ...base, acme: tenant('acme', { reputationPolicy: 'none' }) });
    expect(runs.map(label)).toEqual(['settings-apply acme']);
    expect((runs[0].input.tenant as { reputationPolicy?: string }).reputationPolicy).toBe('none');
  });

  test('a tag change replaces only that tenant\'s settings instance', () => {
    const runs = apply({ ...base, acme: tenant('acme', { reputationPolicy: 'none' }), globex: tenant('globex', { reputationPolicy: 'strict', tags: { team: 'growth' } }) });
    expect(runs.map(label)).toEqual(['settings-apply globex']);
  });

  const current: Tenants = {
    ...base,
    acme: tenant('acme', { reputationPolicy: 'none' }),
    globex: tenant('globex', { reputationPolicy: 'strict', tags: { team: 'growth' } }),
  };
  const withSecondIdentity = {
    ...current,
    acme: {
      ...current.acme,
      emailIdentities: [EmailIdentity.fromArn(arn('identity/acme.example')), EmailIdentity.fromArn(arn('identity/mail.acme.example'))],
    },
  };

  test('adding a resource creates only that association, then the settings hook records the new spec-hash; the tenant is untouched', () => {
    expect(apply(withSecondIdentity).map(label)).toEqual(['association-create acme|identity|mail.acme.example', 'settings-apply acme']);
  });

  test('removing a resource deletes only that association, and the settings hook records the new spec-hash', () => {
    expect(apply(current).map(label).sort()).toEqual(['association-delete acme|identity|mail.acme.example', 'settings-apply acme']);
  });

  test('removing a tenant deletes its associations before the tenant', () => {
    const { initech: _removed, ...rest } = current;
    const runs = apply(rest).map(label);
    expect([...runs].sort()).toEqual([
      'association-delete initech|configuration-set|shared',
      'association-delete initech|identity|initech.example',
      'association-delete initech|template|welcome',
      'tenant-delete initech',
    ]);
    expect(runs[runs.length - 1]).toBe('tenant-delete initech');
  });

  test('hostile tag values and keys arrive verbatim and run nothing', () => {
    const tags = Object.fromEntries(HOSTILE.map((v, i) => [`k${i}`, v]));
    tags['${path.root}'] = 'key with a template';
    const { initech: _removed, ...rest } = current;
    const runs = apply({ ...rest, hostile: tenant('hostile', { tags }) });
    const created = runs.find((r) => label(r) === 'tenant-create hostile');
    expect((created?.input.tenant as { tags?: unknown }).tags).toEqual(tags);
    expect(fs.readdirSync(ws.dir).filter((f) => f.includes('pwned'))).toEqual([]);
    expect(fs.readdirSync(process.cwd()).filter((f) => f.includes('pwned'))).toEqual([]);
  });

  test('terraform destroy runs every destroy hook, associations first, each with the trimmed input its instance stored', () => {
    ws.destroy();
    const log = takeHookLog(logFile);
    for (const run of log) {
      const schema = run.action === 'tenant-delete' ? tenantDeleteHookInputSchema : associationHookInputSchema;
      expect({ action: run.action, valid: schema.safeParse(run.input).success }).toEqual({ action: run.action, valid: true });
    }
    expect(log.find((r) => label(r) === 'tenant-delete hostile')?.input).toEqual({ target: expect.objectContaining({ stack: 'hooks' }), tenant: 'hostile', removalPolicy: 'retain' });
    const runs = log.map(label);
    expect([...runs].sort()).toEqual([
      'association-delete acme|configuration-set|shared',
      'association-delete acme|identity|acme.example',
      'association-delete globex|configuration-set|shared',
      'association-delete globex|identity|globex.example',
      'association-delete hostile|configuration-set|shared',
      'association-delete hostile|identity|hostile.example',
      'tenant-delete acme',
      'tenant-delete globex',
      'tenant-delete hostile',
    ]);
    const lastAssociation = Math.max(...runs.map((r, i) => (r.startsWith('association-') ? i : -1)));
    const firstTenant = runs.findIndex((r) => r.startsWith('tenant-'));
    expect(lastAssociation).toBeLessThan(firstTenant);
    expect(ws.stateList()).toEqual([]);
  });
});
