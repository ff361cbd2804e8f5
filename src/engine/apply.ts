import pLimit from 'p-limit';
import { isAlreadyExists, isNotFound, type SesGateway } from '../aws/ses-gateway';
import { reputationPolicyArn, tenantArn } from '../tenant-spec/arn';
import { compareResources } from '../tenant-spec/canonical';
import { MANAGED_BY_TAG, RELEASED_AT_TAG, RELEASED_BY_TAG, REMOVAL_POLICY_TAG, SPEC_HASH_TAG } from '../tenant-spec/limits';
import { describeOwner, ownerMarker } from '../tenant-spec/ownership';
import type { StackTarget } from '../tenant-spec/tenant-spec';
import { DeleteNotAllowedError, OwnershipError } from './errors';
import type { FieldChange, LiveSendingStatus, LiveTenant, Plan, StackPlan, TenantAction, TenantChange } from './model';
import { liveStatus } from './live';
import { liveStatusOf, SES_DEFAULT_POLICY, SES_DEFAULT_STATUS } from './plan';

/** One API step of applying a tenant change, named as failures report it. */
export type ApplyStep =
  | 'create'
  | 'associate'
  | 'reputation-policy'
  | 'sending-status'
  | 'suppression'
  | 'untag'
  | 'tag'
  | 'disassociate'
  | 'release'
  | 'delete';

/** Progress of an apply, for progress bars and logs. */
export type ApplyEvent =
  | { readonly type: 'step-done'; readonly stack: string; readonly tenant: string; readonly step: ApplyStep }
  | { readonly type: 'step-failed'; readonly stack: string; readonly tenant: string; readonly step: ApplyStep; readonly error: ApplyError }
  | { readonly type: 'tenant-done'; readonly stack: string; readonly tenant: string; readonly action: TenantAction; readonly ok: boolean };

/** The AWS error of a failed step. */
export interface ApplyError {
  /** Error name, such as `NotFoundException`. */
  readonly name: string;
  /** The service's message. */
  readonly message: string;
  /** HTTP status, when the service answered. */
  readonly httpStatus?: number;
}

/** A step that failed; the tenant's later steps were skipped, other tenants went on. */
export interface ApplyFailure {
  /** Stack of the tenant. */
  readonly stack: string;
  /** Tenant name. */
  readonly tenant: string;
  /** The step that failed. */
  readonly action: ApplyStep;
  /** What AWS said. */
  readonly error: ApplyError;
}

/** What SES answered for a tenant whose create step succeeded. */
export interface CreatedTenant {
  /** Stack of the tenant. */
  readonly stack: string;
  /** Tenant name. */
  readonly tenant: string;
  /** TenantId. */
  readonly tenantId: string;
  /** Tenant ARN. */
  readonly arn: string;
  /** CreatedTimestamp, ISO 8601; null when SES did not say. */
  readonly createdAt: string | null;
  /** SendingStatus SES answered (ENABLED for a new tenant); null when it did not say. */
  readonly sendingStatus: LiveSendingStatus | null;
  /**
   * The name was taken by a tenant an interrupted apply of this stack had created (or this stack
   * released), and that tenant was reused: the fields are GetTenant's, and the tenant's other
   * settings are whatever it had plus this apply's writes.
   */
  readonly reused: boolean;
}

/** What an apply did. */
export interface ApplyResult {
  /** True when every step succeeded. */
  readonly ok: boolean;
  /** Every failure, sorted by stack and tenant. */
  readonly failures: readonly ApplyFailure[];
  /** Tenants fully applied, by action, and tenants with a failure. */
  readonly counts: { readonly created: number; readonly updated: number; readonly released: number; readonly deleted: number; readonly failed: number };
  /** What CreateTenant answered, for every tenant whose create step succeeded (even when a later step failed), sorted by stack and tenant. */
  readonly created: readonly CreatedTenant[];
}

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  /** API calls in flight at once, over all stacks. @default 16 */
  readonly concurrency?: number;
  /** Carry out the plan's deletes; without it a plan with deletes is refused before any change. @default false */
  readonly allowDelete?: boolean;
  /** Receives progress events. @default - none */
  readonly onEvent?: (event: ApplyEvent) => void;
  /**
   * What a create does when SES says the name is taken (AlreadyExistsException): `reuse` the
   * tenant when this stack's marker is on it (an interrupted apply) or this stack released it, and
   * refuse it otherwise; or `fail` the create step with SES's error, skipping the tenant's later
   * steps, so the caller can read the tenant and plan against it.
   * @default 'reuse'
   */
  readonly onNameTaken?: 'reuse' | 'fail';
}

