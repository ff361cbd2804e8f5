import { BadRequestException, notNullMessage } from '../errors';
import { optionalArray, optionalObject, requiredString } from '../http/input';
import type { EmailTemplate } from '../state/region-state';
import { deleteResource, refuseIfExists, requireResource } from '../state/resources';
import type { OperationContext } from './context';
import { listByName } from './list-input';
import { readTags, tagList } from './tag-input';

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
  const name = requiredString(ctx.body, 'TemplateName');
  if (name.trim() === '') throw new BadRequestException('TemplateName cannot be empty');
  const content = readContent(ctx.body);
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  refuseIfExists(ctx.state, 'template', name);
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
  deleteResource(ctx.state, 'template', ctx.params.TemplateName);
  return {};
}
