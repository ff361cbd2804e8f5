import { whoAmI } from '../../aws/account-guard';
import { createSesClient } from '../../aws/client';
import { sesGateway, type SesGateway } from '../../aws/ses-gateway';
import { applyPlan, isReservedTag, planTenant, readLiveRegion, readLiveTenant, SES_DEFAULT_POLICY, type LiveTenant, type Plan } from '../../engine';
import { canonicalTenant, parseSesResourceArn, sesResourceArnProblem, type ResourceRef, type StackTarget, type TenantSpec } from '../../tenant-spec';

// The one file of the provider that calls the engine and AWS (the hooks' rule: one writer).
// The resource is a thin front door: it turns Terraform values into a TenantSpec, and this file
// plans that one tenant with the engine's single-tenant API (planTenant) and applies it with
// applyPlan, exactly as the hooks do.

export type { LiveTenant, ResourceRef, StackTarget, TenantSpec };
export { isReservedTag, SES_DEFAULT_POLICY, sesResourceArnProblem };

/** Where the provider's tenants live and how it reaches SES. */
export interface TenantsTarget {
  /** Stack-like target the engine plans against (the managed-by tag names `stack`). */
  readonly target: StackTarget;
  /** SES v2 gateway of the target's region. */
  readonly gateway: SesGateway;
}

/** Options of the SES client the provider builds. */
export interface ProviderClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly assumeRoleArn?: string;
  readonly maxRequestsPerSecond?: number;
}

/** The SES v2 gateway of the provider (standard credential chain; Node-version warning silenced). */
export function providerGateway(options: ProviderClientOptions): SesGateway {
  return sesGateway(createSesClient(options));
}

/** The account the gateway's credentials act in (one STS GetCallerIdentity, at the SES endpoint when one is given). */
export async function callerAccount(gateway: SesGateway, region: string, sesEndpoint?: string): Promise<string> {
  return (await whoAmI(gateway.client, region, { sesEndpoint })).account;
}

/** A resource reference from an associated ARN. */
export function resourceOfArn(arn: string): ResourceRef {
  const parsed = parseSesResourceArn(arn);
  return { type: parsed.type, name: parsed.name, arn };
}

/** The live tenant, or undefined when it does not exist. */
export function readTenant(at: TenantsTarget, name: string): Promise<LiveTenant | undefined> {
  return readLiveTenant(at.gateway, at.target, name, 'all');
}

/** Every tenant of the provider's region and account, sorted by name. */
export async function readAllTenants(at: TenantsTarget): Promise<LiveTenant[]> {
  return Object.values((await readLiveRegion(at.gateway, at.target)).tenants);
}

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

async function run(at: TenantsTarget, plan: Plan, allowDelete = false): Promise<void> {
  const result = await applyPlan(plan, () => at.gateway, { allowDelete });
  const failure = result.failures[0];
  if (failure) throw new TenantApplyError(failure.tenant, failure.action, `${failure.error.name}: ${failure.error.message}`);
}

/**
 * Makes the live tenant match the spec (create, or update in place); returns it as read after.
 * `ownedByCaller`: the tenant is in Terraform's state (an update), so it is the provider's own
 * whatever its marker says (imported, or moved from a hooks stack).
 */
export async function applyTenant(at: TenantsTarget, desired: TenantSpec, live: LiveTenant | undefined, ownedByCaller = false): Promise<LiveTenant> {
  const plan = planTenant({ target: at.target, desired: canonicalTenant(desired), live, ownedByCaller });
  if (plan.stacks[0].changes.length > 0) await run(at, plan);
  const after = await readTenant(at, desired.name);
  if (!after) throw new TenantApplyError(desired.name, 'read after apply', 'the tenant is not there');
  return after;
}

/** Deletes the tenant (its associations go with it). */
export async function deleteTenant(at: TenantsTarget, live: LiveTenant): Promise<void> {
  // A tenant in Terraform's state is the provider's own: it created it, or the user imported it.
  await run(at, planTenant({ target: at.target, desired: undefined, live, ownedByCaller: true }), true);
}
