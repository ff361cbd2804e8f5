import { resourceArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import { AlreadyExistsException, BadRequestException } from '../errors';
import { notNullMessage, optionalArray, optionalObject, optionalString } from '../http/input';
import type { EmailTemplate } from '../state/region-state';
import { listByName, refuseIfAssociated, requireResource } from '../state/resources';
import { readTags, tagList } from './tags';

function requireTemplate(ctx: OperationContext): EmailTemplate {
  return requireResource(ctx.state, 'template', ctx.params.TemplateName) as EmailTemplate;
}

function readContent(body: Record<string, unknown>): Record<string, unknown> {
  const content = optionalObject(body, 'TemplateContent');
  if (content === undefined) throw new BadRequestException(notNullMessage('templateContent'));
  return content;
}

/** CreateEmailTemplate: a name and content (Subject, Text, Html). */
export function CreateEmailTemplate(ctx: OperationContext): unknown {
  const name = optionalString(ctx.body, 'TemplateName');
  if (name === undefined) throw new BadRequestException(notNullMessage('templateName'));
  if (name.trim() === '') throw new BadRequestException('TemplateName cannot be empty');
  const content = readContent(ctx.body);
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  if (ctx.state.templates.get(name) !== undefined) throw new AlreadyExistsException(`Template ${name} already exists.`);
  ctx.state.templates.set({ name, createdAt: ctx.draws.now(), content, tags });
  return {};
}

/** GetEmailTemplate: the content and tags. */
export function GetEmailTemplate(ctx: OperationContext): unknown {
  const template = requireTemplate(ctx);
  return { TemplateName: template.name, TemplateContent: template.content, Tags: tagList(template.tags) };
}

/** UpdateEmailTemplate: replaces the content. */
export function UpdateEmailTemplate(ctx: OperationContext): unknown {
  const template = requireTemplate(ctx);
  template.content = readContent(ctx.body);
  return {};
}

/** ListEmailTemplates: names and creation times in name order. */
export function ListEmailTemplates(ctx: OperationContext): unknown {
  const page = listByName(ctx, 'ListEmailTemplates', ctx.state.templates, { maxSize: 100 }, (template) => ({
    TemplateName: template.name,
    CreatedTimestamp: template.createdAt,
  }));
  return { TemplatesMetadata: page.items, NextToken: page.nextToken };
}

/** DeleteEmailTemplate: refused while tenants are associated with the template. */
export function DeleteEmailTemplate(ctx: OperationContext): unknown {
  const template = requireTemplate(ctx);
  refuseIfAssociated(ctx.state, resourceArn(ctx.region, ctx.accountId, 'template', template.name));
  ctx.state.templates.delete(template.name);
  return {};
}
