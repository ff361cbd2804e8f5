import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { SesTenant, TenantStack, TerraformData } from '../../src';
import { SYNTH_NAMES } from '../../src/tenant-spec/synth-names';
import { ACCOUNT, arn, newStack, OWNER, REGION, sendingProps, synthJson } from './support';

const HOOK_COMMAND = /^assets\/ses-tenants-hook\/[0-9A-F]{32}\/hook\.js$/;
/** A stack on the hooks backend (the default is the provider). */
const hooksStack = (): TenantStack => newStack({ backend: 'hooks' });

describe('hook blocks', () => {
  test('a stack without tenants still emits the three for_each hook blocks over an empty map', () => {
    const json = synthJson(hooksStack());
    expect(json.locals.ses_tenants).toEqual({});
    expect(Object.keys(json.resource.terraform_data).sort()).toEqual(['ses_tenant', 'ses_tenant_association', 'ses_tenant_settings']);
    expect(json.resource.terraform_data.ses_tenant.for_each).toBe('${local.ses_tenants}');
    expect(json.resource.terraform_data.ses_tenant_settings.for_each).toBe('${local.ses_tenants}');
    expect(json.resource.terraform_data.ses_tenant_association.for_each).toContain('for t in local.ses_tenants');
  });

  test('the tenant hook is keyed by name, region and account, and runs tenant-create and tenant-delete', () => {
    const synth = Testing.synth(hooksStack(), true);
    expect(synth).toHaveResourceWithProperties(TerraformData, {
      for_each: '${local.ses_tenants}',
      triggers_replace: { name: '${each.value.name}', region: '${local.ses_tenants_stack.region}', account: '${local.ses_tenants_stack.account}' },
      input: '${jsonencode({target = local.ses_tenants_stack, tenant = each.value.name, removalPolicy = each.value.removalPolicy})}',
    });
    const [create, destroy] = JSON.parse(synth).resource.terraform_data.ses_tenant.provisioner.map((p: any) => p['local-exec']);
    expect(create).toEqual({
      interpreter: ['node'],
      command: expect.stringMatching(HOOK_COMMAND),
      environment: { SES_TENANTS_HOOK_ACTION: 'tenant-create', SES_TENANTS_HOOK_INPUT: '${jsonencode({target = local.ses_tenants_stack, tenant = each.value})}' },
    });
    expect(destroy).toEqual({
      ...create,
      when: 'destroy',
      environment: { SES_TENANTS_HOOK_ACTION: 'tenant-delete', SES_TENANTS_HOOK_INPUT: '${try(tostring(self.input), jsonencode(self.input))}' },
    });
  });

  test('associations are keyed tenant|type|name, not replaced with their tenant instance (a taint changes nothing in SES), and wait for the tenants', () => {
    const block = synthJson(hooksStack()).resource.terraform_data.ses_tenant_association;
    expect(block.for_each).toContain('join("|", [t.name, r.type, r.name])');
    expect(block.triggers_replace).toEqual({
      tenant: '${each.value.tenant}',
      type: '${each.value.resource.type}',
      name: '${each.value.resource.name}',
      arn: '${each.value.resource.arn}',
      region: '${local.ses_tenants_stack.region}',
      account: '${local.ses_tenants_stack.account}',
    });
    expect(block.input).toBe(
      '${jsonencode({target = local.ses_tenants_stack, tenant = each.value.tenant, resource = each.value.resource, removalPolicy = each.value.removalPolicy})}',
    );
    expect(block.depends_on).toEqual(['terraform_data.ses_tenant']);
    expect(block.provisioner.map((p: any) => [p['local-exec'].environment.SES_TENANTS_HOOK_ACTION, p['local-exec'].when])).toEqual([
      ['association-create', undefined],
      ['association-delete', 'destroy'],
    ]);
  });

  test('settings are replaced when anything of the spec changes (associations included), run after the associations, and never on destroy', () => {
    const block = synthJson(hooksStack()).resource.terraform_data.ses_tenant_settings;
    expect(block.triggers_replace).toEqual({
      name: '${each.value.name}',
      region: '${local.ses_tenants_stack.region}',
      account: '${local.ses_tenants_stack.account}',
      spec: '${sha256(jsonencode(each.value))}',
    });
    expect(block.depends_on).toEqual(['terraform_data.ses_tenant', 'terraform_data.ses_tenant_association']);
    expect(block.provisioner).toHaveLength(1);
    expect(block.provisioner[0]['local-exec'].environment.SES_TENANTS_HOOK_ACTION).toBe('settings-apply');
    expect(block.provisioner[0]['local-exec'].when).toBeUndefined();
  });

  test('no hook sets create_before_destroy, and every command is the same constant asset path', () => {
    const blocks = synthJson(hooksStack()).resource.terraform_data;
    const commands = new Set<string>();
    for (const block of Object.values<any>(blocks)) {
      expect(block.lifecycle?.create_before_destroy).toBeUndefined();
      for (const p of block.provisioner) commands.add(p['local-exec'].command);
    }
    expect([...commands]).toEqual([expect.stringMatching(HOOK_COMMAND)]);
  });

  test('the hook program ships in the stack directory, and the output holds no absolute path', () => {
    const app = Testing.app();
    const stack = new TenantStack(app, 'test', { owner: OWNER, region: REGION, accountId: ACCOUNT, backend: 'hooks' });
    new SesTenant(stack, 'acme', sendingProps('acme'));
    app.synth();
    const stackDir = path.join(app.outdir, 'stacks', 'test');
    const text = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
    const command = JSON.parse(text).resource.terraform_data.ses_tenant.provisioner[0]['local-exec'].command;
    expect(fs.readFileSync(path.join(stackDir, command), 'utf8')).toBe(fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'hook.js'), 'utf8'));
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(app.outdir);
    expect(JSON.parse(text).terraform.backend).toEqual({ local: { path: '../../../terraform.test.tfstate' } });
  });

  test('a backend of your own is kept', () => {
    const app = Testing.app();
    const stack = new TenantStack(app, 'test', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    new LocalBackend(stack, { path: 'state/test.tfstate' });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'test', 'cdk.tf.json'), 'utf8'));
    expect(json.terraform.backend).toEqual({ local: { path: 'state/test.tfstate' } });
  });
});

