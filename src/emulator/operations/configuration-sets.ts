import { resourceArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import { AlreadyExistsException, BadRequestException } from '../errors';
import { notNullMessage, optionalArray, optionalObject, optionalString } from '../http/input';
import type { ConfigurationSet } from '../state/region-state';
import { listByName, refuseIfAssociated, requireResource } from '../state/resources';
import { readTags, tagList } from './tags';

const OPTION_BLOCKS = [
  'TrackingOptions',
  'DeliveryOptions',
  'ReputationOptions',
  'SendingOptions',
  'SuppressionOptions',
  'VdmOptions',
  'ArchivingOptions',
  'MessageSecurityOptions',
];

function requireConfigurationSet(ctx: OperationContext, name: string): ConfigurationSet {
  return requireResource(ctx.state, 'configuration-set', name) as ConfigurationSet;
}

function readOptions(body: Record<string, unknown>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const block of OPTION_BLOCKS) {
    const value = optionalObject(body, block);
    if (value !== undefined) options[block] = value;
  }
  return options;
}

/** CreateConfigurationSet: keeps the option blocks as sent. */
export function CreateConfigurationSet(ctx: OperationContext): unknown {
  const name = optionalString(ctx.body, 'ConfigurationSetName');
  if (name === undefined) throw new BadRequestException(notNullMessage('configurationSetName'));
  if (name.trim() === '') throw new BadRequestException('ConfigurationSetName cannot be empty');
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  if (ctx.state.configurationSets.get(name) !== undefined) {
    throw new AlreadyExistsException(`Configuration set ${name} already exists.`);
  }
  ctx.state.configurationSets.set({ name, createdAt: ctx.draws.now(), options: readOptions(ctx.body), tags });
  return {};
}

/** GetConfigurationSet: the option blocks and tags. */
export function GetConfigurationSet(ctx: OperationContext): unknown {
  const set = requireConfigurationSet(ctx, ctx.params.ConfigurationSetName);
  return { ConfigurationSetName: set.name, ...set.options, Tags: tagList(set.tags) };
}

/** UpdateConfigurationSet: replaces the option blocks it is given. */
export function UpdateConfigurationSet(ctx: OperationContext): unknown {
  const name = optionalString(ctx.body, 'ConfigurationSetName');
  if (name === undefined) throw new BadRequestException(notNullMessage('configurationSetName'));
  const set = requireConfigurationSet(ctx, name);
  set.options = { ...set.options, ...readOptions(ctx.body) };
  return {};
}

/** ListConfigurationSets, served on both the POST `/v2/email/list-configuration-sets` and the old GET path. */
export function ListConfigurationSets(ctx: OperationContext): unknown {
  const page = listByName(ctx, 'ListConfigurationSets', ctx.state.configurationSets, { maxSize: 1000 }, (set) => set.name);
  return { ConfigurationSets: page.items, NextToken: page.nextToken };
}

/** DeleteConfigurationSet: refused while tenants are associated; identities using it as default lose it. */
export function DeleteConfigurationSet(ctx: OperationContext): unknown {
  const set = requireConfigurationSet(ctx, ctx.params.ConfigurationSetName);
  refuseIfAssociated(ctx.state, resourceArn(ctx.region, ctx.accountId, 'configuration-set', set.name));
  ctx.state.configurationSets.delete(set.name);
  for (const identity of ctx.state.identities.values()) {
    if (identity.configurationSetName === set.name) identity.configurationSetName = undefined;
  }
  return {};
}
