import { compareResources } from '../../tenant-spec/canonical';
import { compareStrings } from '../../tenant-spec/compare';
import { sesSendingStatus } from '../../tenant-spec/sending-status';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import { fieldsOf, type LiveTenant, type TenantChange } from '../model';
import { SES_DEFAULT_POLICY, SES_DEFAULT_STATUS } from '../tenant-diff';
import type { CreatedTenant } from './apply-result';
import { ownedTags, tagsToRemove, tagsToWrite } from './tags';

/** The live tenant a create leaves before its field changes: SES's defaults, the spec's suppression and what CreateTenant answered. */
function createdBase(change: TenantChange, created: CreatedTenant | undefined): LiveTenant {
  if (!created || created.reused) throw new Error(`liveAfterApply: tenant ${change.tenant} was not created by this apply; read it instead`);
  const status = created.sendingStatus ?? SES_DEFAULT_STATUS;
  return {
    name: change.tenant,
    id: created.tenantId,
    arn: created.arn,
    reputationPolicy: SES_DEFAULT_POLICY,
    customerStatus: SES_DEFAULT_STATUS,
    sendingStatusAggregate: status,
    tags: {},
    suppression: change.spec!.suppression,
    resources: [],
  };
}

/** The tags a successful apply of `change` leaves on the tenant. */
function tagsAfter(target: StackTarget, change: TenantChange, before: LiveTenant | undefined): Record<string, string> {
  // The spec hash is written by CreateTenant or by the last TagResource: either way it is there.
  if (change.action === 'create') return { ...change.spec!.tags, ...ownedTags(target, change), ...tagsToWrite(change, target, false, false) };
  const tags = { ...before!.tags };
  for (const key of tagsToRemove(change)) delete tags[key];
  return Object.assign(tags, tagsToWrite(change, target, false, false));
}

/**
 * The live tenant that a successful apply of `change` leaves, from what the apply wrote, with no
 * read: `before` is the live tenant the change was planned against (none for a create), and
 * `created` what CreateTenant answered (the create step's {@link CreatedTenant}; a reused tenant
 * is not computable, read it instead). `sesPaused`: SES's own status of the tenant is DISABLED,
 * so the aggregate stays DISABLED whatever the customer status. A change made outside this apply
 * meanwhile is not seen: the next read shows it.
 */
export function liveAfterApply(
  target: StackTarget,
  change: TenantChange,
  before: LiveTenant | undefined,
  created?: CreatedTenant,
  sesPaused = false,
): LiveTenant {
  if (change.action !== 'create' && change.action !== 'update') throw new Error(`liveAfterApply: a ${change.action} leaves no tenant to describe`);
  if (change.action === 'update' && !before) throw new Error(`liveAfterApply: an update of ${change.tenant} needs the tenant it was planned against`);
  const base = change.action === 'create' ? createdBase(change, created) : before!;
  const tags = tagsAfter(target, change, before);
  const resources = new Map(base.resources.map((r) => [r.arn, r]));
  for (const c of fieldsOf(change, 'association')) {
    if (c.op === 'add') resources.set(c.resource.arn, c.resource);
    else resources.delete(c.resource.arn);
  }
  let { reputationPolicy, customerStatus, sendingStatusAggregate, suppression } = base;
  for (const c of fieldsOf(change, 'reputation-policy')) reputationPolicy = c.to;
  for (const c of fieldsOf(change, 'sending-status')) {
    customerStatus = sesSendingStatus(c.to);
    sendingStatusAggregate = customerStatus === 'DISABLED' || sesPaused ? 'DISABLED' : customerStatus;
  }
  if (change.action === 'update') for (const c of fieldsOf(change, 'suppression')) suppression = c.to;
  const sortedTags = Object.fromEntries(Object.entries(tags).sort(([a], [b]) => compareStrings(a, b)));
  return {
    ...base,
    reputationPolicy,
    customerStatus,
    sendingStatusAggregate,
    tags: sortedTags,
    suppression,
    resources: [...resources.values()].sort(compareResources),
  };
}
