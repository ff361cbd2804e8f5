import { isAlreadyExists } from '../../aws/ses-gateway';
import { applyPlan, liveAfterApply, planAssociation, planTenant, type ApplyOptions, type ApplyResult, type LiveTenant, type Plan, type TenantAspect } from '../../engine';
import { canonicalTenant, resourceRefOfArn, type TenantSpec } from '../../tenant-spec';
import { ProviderError } from '../framework/diagnostics';
import { readTenant } from './tenant-reads';
import type { ProviderTenant } from './tenant-state';
import type { TenantsTarget } from './tenants-target';

// The provider's one writer (the hooks' rule): each write plans the one object with the engine's
// single-tenant API (planTenant, planAssociation) and applies it with applyPlan, as the hooks do.

/** An apply step failed: which one, and what AWS said. */
export class TenantApplyError extends Error {
  constructor(
    readonly tenant: string,
    readonly step: string,
    readonly awsError: string,
  ) {
    super(`tenant ${tenant}: ${step} failed: ${awsError}`);
    this.name = 'TenantApplyError';
  }
}

/** Rethrows a failed apply step as the diagnostic Terraform shows; anything else as it is. */
export function rethrowAsDiagnostic(err: unknown): never {
  if (err instanceof TenantApplyError) throw new ProviderError(`Tenant ${err.tenant}: ${err.step} failed`, err.awsError);
  throw err;
}

/**
 * ReputationImpact of a tenant this process just created: it has no findings yet, which SES
 * reports as NONE (seen from real AWS; the model's enum has only LOW and HIGH; the emulator's
 * choice too). A finding made later shows at the next refresh.
 */
const FRESH_REPUTATION_IMPACT = 'NONE';

async function run(at: TenantsTarget, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  at.cache.invalidate();
  return applyPlan(plan, () => at.gateway, opts);
}

function throwFailure(result: ApplyResult): void {
  const failure = result.failures[0];
  if (failure) throw new TenantApplyError(failure.tenant, failure.action, `${failure.error.name}: ${failure.error.message}`);
}

/**
 * Makes the live tenant match the spec: a create (`before` undefined) or an update in place of
 * `before`, the tenant as read just now. Returns the tenant as the writes left it, computed from
 * the plan, what CreateTenant answered and `before`, with no read after. A create makes no read
 * before either: it goes straight to CreateTenant, and only when SES says the name is taken (a
 * re-run after an interrupted apply, an out-of-band create) reads the tenant and plans against it,
 * taking it over only when it is ours by its marker or `adopt` is set. An update checks the marker
 * too (Terraform's state is no proof: an import puts another owner's tenant there). With `manageAssociations`
 * false the tenant's associations are left as they are (they belong to
 * `sestenants_tenant_resource_association` instances or to no one).
 */
export async function applyTenant(
  at: TenantsTarget,
  desired: TenantSpec,
  before: ProviderTenant | undefined,
  manageAssociations: boolean,
): Promise<ProviderTenant> {
  const aspects: readonly TenantAspect[] = manageAssociations ? ['tenant', 'associations', 'settings'] : ['tenant', 'settings'];
  const plan = planTenant({ target: at.target, desired: canonicalTenant(desired), live: before?.live, aspects, door: at.door });
  const change = plan.stacks[0].changes[0];
  if (!change) {
    if (!before) throw new TenantApplyError(desired.name, 'plan', 'no change planned for a tenant that does not exist');
    return before;
  }
  const result = await run(at, plan, { onNameTaken: 'fail' });
  const failure = result.failures[0];
  if (!before && failure?.action === 'create' && isAlreadyExists(failure.error)) {
    const existing = await readTenant(at, desired.name);
    if (!existing) throwFailure(result);
    return applyTenant(at, desired, existing, manageAssociations);
  }
  throwFailure(result);
  return {
    live: liveAfterApply(at.target, change, before?.live, result.created[0], before?.awsManagedStatus === 'DISABLED'),
    createdAt: before?.createdAt ?? result.created[0]?.createdAt ?? '',
    reputationImpact: before ? before.reputationImpact : FRESH_REPUTATION_IMPACT,
    awsManagedStatus: before ? before.awsManagedStatus : null,
  };
}

/**
 * Removes the tenant from Terraform's management: by the removal policy last applied (the
 * tenant's reserved tag), a release (`retain`, the default: tenant, TenantId and associations
 * kept, markers removed) or a delete (`destroy`), only when its live marker is this provider's
 * owner and stack: a tenant imported without adopt, or taken over since, is left as it is.
 */
export async function deleteTenant(at: TenantsTarget, live: LiveTenant): Promise<void> {
  throwFailure(await run(at, planTenant({ target: at.target, desired: undefined, live }), { allowDelete: true }));
}

/** Associates (`add`) or disassociates (`remove`) one resource of a tenant. */
export async function applyAssociation(at: TenantsTarget, tenant: string, arn: string, op: 'add' | 'remove'): Promise<void> {
  throwFailure(await run(at, planAssociation({ target: at.target, tenant, resource: resourceRefOfArn(arn), op })));
}
