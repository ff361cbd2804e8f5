import { REPUTATION_METRICS_ENABLED_WHEN_ABSENT } from '../choices';
import { BadRequestException } from '../errors';
import { optionalArray, optionalBoolean, optionalObject, requiredString } from '../http/input';
import type { ConfigurationSet } from '../state/region-state';
import { deleteResource, refuseIfExists, requireResource } from '../state/resources';
import type { OperationContext } from './context';
import { listByName } from './list-input';
import { readTags, tagList } from './tag-input';

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
  const name = requiredString(ctx.body, 'ConfigurationSetName');
  if (name.trim() === '') throw new BadRequestException('ConfigurationSetName cannot be empty');
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  refuseIfExists(ctx.state, 'configuration-set', name);
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
  const set = requireConfigurationSet(ctx, requiredString(ctx.body, 'ConfigurationSetName'));
  set.options = { ...set.options, ...readOptions(ctx.body) };
  return {};
}

/**
 * PutConfigurationSetReputationOptions: turns reputation metrics on or off; GetConfigurationSet then
 * answers `ReputationOptions: {ReputationMetricsEnabled, LastFreshStart?}` (a LastFreshStart sent at
 * creation is kept; this operation never sets one).
 */
export function PutConfigurationSetReputationOptions(ctx: OperationContext): unknown {
  const enabled = optionalBoolean(ctx.body, 'ReputationMetricsEnabled') ?? REPUTATION_METRICS_ENABLED_WHEN_ABSENT;
  const set = requireConfigurationSet(ctx, ctx.params.ConfigurationSetName);
  const previous = (set.options.ReputationOptions ?? {}) as Record<string, unknown>;
  const lastFreshStart = previous.LastFreshStart === undefined ? {} : { LastFreshStart: previous.LastFreshStart };
  set.options = { ...set.options, ReputationOptions: { ReputationMetricsEnabled: enabled, ...lastFreshStart } };
  return {};
}

/** ListConfigurationSets, served on both the POST `/v2/email/list-configuration-sets` and the old GET path. */
export function ListConfigurationSets(ctx: OperationContext): unknown {
  const page = listByName(ctx, 'ListConfigurationSets', ctx.state.configurationSets, { maxSize: 1000 }, (set) => set.name);
  return { ConfigurationSets: page.items, NextToken: page.nextToken };
}

/** DeleteConfigurationSet: refused while tenants are associated; identities using it as default lose it. */
export function DeleteConfigurationSet(ctx: OperationContext): unknown {
  deleteResource(ctx.state, 'configuration-set', ctx.params.ConfigurationSetName);
  return {};
}
