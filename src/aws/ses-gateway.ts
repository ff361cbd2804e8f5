import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailTemplateCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  GetEmailTemplateCommand,
  GetReputationEntityCommand,
  GetTenantCommand,
  ListReputationEntitiesCommand,
  ListTagsForResourceCommand,
  ListTenantResourcesCommand,
  ListTenantsCommand,
  PutTenantSuppressionAttributesCommand,
  SendEmailCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
  UpdateReputationEntityPolicyCommand,
  type ReputationEntity,
  type SESv2Client,
  type Tenant,
  type TenantInfo,
  type TenantResource,
} from '@aws-sdk/client-sesv2';
import type { Suppression } from '../tenant-spec/tenant-spec';

/**
 * The SES v2 gateway: the only module of `src/` that imports the SDK's command classes. Each
 * method is one SES operation (one `send`, so the call counter and the pacing of the client see
 * every call), typed in this project's terms where it helps. Errors are the SDK's, unchanged;
 * {@link isNotFound} and {@link isAlreadyExists} classify them.
 */

export type { ReputationEntity, SESv2Client, Tenant, TenantInfo, TenantResource };

/** Largest page the SES list operations accept. */
export const MAX_PAGE_SIZE = 100;

/** One page of a list operation. */
export interface Page<T> {
  /** The items of this page. */
  readonly items: readonly T[];
  /** Token of the next page; undefined on the last page. */
  readonly nextToken?: string;
}

/** Customer-managed sending status as SES spells it. */
export type CustomerManagedStatus = 'ENABLED' | 'DISABLED' | 'REINSTATED';

/** What a send needs of an email identity. */
export interface SendingIdentity {
  /** Identity name (an address or a domain). */
  readonly name: string;
  /** Whether SES lets it send. */
  readonly verified: boolean;
  /** Its default configuration set, if any. */
  readonly configurationSetName?: string;
}

/** A plain email to send (the demo's tenant gate). */
export interface SimpleEmail {
  /** Sender address. */
  readonly from: string;
  /** Recipient addresses. */
  readonly to: readonly string[];
  /** Tenant the email is sent as. */
  readonly tenant: string;
  /** Configuration set to send through. */
  readonly configurationSet: string;
  /** Subject line. */
  readonly subject: string;
  /** Text body. */
  readonly text: string;
}

function errorName(err: unknown): string | undefined {
  return (err as { name?: string } | null)?.name;
}

/** Whether an SES error says the object does not exist. */
export function isNotFound(err: unknown): boolean {
  return errorName(err) === 'NotFoundException';
}

/** Whether an SES error says the object exists already. */
export function isAlreadyExists(err: unknown): boolean {
  return errorName(err) === 'AlreadyExistsException';
}

/** The value, or undefined when the call failed with NotFound; other errors propagate. */
function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  return call.catch((err: unknown) => {
    if (isNotFound(err)) return undefined;
    throw err;
  });
}

function tagList(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] }));
}

function suppressionInput(s: Suppression | null): { SuppressedReasons?: Suppression['reasons']; SuppressionScope?: Suppression['scope'] } {
  return s === null ? {} : { SuppressedReasons: [...s.reasons], SuppressionScope: s.scope };
}

/** Typed SES v2 operations over one client (one region and credential setting). */
export class SesGateway {
  constructor(
    /** The client every call goes through (count its calls with `countCalls(gateway.client)`). */
    readonly client: SESv2Client,
  ) {}

  // Tenants

  /** One page of ListTenants. */
  async listTenantsPage(nextToken?: string, pageSize = MAX_PAGE_SIZE): Promise<Page<TenantInfo>> {
    const out = await this.client.send(new ListTenantsCommand({ PageSize: pageSize, NextToken: nextToken }));
    return { items: out.Tenants ?? [], nextToken: out.NextToken ?? undefined };
  }

  /** GetTenant; undefined when the tenant does not exist. */
  async getTenant(name: string): Promise<Tenant | undefined> {
    return (await orUndefined(this.client.send(new GetTenantCommand({ TenantName: name }))))?.Tenant;
  }

  /**
   * CreateTenant with its tags and suppression in the one call; throws AlreadyExists when the name
   * is taken. Returns what SES answered: TenantId, ARN, CreatedTimestamp and SendingStatus.
   */
  async createTenant(
    name: string,
    tags: Readonly<Record<string, string>>,
    suppression: Suppression | null,
  ): Promise<{ arn?: string; id?: string; createdAt?: Date; sendingStatus?: string }> {
    const out = await this.client.send(
      new CreateTenantCommand({ TenantName: name, Tags: tagList(tags), ...(suppression ? { SuppressionAttributes: suppressionInput(suppression) } : {}) }),
    );
    return { arn: out.TenantArn, id: out.TenantId, createdAt: out.CreatedTimestamp, sendingStatus: out.SendingStatus };
  }

  /** DeleteTenant; throws NotFound when it is gone. */
  async deleteTenant(name: string): Promise<void> {
    await this.client.send(new DeleteTenantCommand({ TenantName: name }));
  }

  /** PutTenantSuppressionAttributes (null clears them). */
  async putTenantSuppression(name: string, suppression: Suppression | null): Promise<void> {
    await this.client.send(new PutTenantSuppressionAttributesCommand({ TenantName: name, ...suppressionInput(suppression) }));
  }

  // Associations

  /** One page of ListTenantResources. */
  async listTenantResourcesPage(tenant: string, nextToken?: string): Promise<Page<TenantResource>> {
    const out = await this.client.send(new ListTenantResourcesCommand({ TenantName: tenant, PageSize: MAX_PAGE_SIZE, NextToken: nextToken }));
    return { items: out.TenantResources ?? [], nextToken: out.NextToken ?? undefined };
  }