describe('owner', () => {
  const inDir = <T>(files: Record<string, string>, fn: () => T): T => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return fn();
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('defaults to the projectId of the cdktf.json in the working directory', () => {
    const stack = inDir({ 'cdktf.json': JSON.stringify({ projectId: 'repo-a' }) }, () => new TenantStack(Testing.app(), 'ses-eu', { region: REGION, accountId: ACCOUNT }));
    expect(stack.owner).toBe('repo-a');
    expect(synthJson(stack).locals.ses_tenants_stack).toMatchObject({ owner: 'repo-a', stack: 'ses-eu' });
  });

  test.each([
    ['no cdktf.json', {}],
    ['a cdktf.json without projectId', { 'cdktf.json': '{}' }],
  ])('with %s, construction fails asking for owner', (_label, files) => {
    expect(() => inDir(files, () => new TenantStack(Testing.app(), 'ses-eu', { region: REGION, accountId: ACCOUNT }))).toThrow(
      /TenantStack ses-eu needs an owner .*set the owner prop/,
    );
  });

  test('an owner with "/" is refused (the marker is OWNER/STACK)', () => {
    expect(() => newStack({ owner: 'a/b' })).toThrow(/owner: must not contain "\/"/);
  });
});

describe('locals', () => {
  test('the stack target carries region, account, partition, quota and the credentials the hooks use', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/ses-tenants`;
    const json = synthJson(newStack({ partition: 'aws', tenantQuota: 500, profile: 'ops', assumeRoleArn: role }));
    expect(json.locals[SYNTH_NAMES.targetLocal]).toEqual({
      formatVersion: 2,
      owner: 'test-app',
      stack: 'test',
      region: REGION,
      account: ACCOUNT,
      partition: 'aws',
      tenantQuota: 500,
      profile: 'ops',
      assumeRoleArn: role,
    });
  });

  test('defaults: partition aws, quota 10,000, no profile or role', () => {
    expect(synthJson(newStack()).locals.ses_tenants_stack).toEqual({
      formatVersion: 2,
      owner: 'test-app',
      stack: 'test',
      region: REGION,
      account: ACCOUNT,
      partition: 'aws',
      tenantQuota: 10000,
    });
  });

  test('tenants are emitted in canonical form, keyed by name in sorted order', () => {
    const stack = newStack();
    new SesTenant(stack, 'Zeta', sendingProps('zeta', { tags: { b: '2', a: '1' }, suppression: { scope: 'TENANT', reasons: ['COMPLAINT', 'BOUNCE'] } }));
    new SesTenant(stack, 'Alpha', sendingProps('alpha', { reputationPolicy: 'strict', sendingStatus: 'disabled' }));
    const tenants = synthJson(stack).locals.ses_tenants;
    expect(Object.keys(tenants)).toEqual(['alpha', 'zeta']);
    expect(JSON.stringify(tenants.zeta)).toBe(
      JSON.stringify({
        adopt: false,
        name: 'zeta',
        removalPolicy: 'retain',
        reputationPolicy: 'standard',
        resources: [
          { arn: arn('configuration-set/shared'), name: 'shared', type: 'configuration-set' },
          { arn: arn('identity/zeta.example'), name: 'zeta.example', type: 'identity' },
        ],
        sendingStatus: 'enabled',
        suppression: { reasons: ['BOUNCE', 'COMPLAINT'], scope: 'TENANT' },
        tags: { a: '1', b: '2' },
      }),
    );
    expect(tenants.alpha).toMatchObject({ reputationPolicy: 'strict', sendingStatus: 'disabled', tags: {}, suppression: null });
  });

  test('hostile strings stay data: escaped for Terraform templates in the locals, absent from every command', () => {
    const stack = newStack();
    const tags = { quote: '"; touch pwned #', subshell: '$(id)', template: '${file("/etc/passwd")}', directive: '%{ if true }x%{ endif }' };
    new SesTenant(stack, 'acme', sendingProps('acme', { tags }));
    const json = synthJson(stack);
    expect(json.locals.ses_tenants.acme.tags).toEqual({
      quote: '"; touch pwned #',
      subshell: '$(id)',
      template: '$${file("/etc/passwd")}',
      directive: '%%{ if true }x%%{ endif }',
    });
    const { locals: _data, ...rest } = json;
    const elsewhere = JSON.stringify(rest);
    for (const hostile of ['touch pwned', '$(id)', '/etc/passwd', 'if true']) expect(elsewhere).not.toContain(hostile);
  });
});

describe('provider', () => {
  test('a hooks stack that references every resource by ARN has no provider', () => {
    const stack = hooksStack();
    new SesTenant(stack, 'acme', sendingProps('acme'));
    const json = synthJson(stack);
    expect(json.provider).toBeUndefined();
    expect(json.terraform?.required_providers).toBeUndefined();
  });

  test('a stack of the default backend that references every resource by ARN has the sestenants provider only', () => {
    const stack = newStack();
    new SesTenant(stack, 'acme', sendingProps('acme'));
    const json = synthJson(stack);
    expect(stack.backend).toBe('provider');
    expect(Object.keys(json.provider)).toEqual(['sestenants']);
    expect(Object.keys(json.terraform.required_providers)).toEqual(['sestenants']);
  });

  test('a stack that creates resources owns one AwsProvider with its region, account, profile and role', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/ses`;
    const stack = newStack({ profile: 'ops', assumeRoleArn: role });
    stack.configurationSet('shared');
    stack.emailIdentity('acme.example');
    expect(Testing.synth(stack, true)).toHaveProviderWithProperties(AwsProvider, {
      region: REGION,
      allowed_account_ids: [ACCOUNT],
      profile: 'ops',
      assume_role: [{ role_arn: role }],
    });
    expect(synthJson(stack).provider.aws).toHaveLength(1);
  });

  test('resources of your own use the stack\'s provider', () => {
    const stack = newStack();
    const identity = new Sesv2EmailIdentity(stack, 'Own', { emailIdentity: 'own.example', provider: stack.awsProvider });
    new SesTenant(stack, 'acme', sendingProps('acme', { emailIdentities: [identity] }));
    expect(synthJson(stack).provider.aws).toHaveLength(1);
  });
});

