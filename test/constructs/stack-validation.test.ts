import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inspect } from 'util';
import { App, Testing, Token } from 'cdktf';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { ConfigurationSet, EmailIdentity, EmailTemplate, SesTenant, TenantStack } from '../../src';
import { SpecValidationError } from '../../src/tenant-spec';
import { ACCOUNT, arn, newStack, OWNER, REGION, sendingProps } from './support';

function synthError(stack: TenantStack): SpecValidationError {
  try {
    Testing.synth(stack, true);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecValidationError);
    return err as SpecValidationError;
  }
  throw new Error('expected synth to fail');
}

describe('stack rules run at synth and report every violation at once', () => {
  test('duplicate tenant names name both construct paths', () => {
    const stack = newStack();
    new SesTenant(stack, 'Acme', sendingProps('acme'));
    new SesTenant(stack, 'AcmeAgain', sendingProps('acme'));
    expect(synthError(stack).message).toContain(
      'test/AcmeAgain: tenant "acme": name: is already declared in this stack at test/Acme; tenant names are unique per region and account (got "acme")',
    );
  });

  test('a line break in a tenant name or construct id is escaped: every violation stays one line', () => {
    const stack = newStack();
    const tenant = new SesTenant(stack, 'Bad\nId', sendingProps('bad\nname'));
    const message = synthError(stack).message;
    // constructs 10.7 turns the line break of an id into "--" itself; 10.4 kept it, and the message escapes it.
    const shownPath = tenant.node.path.replace(/\n/g, '\\n');
    expect(message.split('\n')).toEqual([
      'Invalid SES tenants in stack test: 1 problem',
      `  - ${shownPath}: tenant "bad\\nname": name: must be 1-64 characters of A-Z, a-z, 0-9, "-" and "_" (got "bad\\nname")`,
    ]);
  });

  test('the error prints as its message only: no stack trace, no field dump (Node prints an uncaught error with inspect)', () => {
    const stack = newStack();
    new SesTenant(stack, 'A', sendingProps('bad name'));
    new SesTenant(stack, 'B', sendingProps('also bad'));
    const err = synthError(stack);
    expect(err.violations).toHaveLength(2);
    const printed = inspect(err);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(printed).not.toContain('violations');
    expect(printed.split('\n')).toHaveLength(3);
  });

  test('more tenants than the quota', () => {
    const stack = newStack({ tenantQuota: 2 });
    for (const name of ['a', 'b', 'c']) new SesTenant(stack, name, sendingProps(name));
    expect(synthError(stack).message).toContain(
      `test/c: tenant "c": (stack): the stack declares 3 tenants but the quota of ${REGION}/${ACCOUNT} is 2; raise the quota`,
    );
  });

  test('the quota itself is allowed', () => {
    const stack = newStack({ tenantQuota: 2 });
    for (const name of ['a', 'b']) new SesTenant(stack, name, sendingProps(name));
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([
    ['another region', EmailIdentity.fromArn(arn('identity/x.example', 'us-east-1')), 'is in region us-east-1, the stack is in eu-central-1'],
    ['another account', EmailIdentity.fromArn(arn('identity/x.example', REGION, '999999999999')), 'is in account 999999999999, the stack is in 123456789012'],
    ['another partition', EmailIdentity.fromArn(`arn:aws-cn:ses:${REGION}:${ACCOUNT}:identity/x.example`), 'is in partition "aws-cn", the stack is in "aws"'],
    ['another service', EmailIdentity.fromArn(`arn:aws:sns:${REGION}:${ACCOUNT}:identity/x.example`), 'is not an SES ARN (service "sns")'],
    ['another resource type', EmailIdentity.fromArn(arn('dedicated-ip-pool/pool')), 'has resource type "dedicated-ip-pool"'],
    ['a configuration-set ARN given as an identity', EmailIdentity.fromArn(arn('configuration-set/shared')), 'is a configuration-set ARN but is declared as an identity'],
    ['not an ARN', EmailIdentity.fromArn('not-an-arn'), 'is not an ARN'],
  ])('an ARN of %s', (_label, identity, rule) => {
    const stack = newStack();
    new SesTenant(stack, 'Acme', sendingProps('acme', { emailIdentities: [EmailIdentity.fromArn(arn('identity/acme.example')), identity] }));
    const error = synthError(stack);
    expect(error.violations).toHaveLength(1);
    expect(error.message).toContain(`test/Acme: tenant "acme": resources[1].arn: ${rule}`);
  });

  test('a tenant without an identity or a configuration set, unless it allows incomplete sending', () => {
    const stack = newStack();
    new SesTenant(stack, 'Bare', { tenantName: 'bare' });
    new SesTenant(stack, 'Draft', { tenantName: 'draft', allowIncompleteSending: true });
    const error = synthError(stack);
    expect(error.violations.map((v) => `${v.path} ${v.tenant} ${v.field}`)).toEqual(['test/Bare bare resources', 'test/Bare bare resources']);
    expect(error.message).toContain('has no email identity; SES refuses every send as a tenant from an identity not associated with it. Associate one, or set allowIncompleteSending: true');
    expect(error.message).toContain('has no configuration set');
  });

  test('the same resource twice in one tenant', () => {
    const stack = newStack();
    const shared = ConfigurationSet.fromArn(arn('configuration-set/shared'));
    new SesTenant(stack, 'Acme', sendingProps('acme', { configurationSets: [shared, shared] }));
    expect(synthError(stack).message).toContain('test/Acme: tenant "acme": resources[2]: associates configuration-set "shared" twice');
  });

  test('all violations of all tenants in one error', () => {
    const stack = newStack({ tenantQuota: 1 });
    new SesTenant(stack, 'Acme', sendingProps('acme', { templates: [EmailTemplate.fromArn(arn('template/t', 'us-east-1'))] }));
    new SesTenant(stack, 'Bare', { tenantName: 'bare' });
    const error = synthError(stack);
    expect(error.message).toMatch(/^Invalid SES tenants in stack test: 4 problems\n/);
    expect(error.violations.map((v) => v.tenant)).toEqual(['bare', 'acme', 'bare', 'bare']);
  });

  test('app.synth() fails with the same error before any stack is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const app = new App({ outdir });
    const good = new TenantStack(app, 'good', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    new SesTenant(good, 'Acme', sendingProps('acme'));
    const bad = new TenantStack(app, 'bad', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    new SesTenant(bad, 'Acme', sendingProps('acme', { emailIdentities: [EmailIdentity.fromArn(arn('identity/x', 'us-east-1'))] }));
    expect(() => app.synth()).toThrow(SpecValidationError);
    expect(() => app.synth()).toThrow('bad/Acme: tenant "acme": resources[0].arn: is in region us-east-1');
    expect(fs.existsSync(path.join(outdir, 'stacks', 'good', 'cdk.tf.json'))).toBe(false);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('resource references', () => {
  test('by name: an ARN in the stack\'s own partition, region and account', () => {
    const stack = newStack();
    new SesTenant(stack, 'Acme', {
      tenantName: 'acme',
      emailIdentities: [EmailIdentity.fromEmailIdentityName('acme.example')],
      configurationSets: [ConfigurationSet.fromConfigurationSetName('shared')],
      templates: [EmailTemplate.fromTemplateName('welcome')],
    });
    expect(JSON.parse(Testing.synth(stack, true)).locals.ses_tenants.acme.resources.map((r: { arn: string }) => r.arn)).toEqual([
      arn('configuration-set/shared'),
      arn('identity/acme.example'),
      arn('template/welcome'),
    ]);
  });

  test('a resource created by another stack must be referenced by ARN', () => {
    const app = Testing.app();
    const eu = new TenantStack(app, 'eu', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    const us = new TenantStack(app, 'us', { owner: OWNER, region: 'us-east-1', accountId: ACCOUNT });
    const identity = eu.emailIdentity('acme.example');
    new SesTenant(us, 'Acme', sendingProps('acme', { emailIdentities: [identity] }));
    expect(() => Testing.synth(us, true)).toThrow(
      'us/Acme: tenant "acme": emailIdentities[0]: identity "acme.example" is created by stack eu, not us; declare it in this stack too, or reference it with fromArn',
    );
  });

  test('a provider construct of another stack, with a token name or in another region is refused', () => {
    const app = Testing.app();
    const eu = new TenantStack(app, 'eu', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    const other = new TenantStack(app, 'other', { owner: OWNER, region: REGION, accountId: ACCOUNT });
    const foreign = new Sesv2EmailIdentity(other, 'Foreign', { emailIdentity: 'f.example', provider: other.awsProvider });
    const computed = new Sesv2EmailIdentity(eu, 'Computed', { emailIdentity: foreign.emailIdentity, provider: eu.awsProvider });
    const elsewhere = new Sesv2EmailIdentity(eu, 'Elsewhere', { emailIdentity: 'e.example', region: 'us-east-1', provider: eu.awsProvider });
    const error = (() => {
      try {
        new SesTenant(eu, 'Acme', sendingProps('acme', { emailIdentities: [foreign, computed, elsewhere] }));
        Testing.synth(eu, true);
      } catch (err) {
        return err as SpecValidationError;
      }
      throw new Error('expected an error');
    })();
    expect(error.violations.map((v) => `${v.field}: ${v.rule}`)).toEqual([
      'emailIdentities[0]: other/Foreign belongs to stack other, not eu; reference a resource of another stack with fromArn',
      expect.stringMatching(/^emailIdentities\[1\]: the name of eu\/Computed must be a literal string known at synth, not a token/),
      'emailIdentities[2]: eu/Elsewhere is in region us-east-1, the stack is in eu-central-1; a tenant can only use resources of its own region',
    ]);
  });

  test('fromArn refuses a token: the canonical map never holds one', () => {
    expect(() => EmailIdentity.fromArn(Token.asString({ resolve: () => 'x' }))).toThrow('the ARN must be a literal string known at synth, not a token');
  });
});
