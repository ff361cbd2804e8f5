import { assertAccount } from '../aws/account-guard';
import { createSesClient } from '../aws/client';
import { sesGateway, type SesGateway, type SESv2Client } from '../aws/ses-gateway';
import { applyPlan, type ApplyFailure } from '../engine/apply';
import { readLiveTenant } from '../engine/live';
import type { Plan } from '../engine/model';
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

async function buildPlan(invocation: HookInvocation, ses: SesGateway): Promise<{ plan: Plan; note?: string }> {
  const { target } = invocation.input;
  switch (invocation.action) {
    case 'tenant-create': {
      const spec = invocation.input.tenant;
      return { plan: tenantCreatePlan(target, spec, await readLiveTenant(ses, target, spec.name, 'tenant')) };
    }
    case 'tenant-delete': {
      const plan = tenantDeletePlan(target, await readLiveTenant(ses, target, invocation.input.tenant.name, 'tenant'));
      const left = plan.stacks[0].unmanaged[0];
      return left
        ? { plan, note: `left alone: tenant ${left.tenant} is ${left.managedBy ? `managed by stack ${left.managedBy}` : 'not managed by this app'}` }
        : { plan };
    }
    case 'settings-apply': {
      const spec = invocation.input.tenant;
      return { plan: settingsPlan(target, spec, await readLiveTenant(ses, target, spec.name, 'settings')) };
    }
    case 'association-create':
      return { plan: associationPlan(target, invocation.input, 'add') };
    case 'association-delete':
      return { plan: associationPlan(target, invocation.input, 'remove') };
  }
}

/**
 * Carries out one hook invocation through the engine: reads the one object the hook owns (as
 * little as it needs), builds its plan and applies it with `applyPlan` (DESIGN rule 1). The client
 * acts in the stack's region with its profile or role; the endpoint comes from the environment.
 * Throws HookStepError (named after the AWS error) when a step fails.
 */
export async function runHook(invocation: HookInvocation, client?: SESv2Client): Promise<HookOutcome> {
  const { target } = invocation.input;
  const ses = client ?? createSesClient({ region: target.region, profile: target.profile, assumeRoleArn: target.assumeRoleArn });
  try {
    const gateway = sesGateway(ses);
    // The account guard (one STS call) runs before any write, and before a refusal of the read so
    // that credentials of another account are named as such; a hook with nothing to write skips it.
    const { plan, note } = await buildPlan(invocation, gateway).catch(async (err: unknown) => {
      await assertAccount(ses, target);
      throw err;
    });
    const changed = plan.stacks[0].changes.length > 0;
    if (changed) {
      await assertAccount(ses, target);
      // The Terraform destroy of a tenant hook is the explicit request to delete that tenant.
      const result = await applyPlan(plan, () => gateway, { concurrency: 4, allowDelete: invocation.action === 'tenant-delete' });
      if (result.failures.length > 0) throw new HookStepError(result.failures[0]);
    }
    return note === undefined ? { changed } : { changed, note };
  } finally {
    if (client === undefined) ses.destroy();
  }
}
