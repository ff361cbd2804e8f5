import pLimit from 'p-limit';
import type { SesGateway } from '../../aws/ses-gateway';
import { tenantArn } from '../../tenant-spec/arn';
import { compareStrings } from '../../tenant-spec/compare';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import type { Plan, StackPlan } from '../model';
import { toApplyError, type ApplyEvent, type ApplyFailure, type ApplyResult, type CreatedTenant } from './apply-result';
import { checkPlanAllowed } from './refusals';
import { PHASES, stepsOf, type TenantRun } from './steps';

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

const byStackAndTenant = (a: { stack: string; tenant: string }, b: { stack: string; tenant: string }): number =>
  compareStrings(a.stack, b.stack) || compareStrings(a.tenant, b.tenant);

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
  checkPlanAllowed(plan, opts.allowDelete === true);
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
  failures.sort(byStackAndTenant);
  created.sort(byStackAndTenant);
  return { ok: failures.length === 0, failures, counts, created };
}
