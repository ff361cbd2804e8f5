import {
  CreateTenantResourceAssociationCommand,
  DeleteConfigurationSetCommand,
  DeleteEmailIdentityCommand,
  DeleteEmailTemplateCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetReputationEntityCommand,
  ListResourceTenantsCommand,
  ListTagsForResourceCommand,
  ListTenantResourcesCommand,
  CreateTenantCommand,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { ACCOUNT, createResources, createTenantWith } from './fixtures';

const emulator = withEmulator();
const bad = (message: string) => ({ name: 'BadRequestException', status: 400, message });

describe('CreateTenantResourceAssociation', () => {
  test('associates identities, configuration sets and templates; ListTenantResources orders them by ARN', async () => {
    const client = emulator.client();
    const arns = await createResources(client);
    await createTenantWith(client, 'acme', [arns.template, arns.domain, arns.configSet, arns.address]);
    const { TenantResources, NextToken } = await client.send(new ListTenantResourcesCommand({ TenantName: 'acme' }));
    expect(TenantResources).toEqual([
      { ResourceType: 'configuration-set', ResourceArn: arns.configSet },
      { ResourceType: 'identity', ResourceArn: arns.domain },
      { ResourceType: 'identity', ResourceArn: arns.address },
      { ResourceType: 'template', ResourceArn: arns.template },
    ]);
    expect(NextToken).toBeUndefined();
  });

  test.each([
    ['absent', undefined, "1 validation error detected: Value at 'resourceArn' failed to satisfy constraint: Member must not be null"],
    ['not an ARN', 'example.com', 'Provided resource identifier is not an SES resource'],
    ['seven parts', `arn:aws:ses:us-east-1:${ACCOUNT}:identity/a:b`, 'Provided resource identifier is not an SES resource'],
    ['another service', `arn:aws:sns:us-east-1:${ACCOUNT}:identity/example.com`, 'Provided ARN is not in SES resource ARN format'],
    ['a tenant ARN', `arn:aws:ses:us-east-1:${ACCOUNT}:tenant/acme/tn-1`, 'Unsupported resource type: tenant'],
    ['the enum spelling', `arn:aws:ses:us-east-1:${ACCOUNT}:EMAIL_IDENTITY/example.com`, 'Unsupported resource type: EMAIL_IDENTITY'],
    ['another region', `arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com`, `Resource arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com must be in the same region`],
    ['another account', 'arn:aws:ses:us-east-1:999999999999:identity/example.com', 'Resource arn:aws:ses:us-east-1:999999999999:identity/example.com must be in the same account'],
  ])('rejects an ARN that is %s, before the TenantName check', async (_case, arn, message) => {
    const client = emulator.client();
    for (const command of [CreateTenantResourceAssociationCommand, DeleteTenantResourceAssociationCommand]) {
      await expectAwsError(client.send(new command({ TenantName: '', ResourceArn: arn as string })), bad(message));
    }
  });

  test('checks TenantName, then the tenant, then the resource, then the duplicate', async () => {
    const client = emulator.client();
    const arn = `arn:aws:ses:us-east-1:${ACCOUNT}:identity/example.com`;
    const send = (TenantName?: string) => client.send(new CreateTenantResourceAssociationCommand({ TenantName, ResourceArn: arn }));
    await expectAwsError(send(undefined), bad('TenantName cannot be empty'));
    await expectAwsError(send('acme'), { name: 'NotFoundException', status: 404, message: 'The requested tenant acme does not exist.' });
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    await expectAwsError(send('acme'), { name: 'NotFoundException', status: 404, message: 'Identity example.com does not exist' });
    await createResources(client);
    await send('acme');
    await expectAwsError(send('acme'), {
      name: 'AlreadyExistsException',
      status: 400,
      message: `Resources ${arn} has already been associated with tenant acme`,
    });
  });

  test.each([
    ['identity', 'identity/nobody.example', 'Identity nobody.example does not exist'],
    ['configuration set', 'configuration-set/none', 'Configuration set none does not exist:'],
    ['template', 'template/none', 'Email template none does not exist'],
  ])('a missing %s is NotFound with its own wording', async (_kind, resource, message) => {
    const client = emulator.client();
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    const ResourceArn = `arn:aws:ses:us-east-1:${ACCOUNT}:${resource}`;
    await expectAwsError(client.send(new CreateTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn })), {
      name: 'NotFoundException',
      status: 404,
      message,
    });
    await expectAwsError(client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn })), {
      name: 'NotFoundException',
      status: 404,
      message,
    });
  });
});

describe('DeleteTenantResourceAssociation', () => {
  test('removes the association; removing it again is a silent success', async () => {
    const client = emulator.client();
    const arns = await createResources(client);
    await createTenantWith(client, 'acme', [arns.domain, arns.configSet]);
    await client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arns.domain }));
    await client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arns.domain }));
    const { TenantResources } = await client.send(new ListTenantResourcesCommand({ TenantName: 'acme' }));
    expect(TenantResources).toEqual([{ ResourceType: 'configuration-set', ResourceArn: arns.configSet }]);
  });
});

