import { arnLocationOf, parseArn, parseSesResourceArn, resourceNameOfArn, resourceRefOfArn, sesResourceArnProblem, tenantNameOfArn } from '../../src/tenant-spec';

describe('parseArn: the one ARN parser', () => {
  test('splits the six parts; the resource keeps its own colons and slashes', () => {
    expect(parseArn('arn:aws:ses:eu-central-1:123456789012:identity/a:b/c')).toEqual({
      partition: 'aws',
      service: 'ses',
      region: 'eu-central-1',
      account: '123456789012',
      resource: 'identity/a:b/c',
    });
  });

  test('a global service has an empty region', () => {
    expect(parseArn('arn:aws-cn:iam::123456789012:role/deploy')).toMatchObject({ partition: 'aws-cn', service: 'iam', region: '', account: '123456789012' });
  });

  test.each(['', 'identity/a', 'arn:aws:ses:eu-central-1', 'urn:aws:ses:eu-central-1:123456789012:identity/a'])('%j is not an ARN', (text) => {
    expect(parseArn(text)).toBeUndefined();
    expect(arnLocationOf(text)).toBeUndefined();
  });
});

describe('the SES readers built on it', () => {
  test('an SES resource ARN gives its type, name and place', () => {
    const arn = 'arn:aws:ses:us-east-1:123456789012:configuration-set/cs';
    expect(parseSesResourceArn(arn)).toEqual({ partition: 'aws', region: 'us-east-1', account: '123456789012', type: 'configuration-set', name: 'cs' });
    expect(resourceRefOfArn(arn)).toEqual({ type: 'configuration-set', name: 'cs', arn });
    expect(resourceNameOfArn(arn)).toBe('cs');
  });

  test.each([
    ['arn:aws:sns:us-east-1:123456789012:topic/x', 'is not an SES ARN (service "sns")'],
    ['arn:aws:ses:us-east-1:123456789012:tenant/x', 'has resource type "tenant"; tenants can only be associated with identity, configuration-set, template'],
    ['arn:aws:ses:us-east-1:123456789012:identity/', 'has no resource name after the type'],
    ['arn:aws:ses::123456789012:identity/a', 'has no region'],
    ['arn:aws:ses:us-east-1:1234:identity/a', 'has account "1234", not a 12-digit account ID'],
  ])('%s %s', (arn, problem) => {
    expect(sesResourceArnProblem(arn)).toBe(problem);
    expect(() => resourceRefOfArn(arn)).toThrow(problem);
  });

  test('a tenant ARN gives its tenant name', () => {
    expect(tenantNameOfArn('arn:aws:ses:us-east-1:123456789012:tenant/x_y/tn-1')).toBe('x_y');
    expect(tenantNameOfArn('not an arn')).toBe('');
  });
});