describe('native resources', () => {
  test('identities, configuration sets and templates are one for_each block per kind over a local map', () => {
    const stack = hooksStack();
    const shared = stack.configurationSet('shared');
    for (const name of ['a', 'b']) {
      new SesTenant(stack, name, {
        tenantName: name,
        emailIdentities: [stack.emailIdentity(`${name}.example`, { defaultConfigurationSet: shared })],
        configurationSets: [shared],
        templates: name === 'a' ? [stack.emailTemplate('welcome', { subject: 'Hi {{name}}', html: '<p>Hi</p>' })] : [],
      });
    }
    const json = synthJson(stack);
    expect(json.locals.ses_tenant_identities).toEqual({
      'a.example': { configuration_set_name: 'shared' },
      'b.example': { configuration_set_name: 'shared' },
    });
    expect(json.locals.ses_tenant_configuration_sets).toEqual({ shared: {} });
    expect(json.locals.ses_tenant_templates).toEqual({ welcome: { subject: 'Hi {{name}}', html: '<p>Hi</p>', text: null } });
    expect(json.resource.aws_sesv2_email_identity).toEqual({
      ses_tenant_identities: {
        for_each: '${local.ses_tenant_identities}',
        email_identity: '${each.key}',
        configuration_set_name: '${each.value.configuration_set_name}',
        depends_on: ['aws_sesv2_configuration_set.ses_tenant_configuration_sets'],
      },
    });
    expect(json.resource.aws_sesv2_configuration_set.ses_tenant_configuration_sets).toEqual({
      for_each: '${local.ses_tenant_configuration_sets}',
      configuration_set_name: '${each.key}',
    });
    expect(json.resource.aws_ses_template.ses_tenant_templates).toMatchObject({ for_each: '${local.ses_tenant_templates}', name: '${each.key}' });
    expect(json.locals.ses_tenants.a.resources).toEqual([
      { type: 'configuration-set', name: 'shared', arn: arn('configuration-set/shared') },
      { type: 'identity', name: 'a.example', arn: arn('identity/a.example') },
      { type: 'template', name: 'welcome', arn: arn('template/welcome') },
    ]);
    expect(json.resource.terraform_data.ses_tenant_association.depends_on).toEqual([
      'terraform_data.ses_tenant',
      'aws_sesv2_email_identity.ses_tenant_identities',
      'aws_sesv2_configuration_set.ses_tenant_configuration_sets',
      'aws_ses_template.ses_tenant_templates',
    ]);
  });

  test('no native block is emitted for a kind the stack does not create', () => {
    const stack = newStack();
    stack.configurationSet('shared');
    const json = synthJson(stack);
    expect(Object.keys(json.resource).sort()).toEqual(['aws_sesv2_configuration_set', 'sestenants_tenant', 'terraform_data']);
    expect(json.locals.ses_tenant_identities).toBeUndefined();
  });

  test('declaring the same resource twice returns the same reference; other options are an error', () => {
    const stack = newStack();
    expect(stack.emailIdentity('a.example')).toBe(stack.emailIdentity('a.example'));
    expect(() => stack.emailTemplate('t', { subject: 'one' }) && stack.emailTemplate('t', { subject: 'two' })).toThrow(
      'email template "t" is already declared in this stack with other options',
    );
  });

  test('associations wait for provider constructs of the stack that tenants use', () => {
    const stack = hooksStack();
    const identity = new Sesv2EmailIdentity(stack, 'Own', { emailIdentity: 'own.example', provider: stack.awsProvider });
    new SesTenant(stack, 'acme', sendingProps('acme', { emailIdentities: [identity] }));
    const json = synthJson(stack);
    expect(json.resource.terraform_data.ses_tenant_association.depends_on).toEqual(['terraform_data.ses_tenant', 'aws_sesv2_email_identity.Own']);
    expect(json.locals.ses_tenants.acme.resources).toContainEqual({ type: 'identity', name: 'own.example', arn: arn('identity/own.example') });
  });
});

test('a stack with invalid region, account or quota fails at construction', () => {
  expect(() => new TenantStack(new App(), 's', { owner: 'x', region: 'Frankfurt', accountId: '123', tenantQuota: 0 })).toThrow(
    /Invalid TenantStack: 3 problems[\s\S]*stack\.region: must be an AWS region[\s\S]*stack\.account: must be a 12-digit AWS account ID[\s\S]*stack\.tenantQuota/,
  );
});

test('TenantStack.of finds the stack of a nested construct and explains when there is none', () => {
  const stack = newStack();
  expect(TenantStack.of(new SesTenant(stack, 'acme', sendingProps('acme')))).toBe(stack);
  const app = Testing.app();
  expect(() => new SesTenant(app, 'loose', sendingProps('loose'))).toThrow('loose is not inside a TenantStack');
});