describe('ListTenantResources', () => {
  test('filters by RESOURCE_TYPE in the ARN-segment spelling', async () => {
    const client = emulator.client();
    const arns = await createResources(client);
    await createTenantWith(client, 'acme', [arns.domain, arns.configSet, arns.template]);
    const list = async (type: string) =>
      (await client.send(new ListTenantResourcesCommand({ TenantName: 'acme', Filter: { RESOURCE_TYPE: type } }))).TenantResources;
    expect(await list('identity')).toEqual([{ ResourceType: 'identity', ResourceArn: arns.domain }]);
    expect(await list('configuration-set')).toEqual([{ ResourceType: 'configuration-set', ResourceArn: arns.configSet }]);
    expect(await list('template')).toEqual([{ ResourceType: 'template', ResourceArn: arns.template }]);
  });

  test('checks paging, then the filter, then the tenant', async () => {
    const client = emulator.client();
    await expectAwsError(
      client.send(new ListTenantResourcesCommand({ TenantName: 'ghost', PageSize: 0, Filter: { RESOURCE_TYPE: 'EMAIL_IDENTITY' } })),
      bad("1 validation error detected: Value '0' at 'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    );
    await expectAwsError(
      client.send(new ListTenantResourcesCommand({ TenantName: 'ghost', Filter: { RESOURCE_TYPE: 'EMAIL_IDENTITY' } })),
      bad('Invalid resource type EMAIL_IDENTITY specified.'),
    );
    await expectAwsError(client.send(new ListTenantResourcesCommand({ TenantName: 'ghost' })), {
      name: 'NotFoundException',
      status: 404,
      message: 'The requested tenant ghost does not exist.',
    });
    await expectAwsError(client.send(new ListTenantResourcesCommand({ TenantName: '' })), bad('TenantName cannot be empty'));
  });
});

describe('ListResourceTenants', () => {
  test('lists tenants in association order with their association time', async () => {
    const client = emulator.client();
    const arns = await createResources(client);
    for (const name of ['zeta', 'alpha', 'mid']) await createTenantWith(client, name, [arns.configSet]);
    const { ResourceTenants } = await client.send(new ListResourceTenantsCommand({ ResourceArn: arns.configSet }));
    expect(ResourceTenants!.map((r) => r.TenantName)).toEqual(['zeta', 'alpha', 'mid']);
    expect(ResourceTenants![0]).toEqual({
      TenantName: 'zeta',
      TenantId: expect.stringMatching(/^tn-/),
      ResourceArn: arns.configSet,
      AssociatedTimestamp: expect.any(Date),
    });
    const empty = await client.send(new ListResourceTenantsCommand({ ResourceArn: arns.template }));
    expect(empty.ResourceTenants).toEqual([]);
  });

  test('checks paging, then the ARN, then the resource', async () => {
    const client = emulator.client();
    await expectAwsError(
      client.send(new ListResourceTenantsCommand({ ResourceArn: 'nonsense', PageSize: 101 })),
      bad("1 validation error detected: Value '101' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 100"),
    );
    await expectAwsError(client.send(new ListResourceTenantsCommand({ ResourceArn: 'nonsense' })), bad('Provided resource identifier is not an SES resource'));
    await expectAwsError(
      client.send(new ListResourceTenantsCommand({ ResourceArn: `arn:aws:ses:us-east-1:${ACCOUNT}:template/none` })),
      { name: 'NotFoundException', status: 404, message: 'Email template none does not exist' },
    );
  });
});

describe('deleting associated resources and tenants', () => {
  test.each([
    ['identity', (c: ReturnType<typeof emulator.client>) => c.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' })), 'domain'],
    ['configuration set', (c: ReturnType<typeof emulator.client>) => c.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'marketing' })), 'configSet'],
    ['template', (c: ReturnType<typeof emulator.client>) => c.send(new DeleteEmailTemplateCommand({ TemplateName: 'welcome' })), 'template'],
  ] as const)('an associated %s cannot be deleted until the association is gone', async (_kind, remove, key) => {
    const client = emulator.client();
    const arns = await createResources(client);
    await createTenantWith(client, 'acme', [arns[key]]);
    await expectAwsError(
      remove(client),
      bad(`Cannot delete ${arns[key]} because it has tenant associations. Remove all tenant associations and try again.`),
    );
    await client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arns[key] }));
    await expect(remove(client)).resolves.toBeDefined();
  });

  test('DeleteTenant cascades: associations, reputation entity and tags go, resources stay; a recreated tenant starts clean', async () => {
    const client = emulator.client();
    const arns = await createResources(client);
    const oldArn = await createTenantWith(client, 'acme', [arns.domain, arns.configSet]);
    await client.send(new DeleteTenantCommand({ TenantName: 'acme' }));
    expect((await client.send(new ListResourceTenantsCommand({ ResourceArn: arns.domain }))).ResourceTenants).toEqual([]);
    await expectAwsError(
      client.send(new GetReputationEntityCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: oldArn })),
      { name: 'NotFoundException', status: 404 },
    );
    await expectAwsError(client.send(new ListTagsForResourceCommand({ ResourceArn: oldArn })), { name: 'NotFoundException', status: 404 });
    const newArn = await createTenantWith(client, 'acme');
    expect(newArn).not.toBe(oldArn);
    expect((await client.send(new ListTenantResourcesCommand({ TenantName: 'acme' }))).TenantResources).toEqual([]);
    await expect(client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' }))).resolves.toBeDefined();
  });
});
