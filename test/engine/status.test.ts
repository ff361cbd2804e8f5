import { severityOf, sortWorstFirst, statusOfEntity, tenantNameOfArn, type TenantStatus } from '../../src/engine/status';

const at = { partition: 'aws', region: 'eu-central-1', account: '123456789012' };
const arnOf = (name: string) => `arn:aws:ses:eu-central-1:123456789012:tenant/${name}/tn-0123`;
const entity = (name: string, customer: string, ses: string, impact = 'LOW') =>
  statusOfEntity(at, {
    ReputationEntityReference: arnOf(name),
    ReputationEntityType: 'RESOURCE',
    ReputationManagementPolicy: 'arn:aws:ses:eu-central-1:aws:reputation-policy/strict',
    CustomerManagedStatus: { Status: customer as 'ENABLED' },
    AwsSesManagedStatus: { Status: ses as 'ENABLED', Cause: 'finding' },
    SendingStatusAggregate: (customer === 'DISABLED' || ses === 'DISABLED' ? 'DISABLED' : 'ENABLED') as 'ENABLED',
    ReputationImpact: impact as 'LOW',
  });

test.each([
  ['SES DISABLED wins over a customer pause', 'DISABLED', 'DISABLED', 'LOW', 'paused-by-ses'],
  ['customer DISABLED', 'DISABLED', 'ENABLED', 'LOW', 'paused-by-customer'],
  ['REINSTATED by SES', 'ENABLED', 'REINSTATED', 'LOW', 'reinstated'],
  ['high impact while sending', 'ENABLED', 'ENABLED', 'HIGH', 'high-impact'],
  ['sending', 'ENABLED', 'ENABLED', 'NONE', 'ok'],
])('severity: %s', (_what, customer, ses, impact, severity) => {
  expect(entity('t', customer, ses, impact).severity).toBe(severity);
});

test('statusOfEntity reads the name from the ARN and the policy from its ARN', () => {
  expect(entity('acme-1', 'ENABLED', 'DISABLED')).toMatchObject({ tenant: 'acme-1', policy: 'strict', awsManaged: { status: 'DISABLED', cause: 'finding' } });
  expect(tenantNameOfArn('arn:aws:ses:us-east-1:123456789012:tenant/x_y/tn-1')).toBe('x_y');
});

test('sortWorstFirst orders by severity, then region and name, and leaves its input as it was', () => {
  const input: TenantStatus[] = [entity('b', 'ENABLED', 'ENABLED'), entity('z', 'ENABLED', 'DISABLED'), entity('a', 'ENABLED', 'ENABLED'), entity('c', 'DISABLED', 'ENABLED')];
  const before = input.map((t) => t.tenant);
  expect(sortWorstFirst(input).map((t) => t.tenant)).toEqual(['z', 'c', 'a', 'b']);
  expect(input.map((t) => t.tenant)).toEqual(before);
  expect(severityOf({ customerManaged: { status: null }, awsManaged: { status: null }, reputationImpact: null })).toBe('absent');
});
