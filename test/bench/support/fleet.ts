import { sesResourceArn } from '../../../src/tenant-spec/arn';
import type { DesiredStack } from '../../../src/engine';
import { canonicalTenant, type CanonicalTenant } from '../../../src/tenant-spec/canonical';
import { REPUTATION_POLICIES, type StackTarget } from '../../../src/tenant-spec/tenant-spec';

/** The stack target of the engine and hook benchmarks. */
export const FLEET_TARGET: StackTarget = {
  formatVersion: 2,
  owner: 'ses-tenants-bench',
  stack: 'ses-tenants-bench',
  region: 'eu-central-1',
  account: '123456789012',
  partition: 'aws',
  tenantQuota: 10_000,
};

/** The configuration set every fleet tenant associates with. */
export const SHARED_CONFIGURATION_SET = 'shared-transactional';

/** Name of fleet tenant `i`. */
export function fleetTenantName(i: number): string {
  return `tenant-${String(i).padStart(5, '0')}`;
}

/** Email identity of fleet tenant `i`. */
export function fleetIdentity(i: number): string {
  return `${fleetTenantName(i)}.example.com`;
}

/**
 * The canonical spec of fleet tenant `i`: 2 associations (its own identity and the shared
 * configuration set), policies rotating through standard/strict/none, every 50th tenant disabled,
 * every 7th with tenant-level suppression, 3 tags.
 */
export function fleetTenant(i: number, target: StackTarget = FLEET_TARGET): CanonicalTenant {
  const identity = fleetIdentity(i);
  return canonicalTenant({
    name: fleetTenantName(i),
    resources: [
      { type: 'identity', name: identity, arn: sesResourceArn(target, 'identity', identity) },
      { type: 'configuration-set', name: SHARED_CONFIGURATION_SET, arn: sesResourceArn(target, 'configuration-set', SHARED_CONFIGURATION_SET) },
    ],
    reputationPolicy: REPUTATION_POLICIES[i % REPUTATION_POLICIES.length],
    sendingStatus: i % 50 === 49 ? 'disabled' : 'enabled',
    tags: { team: `team-${i % 37}`, 'cost-center': `cc-${i % 101}`, plan: i % 3 === 0 ? 'enterprise' : 'standard' },
    suppression: i % 7 === 0 ? { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] } : null,
  });
}

/** The desired state of a fleet of `n` tenants in one stack. */
export function fleetDesired(n: number, target: StackTarget = FLEET_TARGET): DesiredStack {
  const tenants: Record<string, CanonicalTenant> = {};
  for (let i = 0; i < n; i++) tenants[fleetTenantName(i)] = fleetTenant(i, target);
  return { target, tenants };
}

/** Pages of a list operation returning `items` items at most `pageSize` per page (at least one page). */
export function pagesOf(items: number, pageSize = 100): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/**
 * The calls an initial apply of `desired` cannot avoid: one CreateTenant per tenant (tags and
 * suppression in it), one association call per resource, one policy or status call where the spec
 * differs from what SES sets, and the plan's two reads (one empty page each of ListTenants and
 * ListReputationEntities).
 */
export function initialApplyFloorCalls(desired: DesiredStack, defaultPolicy: string): number {
  const specs = Object.values(desired.tenants);
  const associations = specs.reduce((sum, t) => sum + t.resources.length, 0);
  const policyCalls = specs.filter((t) => t.reputationPolicy !== defaultPolicy).length;
  const statusCalls = specs.filter((t) => t.sendingStatus !== 'enabled').length;
  // The spec-hash is written last (one TagResource per create that has later steps), so an
  // interrupted apply reads as unfinished, not as drift.
  const hashCalls = specs.filter((t) => t.resources.length > 0 || t.reputationPolicy !== defaultPolicy || t.sendingStatus !== 'enabled').length;
  return specs.length + associations + policyCalls + statusCalls + hashCalls + 2;
}
