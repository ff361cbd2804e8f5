import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { parseSesResourceArn, sesResourceArnProblem } from '../../aws/arn';
import { createSesClient } from '../../aws/client';
import { applyPlan, diffTenant, isReservedTag, PLAN_FORMAT_VERSION, readLiveRegion, readLiveTenant, SES_DEFAULT_POLICY, type LiveTenant, type Plan, type TenantChange } from '../../engine';
import { canonicalTenantSpec, type ResourceRef, type StackTarget, type TenantSpec } from '../../spec';

// The one file of the provider that calls the engine and AWS (the hooks' rule: one writer).
// The resource is a thin front door: it turns Terraform values into a TenantSpec, and this file
// plans and applies that one tenant with the engine. Swap these bodies for the single-tenant
// engine API (planTenant/applyPlan) on merge.

export type { LiveTenant, ResourceRef, StackTarget, TenantSpec };
export { isReservedTag, SES_DEFAULT_POLICY, sesResourceArnProblem };

/** Where the provider's tenants live and how it reaches SES. */
export interface TenantsTarget {
  /** Stack-like target the engine plans against (the managed-by tag names `stack`). */
  readonly target: StackTarget;
  /** SES v2 client of the target's region. */
  readonly client: SESv2Client;
}

/** Options of the SES client the provider builds. */
export interface ProviderClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly assumeRoleArn?: string;
  readonly maxRequestsPerSecond?: number;
}

/** The SES v2 client of the provider (standard credential chain; Node-version warning silenced). */
export function providerClient(options: ProviderClientOptions): SESv2Client {
  return createSesClient(options);
}

/** A resource reference from an associated ARN. */
export function resourceOfArn(arn: string): ResourceRef {
  const parsed = parseSesResourceArn(arn);
  return { type: parsed.type, name: parsed.name, arn };
}

/** The live tenant, or undefined when it does not exist. */
export function readTenant(at: TenantsTarget, name: string): Promise<LiveTenant | undefined> {
  return readLiveTenant(at.client, at.target, name, 'all');
}

/** Every tenant of the provider's region and account, sorted by name. */
export async function readAllTenants(at: TenantsTarget): Promise<LiveTenant[]> {
  return Object.values((await readLiveRegion(at.client, at.target)).tenants);
}

function onePlan(at: TenantsTarget, change: TenantChange): Plan {
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    tool: 'cdktf-ses-tenants',
    stacks: [{ target: at.target, liveFingerprint: '', liveTenantHashes: {}, changes: [change], unchanged: 0, unmanaged: [] }],
    summary: { create: 0, update: 0, delete: 0, unchanged: 0, drifted: 0, unmanaged: 0 },
  };
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

async function run(at: TenantsTarget, change: TenantChange, allowDelete = false): Promise<void> {
  const result = await applyPlan(onePlan(at, change), () => at.client, { allowDelete });
  const failure = result.failures[0];
  if (failure) throw new TenantApplyError(failure.tenant, failure.action, `${failure.error.name}: ${failure.error.message}`);
}

/** Makes the live tenant match the spec (create, or update in place); returns it as read after. */
export async function applyTenant(at: TenantsTarget, desired: TenantSpec, live: LiveTenant | undefined): Promise<LiveTenant> {
  const change = diffTenant(at.target.stack, canonicalTenantSpec(desired), live);
  if (change) await run(at, change);
  const after = await readTenant(at, desired.name);
  if (!after) throw new TenantApplyError(desired.name, 'read after apply', 'the tenant is not there');
  return after;
}

/** Deletes the tenant (its associations go with it). */
export async function deleteTenant(at: TenantsTarget, live: LiveTenant): Promise<void> {
  await run(at, { tenant: live.name, action: 'delete', tenantId: live.id, changes: [], reason: 'removed from the Terraform configuration' }, true);
}
