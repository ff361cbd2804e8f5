import {
  CreateEmailIdentityCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { createResources, createTenantWith } from './fixtures';

const emulator = withEmulator();

const simple = (extra: Partial<SendEmailCommandInput> = {}): SendEmailCommandInput => ({
  FromEmailAddress: 'Sender <hello@example.com>',
  Destination: { ToAddresses: ['someone@example.net'] },
  Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
  ...extra,
});
const denied = (arns: string[]) => ({ name: 'AccessDeniedException', status: 403, message: `Tenant not associated with resources [${arns.join(', ')}].` });

test('a tenant send with associated identity and configuration set is accepted and recorded', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', [arns.domain, arns.configSet]);
  const out = await client.send(new SendEmailCommand(simple({ TenantName: 'acme', ConfigurationSetName: 'marketing' })));
  expect(out.MessageId).toMatch(/.+/);
  const messages = await emulator.admin.messages({ tenant: 'acme' });
  expect(messages).toEqual([
    expect.objectContaining({
      MessageId: out.MessageId,
      Operation: 'SendEmail',
      TenantName: 'acme',
      Identity: 'example.com',
      ConfigurationSetName: 'marketing',
      Subject: 'Hi',
      Destination: { ToAddresses: ['someone@example.net'], CcAddresses: [], BccAddresses: [] },
    }),
  ]);
});

test('the exact address identity is checked when it exists, else its domain', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', [arns.domain, arns.configSet]);
  const via = { TenantName: 'acme', ConfigurationSetName: 'marketing' };
  await expectAwsError(client.send(new SendEmailCommand(simple({ ...via, FromEmailAddress: 'news@example.com' }))), denied([arns.address]));
  await expect(client.send(new SendEmailCommand(simple({ ...via, FromEmailAddress: 'other@example.com' })))).resolves.toBeDefined();
});

test('every missing association is listed: identity, configuration set and template', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme');
  await expectAwsError(
    client.send(
      new SendEmailCommand(
        simple({ TenantName: 'acme', ConfigurationSetName: 'marketing', Content: { Template: { TemplateName: 'welcome', TemplateData: '{}' } } }),
      ),
    ),
    denied([arns.domain, arns.configSet, arns.template]),
  );
});

test.each([
  ['the identity', ['configSet', 'template'], ['domain']],
  ['the configuration set', ['domain', 'template'], ['configSet']],
  ['the template', ['domain', 'configSet'], ['template']],
] as const)('a send is refused when only %s is not associated', async (_missing, associated, missing) => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', associated.map((k) => arns[k]));
  await expectAwsError(
    client.send(
      new SendEmailCommand(
        simple({ TenantName: 'acme', ConfigurationSetName: 'marketing', Content: { Template: { TemplateName: 'welcome', TemplateData: '{}' } } }),
      ),
    ),
    denied(missing.map((k) => arns[k])),
  );
});

test("the identity's default configuration set must be associated when none is given", async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await client.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'example.com', ConfigurationSetName: 'transactional' }));
  await createTenantWith(client, 'acme', [arns.domain]);
  await expectAwsError(client.send(new SendEmailCommand(simple({ TenantName: 'acme' }))), denied([arns.otherConfigSet]));
  await createTenantWith(client, 'beta', [arns.domain, arns.otherConfigSet]);
  await expect(client.send(new SendEmailCommand(simple({ TenantName: 'beta' })))).resolves.toBeDefined();
});

test('a tenant send with no configuration set at all is refused (reference §7: name one or use an identity default)', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', [arns.domain]);
  await expectAwsError(client.send(new SendEmailCommand(simple({ TenantName: 'acme' }))), {
    name: 'AccessDeniedException',
    status: 403,
    message:
      'Tenant acme cannot send without a configuration set: specify ConfigurationSetName, or use an identity whose default configuration set is associated with the tenant.',
  });
  await expectAwsError(
    client.send(new SendEmailCommand(simple({ TenantName: 'acme', FromEmailAddress: 'news@example.com' }))),
    denied([arns.address]),
  );
  await expect(client.send(new SendEmailCommand(simple()))).resolves.toBeDefined();
  expect(await emulator.admin.messages({ tenant: 'acme' })).toEqual([]);
});

test('an unknown tenant is 404 with the send wording, after the request shape check', async () => {
  const client = emulator.client();
  await createResources(client);
  await expectAwsError(client.send(new SendEmailCommand({ ...simple({ TenantName: 'ghost' }), Content: undefined })), {
    name: 'BadRequestException',
    status: 400,
    message: "1 validation error detected: Value at 'content' failed to satisfy constraint: Member must not be null",
  });
  await expectAwsError(client.send(new SendEmailCommand(simple({ TenantName: 'ghost' }))), {
    name: 'NotFoundException',
    status: 404,
    message: 'Tenant ghost for AwsAccountId 123456789012 not found.',
  });
});

test('a paused tenant cannot send', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  const tenantArn = await createTenantWith(client, 'acme', [arns.domain]);
  await client.send(
    new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: tenantArn, SendingStatus: 'DISABLED' }),
  );
  await expectAwsError(client.send(new SendEmailCommand(simple({ TenantName: 'acme' }))), {
    name: 'SendingPausedException',
    status: 400,
    message: 'Sending is paused for tenant acme.',
  });
});

test('without a tenant, sends need an existing verified identity only', async () => {
  const client = emulator.client();
  await expectAwsError(client.send(new SendEmailCommand(simple())), {
    name: 'MessageRejected',
    status: 400,
    message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: hello@example.com',
  });
  await emulator.admin.setSettings({ verifyIdentities: false });
  try {
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' }));
    await expectAwsError(client.send(new SendEmailCommand(simple())), { name: 'MessageRejected', status: 400 });
    await emulator.admin.verifyIdentities();
    await expect(client.send(new SendEmailCommand(simple()))).resolves.toBeDefined();
  } finally {
    await emulator.admin.setSettings({ verifyIdentities: true });
  }
});

test('raw messages take the sender from the MIME From header', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', [arns.address, arns.configSet]);
  const mime = 'From: News <news@example.com>\r\nTo: a@example.net\r\nSubject: x\r\n\r\nbody';
  await expect(
    client.send(
      new SendEmailCommand({ TenantName: 'acme', ConfigurationSetName: 'marketing', Content: { Raw: { Data: new TextEncoder().encode(mime) } } }),
    ),
  ).resolves.toBeDefined();
});

test('SendBulkEmail applies the same gate and answers one result per entry', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  await createTenantWith(client, 'acme', [arns.domain, arns.template, arns.otherConfigSet]);
  const input = {
    TenantName: 'acme',
    ConfigurationSetName: 'transactional',
    FromEmailAddress: 'hello@example.com',
    DefaultContent: { Template: { TemplateName: 'welcome', TemplateData: '{}' } },
    BulkEmailEntries: [{ Destination: { ToAddresses: ['a@example.net'] } }, { Destination: { ToAddresses: ['b@example.net'] } }],
  };
  const out = await client.send(new SendBulkEmailCommand(input));
  expect(out.BulkEmailEntryResults).toEqual([
    { Status: 'SUCCESS', MessageId: expect.any(String) },
    { Status: 'SUCCESS', MessageId: expect.any(String) },
  ]);
  await expectAwsError(client.send(new SendBulkEmailCommand({ ...input, ConfigurationSetName: 'marketing' })), denied([arns.configSet]));
  await expectAwsError(client.send(new SendBulkEmailCommand({ ...input, TenantName: 'ghost' })), { name: 'NotFoundException', status: 404 });
  expect(await emulator.admin.messages()).toHaveLength(2);
});
