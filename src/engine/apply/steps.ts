import { isAlreadyExists, isNotFound, type SesGateway } from '../../aws/ses-gateway';
import { reputationPolicyArn, tenantArn } from '../../tenant-spec/arn';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, SPEC_HASH_TAG } from '../../tenant-spec/limits';
import { describeOwner, ownerMarker } from '../../tenant-spec/ownership';
import { parseSesSendingStatus, sesSendingStatus } from '../../tenant-spec/sending-status';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import { OwnershipError } from '../errors';
import { fieldsOf, type TenantChange } from '../model';
import type { ApplyStep, CreatedTenant } from './apply-result';
import { ownedTags, RELEASE_REMOVES, releasedTags, tagsToRemove, tagsToWrite } from './tags';

/**
 * Phases run in this order within a stack: additions before removals, so a tenant never loses what
 * it sends with; the tags (with the spec-hash) last, so a tenant whose apply was interrupted has no
 * up-to-date spec-hash and reads as unfinished, not as drift.
 */
export const PHASES = ['create', 'associate', 'settings', 'disassociate', 'tags', 'release', 'delete'] as const;
type Phase = (typeof PHASES)[number];

/** One API step of a tenant change, in its phase. */
export interface Step {
  readonly phase: Phase;
  readonly name: ApplyStep;
  readonly run: (t: TenantRun) => Promise<void>;
}

/** The state of one tenant while its change is applied. */
export interface TenantRun {
  readonly target: StackTarget;
  readonly change: TenantChange;
  readonly ses: SesGateway;
  readonly steps: Step[];
  arn: string;
  failed: boolean;
  /** Created by an earlier, interrupted apply: its tags are rewritten. */
  reused: boolean;
  /** CreateTenant carried the spec-hash (a create with no later step). */
  hashWritten: boolean;
  /** What the create step learned. */
  created?: CreatedTenant;
  readonly onNameTaken: 'reuse' | 'fail';
}

/** Resolves to nothing: the step is done. */
const done = (): void => undefined;

/** Rethrows an error unless it means the step was already done (AlreadyExists on create, NotFound on delete). */
function unless(alreadyDone: (err: unknown) => boolean): (err: unknown) => void {
  return (err) => {
    if (!alreadyDone(err)) throw err;
  };
}

function createdTenant(t: TenantRun, fields: { id?: string; arn?: string; createdAt?: Date; sendingStatus?: string }, reused: boolean): CreatedTenant {
  return {
    stack: t.target.stack,
    tenant: t.change.tenant,
    tenantId: fields.id ?? '',
    arn: t.arn,
    createdAt: fields.createdAt ? new Date(fields.createdAt).toISOString() : null,
    sendingStatus: parseSesSendingStatus(fields.sendingStatus) ?? null,
    reused,
  };
}

/**
 * Creates the tenant with its user tags, the marker (and removal-policy tag) and its suppression in
 * one call; the spec-hash only when nothing follows (otherwise the last step writes it). Reuses a
 * tenant an interrupted apply of this stack created, or one this stack released.
 */
async function createTenant(t: TenantRun, laterSteps: boolean): Promise<void> {
  const spec = t.change.spec!;
  const hash = t.change.specHash?.to;
  const tags = { ...spec.tags, ...ownedTags(t.target, t.change), ...(!laterSteps && hash !== undefined ? { [SPEC_HASH_TAG]: hash } : {}) };
  try {
    const out = await t.ses.createTenant(spec.name, tags, spec.suppression);
    t.arn = out.arn ?? tenantArn(t.target, spec.name, out.id ?? '');
    t.hashWritten = !laterSteps && hash !== undefined;
    t.created = createdTenant(t, out, false);
  } catch (err) {
    if (!isAlreadyExists(err) || t.onNameTaken === 'fail') throw err;
    const existing = await t.ses.getTenant(spec.name);
    const marker = existing?.Tags?.find((tag) => tag.Key === MANAGED_BY_TAG)?.Value;
    const released = existing?.Tags?.find((tag) => tag.Key === RELEASED_BY_TAG)?.Value;
    const me = ownerMarker(t.target);
    if (marker !== me && !(marker === undefined && released === me)) {
      throw new OwnershipError(`tenant ${spec.name} appeared after the plan was made and is ${describeOwner(marker)}; plan again`);
    }
    t.arn = existing?.TenantArn ?? '';
    t.reused = true;
    t.created = createdTenant(t, { id: existing?.TenantId, createdAt: existing?.CreatedTimestamp, sendingStatus: existing?.SendingStatus }, true);
  }
}

/** The API steps of one tenant change, each with its phase. */
export function stepsOf(change: TenantChange, target: StackTarget): Step[] {
  if (change.action === 'release') {
    // The released-by tag first: the tenant is never left without a trace of who released it.
    return [
      { phase: 'tags', name: 'tag', run: (t) => t.ses.tag(t.arn, releasedTags(target, new Date())) },
      { phase: 'release', name: 'release', run: (t) => t.ses.untag(t.arn, [...RELEASE_REMOVES]) },
    ];
  }
  if (change.action === 'delete') {
    return [
      {
        phase: 'delete',
        name: 'delete',
        run: (t) => t.ses.deleteTenant(change.tenant).then(done, unless(isNotFound)),
      },
    ];
  }
  if (change.action !== 'create' && change.action !== 'update') return [];
  const steps: Step[] = [];
  const isCreate = change.action === 'create';
  for (const c of fieldsOf(change, 'association')) {
    const arn = c.resource.arn;
    steps.push(
      c.op === 'add'
        ? { phase: 'associate', name: 'associate', run: (t) => t.ses.associate(change.tenant, arn).then(done, unless(isAlreadyExists)) }
        : { phase: 'disassociate', name: 'disassociate', run: (t) => t.ses.disassociate(change.tenant, arn).then(done, unless(isNotFound)) },
    );
  }
  for (const c of fieldsOf(change, 'reputation-policy')) {
    steps.push({
      phase: 'settings',
      name: 'reputation-policy',
      run: (t) => t.ses.putReputationPolicy(t.arn, reputationPolicyArn(target, c.to)),
    });
  }
  for (const c of fieldsOf(change, 'sending-status')) {
    steps.push({
      phase: 'settings',
      name: 'sending-status',
      run: (t) => t.ses.updateCustomerManagedStatus(t.arn, sesSendingStatus(c.to)),
    });
  }
  // A create sets suppression and tags in CreateTenant itself.
  for (const c of isCreate ? [] : fieldsOf(change, 'suppression')) {
    steps.push({
      phase: 'settings',
      name: 'suppression',
      run: (t) => t.ses.putTenantSuppression(change.tenant, c.to),
    });
  }
  const removed = isCreate ? [] : tagsToRemove(change);
  if (removed.length > 0) {
    steps.push({
      phase: 'settings',
      name: 'untag',
      run: (t) => t.ses.untag(t.arn, removed),
    });
  }
  steps.push({
    phase: 'tags',
    name: 'tag',
    run: async (t) => {
      const tags = tagsToWrite(t.change, t.target, t.reused, t.hashWritten);
      if (Object.keys(tags).length > 0) await t.ses.tag(t.arn, tags);
    },
  });
  if (isCreate) {
    const laterSteps = steps.length > 1;
    steps.unshift({ phase: 'create', name: 'create', run: (t) => createTenant(t, laterSteps) });
  }
  return steps;
}
