import { randomUUID } from 'crypto';
import { resourceArn, splitArn } from '../state/arn';
import type { OperationContext, SentMessage } from '../state/backend';
import { pausedTenantMessage } from '../choices';
import { AccessDeniedException, BadRequestException, MessageRejected, NotFoundException, SendingPausedException } from '../errors';
import { notNullMessage, optionalArray, optionalObject, optionalString } from '../http/input';
import type { Identity, Tenant } from '../state/region-state';
import { requireResource } from '../state/resources';
import { tenantSendingStatus } from './tenants';

/** What a send asks to use, after its shape was checked. */
interface SendRequest {
  readonly tenant?: Tenant;
  readonly from: string;
  readonly configurationSetName?: string;
  readonly templateName?: string;
}

/** What a send was authorized to use. */
interface AuthorizedSend {
  readonly identity: Identity;
  readonly configurationSetName?: string;
}

const ADDRESS_IN_ANGLES = /<([^>]+)>/;

function bareAddress(from: string): string {
  return (ADDRESS_IN_ANGLES.exec(from)?.[1] ?? from).trim();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function fromHeaderOfRaw(raw: Record<string, unknown>): string | undefined {
  const data = optionalString(raw, 'Data');
  if (data === undefined) return undefined;
  const text = Buffer.from(data, 'base64').toString('utf8');
  const headers = text.split(/\r?\n\r?\n/, 1)[0];
  return /^from:\s*(.+)$/im.exec(headers)?.[1]?.trim();
}

function templateNameOf(template: Record<string, unknown>): string | undefined {
  const name = optionalString(template, 'TemplateName');
  if (name !== undefined) return name;
  const arn = optionalString(template, 'TemplateArn');
  return arn === undefined ? undefined : splitArn(arn)?.name;
}

function checkTemplateShape(template: Record<string, unknown>): void {
  if (templateNameOf(template) === undefined && optionalObject(template, 'TemplateContent') === undefined) {
    throw new BadRequestException('Template content must specify TemplateName, TemplateArn or TemplateContent.');
  }
}

function recipientsOf(destination: Record<string, unknown> | undefined): SentMessage['Destination'] {
  const list = (member: string) => (destination === undefined ? [] : (optionalArray(destination, member) ?? []).map(String));
  return { ToAddresses: list('ToAddresses'), CcAddresses: list('CcAddresses'), BccAddresses: list('BccAddresses') };
}

function recipientCount(destination: SentMessage['Destination']): number {
  return destination.ToAddresses.length + destination.CcAddresses.length + destination.BccAddresses.length;
}

/** The tenant a send goes through, answering the send operations' own 404 wording. */
function sendTenant(ctx: OperationContext): Tenant | undefined {
  const name = optionalString(ctx.body, 'TenantName');
  if (name === undefined) return undefined;
  const tenant = ctx.state.tenants.get(name);
  if (tenant === undefined) throw new NotFoundException(`Tenant ${name} for AwsAccountId ${ctx.accountId} not found.`);
  return tenant;
}

/**
 * The checks shared by SendEmail and SendBulkEmail after the request shape and the tenant lookup:
 * paused tenant → the tenant gate (403 listing every unassociated identity, configuration set and
 * template ARN) → configuration set and template existence → sender verification.
 */
function authorizeSend(ctx: OperationContext, request: SendRequest): AuthorizedSend {
  const { state } = ctx;
  const { tenant } = request;
  const address = bareAddress(request.from);
  const identity = state.identities.get(address) ?? state.identities.get(domainOf(address));
  const configurationSetName = request.configurationSetName ?? identity?.configurationSetName;
  if (tenant !== undefined) {
    if (tenantSendingStatus(tenant) === 'DISABLED') throw new SendingPausedException(pausedTenantMessage(tenant.name));
    const wanted = [resourceArn(ctx.region, ctx.accountId, 'identity', identity?.name ?? domainOf(address))];
    if (configurationSetName !== undefined) wanted.push(resourceArn(ctx.region, ctx.accountId, 'configuration-set', configurationSetName));
    if (request.templateName !== undefined) wanted.push(resourceArn(ctx.region, ctx.accountId, 'template', request.templateName));
    const missing = wanted.filter((arn) => !(tenant as Tenant).associations.has(arn));
    if (missing.length > 0) throw new AccessDeniedException(`Tenant not associated with resources [${missing.join(', ')}].`);
  }
  if (configurationSetName !== undefined) requireResource(state, 'configuration-set', configurationSetName);
  if (request.templateName !== undefined) requireResource(state, 'template', request.templateName);
  if (identity === undefined || !identity.verified) {
    throw new MessageRejected(
      `Email address is not verified. The following identities failed the check in region ${ctx.region.toUpperCase()}: ${address}`,
    );
  }
  return { identity, configurationSetName };
}

function newMessageId(): string {
  return `${Date.now().toString(16).padStart(16, '0')}-${randomUUID()}-000000`;
}

function record(
  ctx: OperationContext,
  operation: SentMessage['Operation'],
  request: SendRequest,
  authorized: AuthorizedSend,
  destination: SentMessage['Destination'],
  subject: string | undefined,
): string {
  const messageId = newMessageId();
  ctx.backend.recordMessage({
    MessageId: messageId,
    Operation: operation,
    AccountId: ctx.accountId,
    Region: ctx.region,
    TenantName: request.tenant?.name,
    FromEmailAddress: request.from,
    Identity: authorized.identity.name,
    Destination: destination,
    ConfigurationSetName: authorized.configurationSetName,
    TemplateName: request.templateName,
    Subject: subject,
    Timestamp: ctx.draws.now(),
  });
  return messageId;
}

/** SendEmail: Simple, Raw or Template content; with TenantName, the tenant gate applies. */
export function SendEmail(ctx: OperationContext): unknown {
  const content = optionalObject(ctx.body, 'Content');
  if (content === undefined) throw new BadRequestException(notNullMessage('content'));
  const simple = optionalObject(content, 'Simple');
  const raw = optionalObject(content, 'Raw');
  const template = optionalObject(content, 'Template');
  if ([simple, raw, template].filter((part) => part !== undefined).length !== 1) {
    throw new BadRequestException('Exactly one of Simple, Raw or Template content must be specified.');
  }
  if (simple !== undefined && optionalObject(simple, 'Subject') === undefined) {
    throw new BadRequestException(notNullMessage('content.simple.subject'));
  }
  if (raw !== undefined && optionalString(raw, 'Data') === undefined) throw new BadRequestException(notNullMessage('content.raw.data'));
  if (template !== undefined) checkTemplateShape(template);
  const tenant = sendTenant(ctx);
  const from = optionalString(ctx.body, 'FromEmailAddress') ?? (raw === undefined ? undefined : fromHeaderOfRaw(raw));
  if (from === undefined) throw new BadRequestException(notNullMessage('fromEmailAddress'));
  const request: SendRequest = {
    tenant,
    from,
    configurationSetName: optionalString(ctx.body, 'ConfigurationSetName'),
    templateName: template === undefined ? undefined : templateNameOf(template),
  };
  const authorized = authorizeSend(ctx, request);
  const destination = recipientsOf(optionalObject(ctx.body, 'Destination'));
  if (raw === undefined && recipientCount(destination) === 0) {
    throw new BadRequestException('Destination must contain at least one recipient address.');
  }
  const subject = simple === undefined ? undefined : optionalString(optionalObject(simple, 'Subject') ?? {}, 'Data');
  return { MessageId: record(ctx, 'SendEmail', request, authorized, destination, subject) };
}

/** SendBulkEmail: a template for every entry; with TenantName, the tenant gate applies once for the batch. */
export function SendBulkEmail(ctx: OperationContext): unknown {
  const defaultContent = optionalObject(ctx.body, 'DefaultContent');
  if (defaultContent === undefined) throw new BadRequestException(notNullMessage('defaultContent'));
  const template = optionalObject(defaultContent, 'Template');
  if (template === undefined) throw new BadRequestException(notNullMessage('defaultContent.template'));
  checkTemplateShape(template);
  const entries = optionalArray(ctx.body, 'BulkEmailEntries');
  if (entries === undefined) throw new BadRequestException(notNullMessage('bulkEmailEntries'));
  if (entries.length < 1 || entries.length > 50) {
    throw new BadRequestException(
      `1 validation error detected: Value at 'bulkEmailEntries' failed to satisfy constraint: Member must have length between 1 and 50`,
    );
  }
  const tenant = sendTenant(ctx);
  const from = optionalString(ctx.body, 'FromEmailAddress');
  if (from === undefined) throw new BadRequestException(notNullMessage('fromEmailAddress'));
  const request: SendRequest = {
    tenant,
    from,
    configurationSetName: optionalString(ctx.body, 'ConfigurationSetName'),
    templateName: templateNameOf(template),
  };
  const authorized = authorizeSend(ctx, request);
  const results = entries.map((entry) => {
    const destination = recipientsOf(optionalObject((entry ?? {}) as Record<string, unknown>, 'Destination'));
    if (recipientCount(destination) === 0) return { Status: 'INVALID_PARAMETER', Error: 'Destination must contain at least one recipient address.' };
    return { Status: 'SUCCESS', MessageId: record(ctx, 'SendBulkEmail', request, authorized, destination, undefined) };
  });
  return { BulkEmailEntryResults: results };
}