/**
 * Phases run in this order within a stack: additions before removals, so a tenant never loses what
 * it sends with; the tags (with the spec-hash) last, so a tenant whose apply was interrupted has no
 * up-to-date spec-hash and reads as unfinished, not as drift.
 */
const PHASES = ['create', 'associate', 'settings', 'disassociate', 'tags', 'release', 'delete'] as const;
type Phase = (typeof PHASES)[number];

interface Step {
  readonly phase: Phase;
  readonly name: ApplyStep;
  readonly run: (t: TenantRun) => Promise<void>;
}

/** The state of one tenant while its change is applied. */
interface TenantRun {
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

/** The name, message and HTTP status of an error, for reports. */
export function toApplyError(err: unknown): ApplyError {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), ...(status !== undefined ? { httpStatus: status } : {}) };
}

/** The reserved tags a managed tenant carries besides the spec-hash: the marker, and the removal policy when it is destroy. */
function ownedTags(target: StackTarget, change: TenantChange): Record<string, string> {
  const out: Record<string, string> = { [MANAGED_BY_TAG]: ownerMarker(target) };
  if (change.spec?.removalPolicy === 'destroy') out[REMOVAL_POLICY_TAG] = 'destroy';
  return out;
}

function createdTenant(t: TenantRun, fields: { id?: string; arn?: string; createdAt?: Date; sendingStatus?: string }, reused: boolean): CreatedTenant {
  return {
    stack: t.target.stack,
    tenant: t.change.tenant,
    tenantId: fields.id ?? '',
    arn: t.arn,
    createdAt: fields.createdAt ? new Date(fields.createdAt).toISOString() : null,
    sendingStatus: liveStatus(fields.sendingStatus) ?? null,
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

function fieldsOf<K extends FieldChange['kind']>(change: TenantChange, kind: K): Extract<FieldChange, { kind: K }>[] {
  return change.changes.filter((c): c is Extract<FieldChange, { kind: K }> => c.kind === kind);
}

/**
 * The tags the last TagResource call writes: changed user tags, the marker on adoption, the
 * removal policy, the spec hash when it moved (on a create, when CreateTenant did not carry it).
 */
function tagsToWrite(change: TenantChange, target: StackTarget, reused: boolean, hashWritten: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (reused) Object.assign(out, change.spec!.tags, ownedTags(target, change));
  if (change.action === 'create') {
    if (!hashWritten && change.specHash !== undefined) out[SPEC_HASH_TAG] = change.specHash.to;
    return out;
  }
  if (change.action !== 'update') return out;
  for (const c of fieldsOf(change, 'tag')) if (c.to !== null) out[c.key] = c.to;
  if (fieldsOf(change, 'adopt').length > 0) out[MANAGED_BY_TAG] = ownerMarker(target);
  for (const c of fieldsOf(change, 'removal-policy')) if (c.to === 'destroy') out[REMOVAL_POLICY_TAG] = 'destroy';
  if (change.specHash && change.specHash.from !== change.specHash.to) out[SPEC_HASH_TAG] = change.specHash.to;
  return out;
}

/** Reserved tags an update removes: released-by on a take-over, removal-policy when it goes back to retain. */
function reservedTagsToRemove(change: TenantChange): string[] {
  const out: string[] = [];
  if (fieldsOf(change, 'adopt').some((c) => c.releasedBy !== undefined)) out.push(RELEASED_BY_TAG, RELEASED_AT_TAG);
  for (const c of fieldsOf(change, 'removal-policy')) if (c.to === 'retain') out.push(REMOVAL_POLICY_TAG);
  return out;
}

/** The tag keys an update's UntagResource removes: user tags gone from the spec, and reserved tags. */
function tagsToRemove(change: TenantChange): string[] {
  return [...fieldsOf(change, 'tag').filter((c) => c.to === null).map((c) => c.key), ...reservedTagsToRemove(change)];
}

/** The API steps of one tenant change, each with its phase. */
function stepsOf(change: TenantChange, target: StackTarget): Step[] {
  if (change.action === 'release') {
    // The released-by tag first: the tenant is never left without a trace of who released it.
    return [
      { phase: 'tags', name: 'tag', run: (t) => t.ses.tag(t.arn, { [RELEASED_BY_TAG]: ownerMarker(target), [RELEASED_AT_TAG]: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }) },
      { phase: 'release', name: 'release', run: (t) => t.ses.untag(t.arn, [MANAGED_BY_TAG, SPEC_HASH_TAG, REMOVAL_POLICY_TAG]) },
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
      run: (t) => t.ses.updateCustomerManagedStatus(t.arn, liveStatusOf(c.to)),
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
  const spec = change.spec!;
  let base: LiveTenant;
  let tags: Record<string, string>;
  if (change.action === 'create') {
    if (!created || created.reused) throw new Error(`liveAfterApply: tenant ${change.tenant} was not created by this apply; read it instead`);
    const status = created.sendingStatus ?? SES_DEFAULT_STATUS;
    base = {
      name: change.tenant,
      id: created.tenantId,
      arn: created.arn,
      reputationPolicy: SES_DEFAULT_POLICY,
      customerStatus: SES_DEFAULT_STATUS,
      sendingStatusAggregate: status,
      tags: {},
      suppression: spec.suppression,
      resources: [],
    };
    // The spec hash is written by CreateTenant or by the last TagResource: either way it is there.
    tags = { ...spec.tags, ...ownedTags(target, change), ...tagsToWrite(change, target, false, false) };
  } else {
    if (!before) throw new Error(`liveAfterApply: an update of ${change.tenant} needs the tenant it was planned against`);
    base = before;
    tags = { ...before.tags };
    for (const key of tagsToRemove(change)) delete tags[key];
    Object.assign(tags, tagsToWrite(change, target, false, false));
  }
  const resources = new Map(base.resources.map((r) => [r.arn, r]));
  for (const c of fieldsOf(change, 'association')) {
    if (c.op === 'add') resources.set(c.resource.arn, c.resource);
    else resources.delete(c.resource.arn);
  }
  let { reputationPolicy, customerStatus, sendingStatusAggregate, suppression } = base;
  for (const c of fieldsOf(change, 'reputation-policy')) reputationPolicy = c.to;
  for (const c of fieldsOf(change, 'sending-status')) {
    customerStatus = liveStatusOf(c.to);
    sendingStatusAggregate = customerStatus === 'DISABLED' || sesPaused ? 'DISABLED' : customerStatus;
  }
  if (change.action === 'update') for (const c of fieldsOf(change, 'suppression')) suppression = c.to;
  const sortedTags = Object.fromEntries(Object.entries(tags).sort(([a], [b]) => cmp(a, b)));
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

/** The error of a plan that would take over tenants nobody asked to adopt. */
export function refusedAdoptError(refused: readonly { stack: StackTarget; r: { tenant: string; tenantId: string; managedBy: string | null } }[]): OwnershipError {
  const shown = refused
    .slice(0, 10)
    .map(({ stack, r }) => `${r.tenant} (${r.tenantId}, ${describeOwner(r.managedBy)}; declared by ${ownerMarker(stack)})`)
    .join(', ');
  const more = refused.length > 10 ? `, and ${refused.length - 10} more` : '';
  return new OwnershipError(
    `the plan would take over ${refused.length} tenant${refused.length === 1 ? '' : 's'} that this app does not manage: ${shown}${more}. ` +
      'Nothing was changed. Adopt them explicitly (adopt: true on the tenant, or --adopt NAME), or rename them in the code',
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every delete of a plan as `stack/tenant`. */
function deletesOf(plan: Plan): string[] {
  return plan.stacks.flatMap((s) => s.changes.filter((c) => c.action === 'delete').map((c) => `${s.target.stack}/${c.tenant}`));
}

/**
 * Carries out a plan (DESIGN rule 1: the one writer). Per stack, in order: create tenants (one
 * CreateTenant each, with user tags, the marker, the removal-policy tag when destroy, and
 * suppression), associate, settings (policy and status only where they differ from what SES set,
 * suppression, untag), disassociate, tags (changed user tags, marker and spec hash in one
 * TagResource, last, so an interrupted apply leaves no current spec-hash), release, delete.
 * Refuses, before any call, a plan that refuses an adoption (OwnershipError). Calls run
 * concurrently within `concurrency`; retries are the SDK's (standard mode). Idempotent:
 * AlreadyExists on create/associate and NotFound on delete/disassociate count as done, and a tenant
 * an interrupted apply created is reused. A failed step is reported with stack, tenant, step and
 * the AWS error, and skips that tenant's later steps; other tenants go on.
 *
 * Throws DeleteNotAllowedError, before any call, when the plan deletes and `allowDelete` is not set.
 */
export async function applyPlan(plan: Plan, gatewayFor: (target: StackTarget) => SesGateway, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const refused = plan.stacks.flatMap((s) => s.refused.map((r) => ({ stack: s.target, r })));
  if (refused.length > 0) throw refusedAdoptError(refused);
  const deletes = deletesOf(plan);
  if (deletes.length > 0 && !opts.allowDelete) throw new DeleteNotAllowedError(deletes);
  const limit = pLimit(opts.concurrency ?? 16);
  const emit = opts.onEvent ?? (() => undefined);
  const failures: ApplyFailure[] = [];
  const counts = { created: 0, updated: 0, released: 0, deleted: 0, failed: 0 };
  const created: CreatedTenant[] = [];

  const finish = (t: TenantRun): void => {
    const { change } = t;
    if (t.failed) counts.failed++;
    else if (change.action === 'create') counts.created++;
    else if (change.action === 'update') counts.updated++;
    else if (change.action === 'release') counts.released++;
    else if (change.action === 'delete') counts.deleted++;
    emit({ type: 'tenant-done', stack: t.target.stack, tenant: change.tenant, action: change.action, ok: !t.failed });
  };

  const runStack = async (stack: StackPlan): Promise<void> => {
    const ses = gatewayFor(stack.target);
    const runs: TenantRun[] = stack.changes.map((change) => ({
      target: stack.target,
      change,
      ses,
      steps: stepsOf(change, stack.target),
      arn: change.tenantId ? tenantArn(stack.target, change.tenant, change.tenantId) : '',
      failed: false,
      reused: false,
      hashWritten: false,
      onNameTaken: opts.onNameTaken ?? 'reuse',
    }));
    const remaining = new Map(runs.map((t) => [t, t.steps.length]));
    const stepEnded = (t: TenantRun): void => {
      const left = (remaining.get(t) ?? 1) - 1;
      remaining.set(t, left);
      if (left === 0) finish(t);
    };
    for (const t of runs) if (t.steps.length === 0) finish(t);
    for (const phase of PHASES) {
      const work = runs.flatMap((t) => t.steps.filter((s) => s.phase === phase).map((s) => ({ t, s })));
      await Promise.all(
        work.map(({ t, s }) =>
          limit(async () => {
            if (!t.failed) {
              try {
                await s.run(t);
                if (s.name === 'create' && t.created) created.push(t.created);
                emit({ type: 'step-done', stack: t.target.stack, tenant: t.change.tenant, step: s.name });
              } catch (err) {
                const error = toApplyError(err);
                t.failed = true;
                failures.push({ stack: t.target.stack, tenant: t.change.tenant, action: s.name, error });
                emit({ type: 'step-failed', stack: t.target.stack, tenant: t.change.tenant, step: s.name, error });
              }
            }
            stepEnded(t);
          }),
        ),
      );
    }
  };

  await Promise.all(plan.stacks.map(runStack));
  failures.sort((a, b) => cmp(a.stack, b.stack) || cmp(a.tenant, b.tenant));
  created.sort((a, b) => cmp(a.stack, b.stack) || cmp(a.tenant, b.tenant));
  return { ok: failures.length === 0, failures, counts, created };
}
