import { assertAccount } from '../aws/account-guard';
import { createSesClient } from '../aws/client';
import { isNotFound, sesGateway, type SesGateway, type SESv2Client } from '../aws/ses-gateway';
import { applyPlan, type ApplyFailure, type ApplyResult } from '../engine/apply';
import { readLiveTenant } from '../engine/live';
import type { Plan } from '../engine/model';
import { needsTakeOver } from '../engine/ownership-rules';
import { planTenant } from '../engine/plan-tenant';
import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import { describeOwner } from '../tenant-spec/ownership';
import type { StackTarget, TenantSpec } from '../tenant-spec/tenant-spec';
import { readCurrentStack } from './current-config';
import { associationPlan, settingsPlan, tenantCreatePlan, tenantDeletePlan } from './hook-plan';
import type { HookInvocation } from './input';

/** A step of a hook's plan failed; `name` is the AWS error code so the one line Terraform shows starts with it. */
export class HookStepError extends Error {
  /** The failure as apply reported it. */
  readonly failure: ApplyFailure;

  constructor(failure: ApplyFailure) {
    const status = failure.error.httpStatus !== undefined ? ` (HTTP ${failure.error.httpStatus})` : '';
    super(`${failure.action} failed: ${failure.error.message.replace(/\s*\n\s*/g, ' ')}${status}`);
    this.name = failure.error.name;
    this.failure = failure;
  }
}

/** What a hook did, for its one line of output. */
export interface HookOutcome {
  /** API writes the hook's plan held (0: nothing to do). */
  readonly changed: boolean;
  /** A note for the log, such as why a tenant was left alone. */
  readonly note?: string;
}

/** Options of {@link runHook}. */
export interface RunHookOptions {
  /** Where the current configuration (`cdk.tf.json`) is. @default - the working directory (Terraform's) */
  readonly configDir?: string;
}

/** A hook's plan, a note for the log, and a tenant it re-creates (its TenantId is reported after the apply). */
interface HookPlan {
  readonly plan: Plan;
  readonly note?: string;
  readonly recreated?: string;
}

/** The plan that re-creates a tenant deleted outside the code and converges it (every aspect). */
function recreatePlan(target: StackTarget, spec: TenantSpec): HookPlan {
  return { plan: planTenant({ target, desired: spec, live: undefined }), recreated: spec.name };
}

/** Reads what the invocation's one object needs and plans it (the engine's tenant plan, restricted to the hook's part). */
async function planInvocation(invocation: HookInvocation, ses: SesGateway, opts: RunHookOptions): Promise<HookPlan> {
  const { target } = invocation.input;
  switch (invocation.action) {
    case 'tenant-create': {
      const spec = invocation.input.tenant;
      const live = await readLiveTenant(ses, target, spec.name, 'tenant');
      if (!needsTakeOver(target, live)) return { plan: tenantCreatePlan(target, spec, live) };
      // Adopted (or taken back after a release): converged to its code whole, associations included.
      const full = await readLiveTenant(ses, target, spec.name, 'all');
      return { plan: planTenant({ target, desired: spec, live: full }), note: `took over tenant ${spec.name} (${describeOwner(live?.tags[MANAGED_BY_TAG])})` };
    }
    case 'tenant-delete': {
      const name = invocation.input.tenant;
      const stillDeclared = readCurrentStack(target, opts.configDir).tenants[name] !== undefined;
      // Still declared: a replace, never a delete (released here, taken back by the create hook).
      const policy = stillDeclared ? 'retain' : invocation.input.removalPolicy;
      const plan = tenantDeletePlan(target, await readLiveTenant(ses, target, name, 'tenant'), policy);
      const left = plan.stacks[0].unmanaged[0];
      if (left) return { plan, note: `left alone: tenant ${left.tenant} is ${describeOwner(left.managedBy)}` };
      const release = plan.stacks[0].changes.find((c) => c.action === 'release');
      return release ? { plan, note: `released tenant ${name} (${release.tenantId}): it stays in SES with its associations${stillDeclared ? ' (still declared: a replace)' : ''}` } : { plan };
    }
    case 'settings-apply': {
      const spec = invocation.input.tenant;
      const live = await readLiveTenant(ses, target, spec.name, 'settings');
      return live === undefined ? recreatePlan(target, spec) : { plan: settingsPlan(target, spec, live) };
    }
    case 'association-create':
      return { plan: associationPlan(target, invocation.input, 'add') };
    case 'association-delete': {
      const { tenant, resource, removalPolicy } = invocation.input;
      const current = readCurrentStack(target, opts.configDir).tenants[tenant];
      const none = planTenant({ target, desired: undefined, live: undefined });
      if (current?.resources.some((r) => r.arn === resource.arn)) return { plan: none };
      // A retained tenant that is released keeps its associations.
      if (current === undefined && removalPolicy !== 'destroy') return { plan: none };
      return { plan: associationPlan(target, invocation.input, 'remove') };
    }
  }
}

/**
 * Carries out one hook invocation through the engine: reads the one object the hook owns (as
 * little as it needs), builds its plan and applies it with `applyPlan` (DESIGN rule 1). The client
 * acts in the stack's region with its profile or role; the endpoint comes from the environment.
 * A tenant found missing (deleted outside the code) is re-created and converged, and the note says
 * it got a new TenantId. Throws HookStepError (named after the AWS error) when a step fails.
 */
export async function runHook(invocation: HookInvocation, client?: SESv2Client, opts: RunHookOptions = {}): Promise<HookOutcome> {
  const { target } = invocation.input;
  const ses = client ?? createSesClient({ region: target.region, profile: target.profile, assumeRoleArn: target.assumeRoleArn });
  try {
    const gateway = sesGateway(ses);
    // The account guard (one STS call) runs before any write, and before a refusal of the read so
    // that credentials of another account are named as such; a hook with nothing to write skips it.
    let built = await planInvocation(invocation, gateway, opts).catch(async (err: unknown) => {
      await assertAccount(ses, target);
      throw err;
    });
    let changed = built.plan.stacks[0].changes.length > 0;
    let lastApply: ApplyResult | undefined;
    if (changed) {
      await assertAccount(ses, target);
      // The Terraform destroy of a tenant hook is the explicit request to delete that tenant.
      let result = await applyPlan(built.plan, () => gateway, { concurrency: 4, allowDelete: invocation.action === 'tenant-delete' });
      const failure = result.failures[0];
      if (failure && invocation.action === 'association-create' && isNotFound(failure.error) && (await gateway.getTenant(invocation.input.tenant)) === undefined) {
        // The tenant itself is gone: re-create it from the current configuration, whole.
        const spec = readCurrentStack(target, opts.configDir).tenants[invocation.input.tenant];
        if (spec === undefined) throw new HookStepError(failure);
        built = recreatePlan(target, spec);
        result = await applyPlan(built.plan, () => gateway, { concurrency: 4 });
      }
      if (result.failures.length > 0) throw new HookStepError(result.failures[0]);
      lastApply = result;
    }
    changed = changed || built.recreated !== undefined;
    let note = built.note;
    if (built.recreated !== undefined) {
      const id = lastApply?.created.find((c) => c.tenant === built.recreated)?.tenantId ?? '(unknown)';
      note =
        `tenant ${built.recreated} did not exist (deleted outside cdktf-ses-tenants?): re-created it with a NEW TenantId ${id}; ` +
        'the old TenantId and its reputation history are gone';
    }
    return note === undefined ? { changed } : { changed, note };
  } finally {
    if (client === undefined) ses.destroy();
  }
}
