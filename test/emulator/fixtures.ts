import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailTemplateCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';

/** The default account of the emulator, used in every ARN of these tests. */
export const ACCOUNT = '123456789012';

/** ARNs of the resources {@link createResources} makes, in a region. */
export function arnsIn(region = 'us-east-1') {
  const base = `arn:aws:ses:${region}:${ACCOUNT}`;
  return {
    domain: `${base}:identity/example.com`,
    address: `${base}:identity/news@example.com`,
    configSet: `${base}:configuration-set/marketing`,
    otherConfigSet: `${base}:configuration-set/transactional`,
    template: `${base}:template/welcome`,
  };
}

/** Creates the identities example.com and news@example.com, configuration sets marketing and transactional, template welcome. */
export async function createResources(client: SESv2Client): Promise<ReturnType<typeof arnsIn>> {
  await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' }));
  await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'news@example.com' }));
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
  await client.send(
    new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: { Subject: 'Hi {{name}}', Text: 'Hello {{name}}' } }),
  );
  return arnsIn(await client.config.region());
}

/** Creates a tenant and associates it with the given ARNs; answers its ARN. */
export async function createTenantWith(client: SESv2Client, name: string, arns: string[] = []): Promise<string> {
  const tenant = await client.send(new CreateTenantCommand({ TenantName: name }));
  for (const arn of arns) await client.send(new CreateTenantResourceAssociationCommand({ TenantName: name, ResourceArn: arn }));
  return tenant.TenantArn as string;
}
