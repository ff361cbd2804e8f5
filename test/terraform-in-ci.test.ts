import { inCi, TERRAFORM_REQUIRED_IN_CI } from './support/terraform';

describe('what counts as a CI run for the Terraform tests', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
    ['TRUE', true],
  ])('CI=%p: %p', (value, expected) => {
    expect(inCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });

  test('the message names the binary, the rule and the fix', () => {
    expect(TERRAFORM_REQUIRED_IN_CI).toBe('terraform not found on PATH; CI requires it, install Terraform >= 1.7 (the tests run 1.11)');
  });
});
