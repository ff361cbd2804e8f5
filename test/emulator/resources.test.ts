import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailTemplateCommand,
  DeleteConfigurationSetCommand,
  DeleteEmailIdentityCommand,
  DeleteEmailTemplateCommand,
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  GetEmailTemplateCommand,
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
  ListEmailTemplatesCommand,
  PutConfigurationSetReputationOptionsCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  UpdateEmailTemplateCommand,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { createResources } from './fixtures';

const emulator = withEmulator();

/** Calls an old GET list path the current SDK no longer uses, signed only as far as the emulator reads it. */
async function oldGet(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}${path}`, {
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('email identities', () => {
  test('a domain and an address identity, verified on creation, listed on both list paths', async () => {
    const client = emulator.client();
    const created = await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com', Tags: [{ Key: 'k', Value: 'v' }] }));
    expect(created).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: true, DkimAttributes: { Status: 'SUCCESS' } });
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'user+x@example.com' }));
    const got = await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'user+x@example.com' }));
    expect(got).toMatchObject({ IdentityType: 'EMAIL_ADDRESS', VerifiedForSendingStatus: true, VerificationStatus: 'SUCCESS', Tags: [] });
    const listed = await client.send(new ListEmailIdentitiesCommand({}));
    expect(listed.EmailIdentities).toEqual([
      { IdentityType: 'DOMAIN', IdentityName: 'example.com', SendingEnabled: true, VerificationStatus: 'SUCCESS' },
      { IdentityType: 'EMAIL_ADDRESS', IdentityName: 'user+x@example.com', SendingEnabled: true, VerificationStatus: 'SUCCESS' },
    ]);
    const old = await oldGet('/v2/email/identities?PageSize=1');
    expect((old.EmailIdentities as Array<{ IdentityName: string }>).map((i) => i.IdentityName)).toEqual(['example.com']);
    const rest = await oldGet(`/v2/email/identities?PageSize=1&NextToken=${encodeURIComponent(old.NextToken as string)}`);
    expect((rest.EmailIdentities as Array<{ IdentityName: string }>).map((i) => i.IdentityName)).toEqual(['user+x@example.com']);
  });

  test('duplicates, unknown names and the default configuration set', async () => {
    const client = emulator.client();
    await createResources(client);
    await expectAwsError(client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' })), {
      name: 'AlreadyExistsException',
      status: 400,
      message: 'Email identity example.com already exists.',
    });
    await expectAwsError(client.send(new GetEmailIdentityCommand({ EmailIdentity: 'nobody.example' })), { name: 'NotFoundException', status: 404 });
    await client.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'example.com', ConfigurationSetName: 'marketing' }));
    expect((await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }))).ConfigurationSetName).toBe('marketing');
    await expectAwsError(
      client.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'example.com', ConfigurationSetName: 'none' })),
      { name: 'NotFoundException', status: 404 },
    );
    await client.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect((await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'example.com' }))).ConfigurationSetName).toBeUndefined();
    await client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' }));
    await expectAwsError(client.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'example.com' })), { name: 'NotFoundException', status: 404 });
  });

  test('identities stay pending when the emulator is told so, until verified through the admin endpoint', async () => {
    const client = emulator.client();
    await emulator.admin.setSettings({ verifyIdentities: false });
    try {
      const created = await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'pending.example' }));
      expect(created.VerifiedForSendingStatus).toBe(false);
      expect(await emulator.admin.verifyIdentities({ identity: 'pending.example' })).toEqual(['pending.example']);
      expect((await client.send(new GetEmailIdentityCommand({ EmailIdentity: 'pending.example' }))).VerificationStatus).toBe('SUCCESS');
    } finally {
      await emulator.admin.setSettings({ verifyIdentities: true });
    }
  });
});

describe('configuration sets', () => {
  test('create, get with options, list on both paths, delete', async () => {
    const client = emulator.client();
    await client.send(
      new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing', SendingOptions: { SendingEnabled: true }, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'alerts' }));
    const got = await client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect(got).toMatchObject({ ConfigurationSetName: 'marketing', SendingOptions: { SendingEnabled: true }, Tags: [{ Key: 'k', Value: 'v' }] });
    expect((await client.send(new ListConfigurationSetsCommand({}))).ConfigurationSets).toEqual(['alerts', 'marketing']);
    expect((await oldGet('/v2/email/configuration-sets')).ConfigurationSets).toEqual(['alerts', 'marketing']);
    await expectAwsError(client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'alerts' })), {
      name: 'AlreadyExistsException',
      status: 400,
      message: 'Configuration set alerts already exists.',
    });
    await client.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'alerts' }));
    await expectAwsError(client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'alerts' })), { name: 'NotFoundException', status: 404 });
  });

  test('PutConfigurationSetReputationOptions turns reputation metrics on and off; GetConfigurationSet reads it back', async () => {
    const client = emulator.client();
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing', SendingOptions: { SendingEnabled: true } }));
    const put = await client.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'marketing', ReputationMetricsEnabled: true }));
    expect(put.$metadata.httpStatusCode).toBe(200);
    const on = await client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect(on.ReputationOptions).toEqual({ ReputationMetricsEnabled: true });
    expect(on.SendingOptions).toEqual({ SendingEnabled: true });
    await client.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'marketing', ReputationMetricsEnabled: false }));
    const off = await client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect(off.ReputationOptions).toEqual({ ReputationMetricsEnabled: false });
    expect((await emulator.admin.stats()).operations.PutConfigurationSetReputationOptions).toBe(2);
  });

  test('PutConfigurationSetReputationOptions keeps the LastFreshStart given at creation, and 404s an unknown set', async () => {
    const client = emulator.client();
    const freshStart = new Date(1_735_689_600_000);
    await client.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'transactional',
        ReputationOptions: { ReputationMetricsEnabled: false, LastFreshStart: freshStart },
      }),
    );
    await client.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'transactional', ReputationMetricsEnabled: true }));
    const got = await client.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
    expect(got.ReputationOptions).toEqual({ ReputationMetricsEnabled: true, LastFreshStart: freshStart });
    await expectAwsError(client.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'ghost', ReputationMetricsEnabled: true })), {
      name: 'NotFoundException',
      status: 404,
      message: 'Configuration set ghost does not exist:',
    });
  });
});

describe('email templates', () => {
  test('create, get, update, list, delete', async () => {
    const client = emulator.client();
    await client.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: { Subject: 'Hi', Text: 'Hello' } }));
    await client.send(new UpdateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: { Subject: 'Hey', Html: '<p>Hello</p>' } }));
    const got = await client.send(new GetEmailTemplateCommand({ TemplateName: 'welcome' }));
    expect(got).toMatchObject({ TemplateName: 'welcome', TemplateContent: { Subject: 'Hey', Html: '<p>Hello</p>' }, Tags: [] });
    const listed = await client.send(new ListEmailTemplatesCommand({}));
    expect(listed.TemplatesMetadata).toEqual([{ TemplateName: 'welcome', CreatedTimestamp: expect.any(Date) }]);
    await expectAwsError(client.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: { Subject: 'x' } })), {
      name: 'AlreadyExistsException',
      status: 400,
    });
    await expectAwsError(client.send(new CreateEmailTemplateCommand({ TemplateName: 'other' } as never)), {
      name: 'BadRequestException',
      status: 400,
      message: "1 validation error detected: Value at 'templateContent' failed to satisfy constraint: Member must not be null",
    });
    await client.send(new DeleteEmailTemplateCommand({ TemplateName: 'welcome' }));
    await expectAwsError(client.send(new GetEmailTemplateCommand({ TemplateName: 'welcome' })), { name: 'NotFoundException', status: 404 });
  });
});