  /** CreateTenantResourceAssociation; throws AlreadyExists when associated already. */
  async associate(tenant: string, resourceArn: string): Promise<void> {
    await this.client.send(new CreateTenantResourceAssociationCommand({ TenantName: tenant, ResourceArn: resourceArn }));
  }

  /** DeleteTenantResourceAssociation; throws NotFound when not associated. */
  async disassociate(tenant: string, resourceArn: string): Promise<void> {
    await this.client.send(new DeleteTenantResourceAssociationCommand({ TenantName: tenant, ResourceArn: resourceArn }));
  }

  // Tags

  /** TagResource with the given tags (keys sorted). */
  async tag(resourceArn: string, tags: Readonly<Record<string, string>>): Promise<void> {
    await this.client.send(new TagResourceCommand({ ResourceArn: resourceArn, Tags: tagList(tags) }));
  }

  /** ListTagsForResource of one ARN, as a map; undefined when the resource vanished. */
  async listTags(resourceArn: string): Promise<Record<string, string> | undefined> {
    const out = await orUndefined(this.client.send(new ListTagsForResourceCommand({ ResourceArn: resourceArn })));
    if (out === undefined) return undefined;
    const tags: Record<string, string> = {};
    for (const t of out.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
    return tags;
  }

  /** UntagResource of the given keys. */
  async untag(resourceArn: string, keys: readonly string[]): Promise<void> {
    await this.client.send(new UntagResourceCommand({ ResourceArn: resourceArn, TagKeys: [...keys] }));
  }

  // Reputation entities (a tenant's entity is referenced by the tenant ARN)

  /** One page of ListReputationEntities filtered by reference prefix. */
  async listReputationEntitiesPage(referencePrefix: string, nextToken?: string): Promise<Page<ReputationEntity>> {
    const out = await this.client.send(
      new ListReputationEntitiesCommand({ Filter: { ENTITY_REFERENCE_PREFIX: referencePrefix }, PageSize: MAX_PAGE_SIZE, NextToken: nextToken }),
    );
    return { items: out.ReputationEntities ?? [], nextToken: out.NextToken ?? undefined };
  }

  /** GetReputationEntity of a resource; undefined when SES has none. */
  async getReputationEntity(reference: string): Promise<ReputationEntity | undefined> {
    const out = await orUndefined(this.client.send(new GetReputationEntityCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: reference })));
    return out?.ReputationEntity;
  }

  /** UpdateReputationEntityPolicy. */
  async putReputationPolicy(reference: string, policyArn: string): Promise<void> {
    await this.client.send(
      new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: reference, ReputationEntityPolicy: policyArn }),
    );
  }

  /** UpdateReputationEntityCustomerManagedStatus. */
  async updateCustomerManagedStatus(reference: string, status: CustomerManagedStatus): Promise<void> {
    await this.client.send(
      new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: reference, SendingStatus: status }),
    );
  }

  // Sending resources (the demo's stand-in for the AWS provider) and sending

  /** CreateConfigurationSet; throws AlreadyExists when it exists. */
  async createConfigurationSet(name: string): Promise<void> {
    await this.client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: name }));
  }

  /** CreateEmailIdentity; throws AlreadyExists when it exists. */
  async createEmailIdentity(identity: string, configurationSet?: string): Promise<void> {
    await this.client.send(new CreateEmailIdentityCommand({ EmailIdentity: identity, ConfigurationSetName: configurationSet }));
  }

  /** CreateEmailTemplate; throws AlreadyExists when it exists. */
  async createEmailTemplate(name: string, content: { subject: string; html?: string; text?: string }): Promise<void> {
    await this.client.send(new CreateEmailTemplateCommand({ TemplateName: name, TemplateContent: { Subject: content.subject, Html: content.html, Text: content.text } }));
  }

  /** GetEmailIdentity; undefined when the identity does not exist. */
  async findEmailIdentity(name: string): Promise<SendingIdentity | undefined> {
    const out = await orUndefined(this.client.send(new GetEmailIdentityCommand({ EmailIdentity: name })));
    if (out === undefined) return undefined;
    const set = out.ConfigurationSetName;
    return { name, verified: out.VerifiedForSendingStatus === true, ...(set ? { configurationSetName: set } : {}) };
  }

  /** Whether a configuration set exists (GetConfigurationSet). */
  async configurationSetExists(name: string): Promise<boolean> {
    return (await orUndefined(this.client.send(new GetConfigurationSetCommand({ ConfigurationSetName: name })))) !== undefined;
  }

  /** Whether an email template exists (GetEmailTemplate). */
  async emailTemplateExists(name: string): Promise<boolean> {
    return (await orUndefined(this.client.send(new GetEmailTemplateCommand({ TemplateName: name })))) !== undefined;
  }

  /** SendEmail of a simple email as a tenant; resolves to the MessageId. */
  async sendEmail(email: SimpleEmail): Promise<string | undefined> {
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: email.from,
        TenantName: email.tenant,
        ConfigurationSetName: email.configurationSet,
        Destination: { ToAddresses: [...email.to] },
        Content: { Simple: { Subject: { Data: email.subject }, Body: { Text: { Data: email.text } } } },
      }),
    );
    return out.MessageId;
  }
}

const gateways = new WeakMap<SESv2Client, SesGateway>();

/** The gateway over a client (the same one for the same client). */
export function sesGateway(client: SESv2Client): SesGateway {
  let gateway = gateways.get(client);
  if (!gateway) {
    gateway = new SesGateway(client);
    gateways.set(client, gateway);
  }
  return gateway;
}

/** Every item of a paged list, page after page. */
export async function allPages<T>(page: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...p.items);
    token = p.nextToken;
  } while (token);
  return out;
}
