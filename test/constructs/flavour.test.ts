import { App, TerraformStack } from 'cdktf';
import { ProviderAwsMissingError, TenantStack } from '../../src';
import { PROVIDER_AWS_PACKAGE } from '../../src/constructs/private/native-resources';

// jest runs this suite twice (jest.config.js): as written on cdktf, and renamed to CDK Terrain by the
// build's transformer. Whichever core the suite imports, the constructs use that same one.

const core = (PROVIDER_AWS_PACKAGE as string) === '@cdktn/provider-aws' ? 'cdktn' : 'cdktf';

test('the constructs, the test and the provider package name are of one flavour', () => {
  expect(['@cdktf/provider-aws', '@cdktn/provider-aws']).toContain(PROVIDER_AWS_PACKAGE);
  expect(App).toBe((require(core) as { App: unknown }).App);
});

test('a TenantStack is a TerraformStack of that core', () => {
  const stack = new TenantStack(new App(), 'ses-eu', { owner: 'my-mail-platform', region: 'eu-central-1', accountId: '123456789012' });

  expect(stack).toBeInstanceOf(TerraformStack);
  expect(TerraformStack.isStack(stack)).toBe(true);
});

test('the missing provider error names the package of that flavour', () => {
  const error = new ProviderAwsMissingError('TenantStack#emailIdentity', new Error('gone'));

  expect(error.message).toContain(`needs the optional peer dependency ${PROVIDER_AWS_PACKAGE}`);
  expect(error.message).toContain(`npm install ${PROVIDER_AWS_PACKAGE}`);
});
