import { randomUUID } from 'crypto';
import { BadRequestException, notNullMessage } from '../errors';
import { optionalArray, optionalObject, optionalString } from '../http/input';
import { splitArn } from '../state/arn';
import type { SentMessage } from '../state/backend';
import { authorizeSend, findSendTenant, type AuthorizedSend, type SendRequest } from '../state/send-gate';
import type { OperationContext } from './context';

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
  const tenant = findSendTenant(ctx.state, optionalString(ctx.body, 'TenantName'));
  const from = optionalString(ctx.body, 'FromEmailAddress') ?? (raw === undefined ? undefined : fromHeaderOfRaw(raw));
  if (from === undefined) throw new BadRequestException(notNullMessage('fromEmailAddress'));
  const request: SendRequest = {
    tenant,
    from,
    configurationSetName: optionalString(ctx.body, 'ConfigurationSetName'),
    templateName: template === undefined ? undefined : templateNameOf(template),
  };
  const authorized = authorizeSend(ctx.state, request);
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
  const tenant = findSendTenant(ctx.state, optionalString(ctx.body, 'TenantName'));
  const from = optionalString(ctx.body, 'FromEmailAddress');
  if (from === undefined) throw new BadRequestException(notNullMessage('fromEmailAddress'));
  const request: SendRequest = {
    tenant,
    from,
    configurationSetName: optionalString(ctx.body, 'ConfigurationSetName'),
    templateName: templateNameOf(template),
  };
  const authorized = authorizeSend(ctx.state, request);
  const results = entries.map((entry) => {
    const destination = recipientsOf(optionalObject((entry ?? {}) as Record<string, unknown>, 'Destination'));
    if (recipientCount(destination) === 0) return { Status: 'INVALID_PARAMETER', Error: 'Destination must contain at least one recipient address.' };
    return { Status: 'SUCCESS', MessageId: record(ctx, 'SendBulkEmail', request, authorized, destination, undefined) };
  });
  return { BulkEmailEntryResults: results };
}
