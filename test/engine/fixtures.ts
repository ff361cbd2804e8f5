import { canonicalTenant, MANAGED_BY_TAG, SPEC_HASH_TAG, tenantSpecHash } from '../../src/tenant-spec';
import type { StackTarget, TenantSpec } from '../../src/tenant-spec';
import type { DesiredStack, LiveRegion, LiveTenant } from '../../src/engine';

/** Literal states for diff and renderer tests. */

export const ACCOUNT = '123456789012';

/** The owner (app identity) of the fixture stacks. */
export const OWNER = 'test-app';

/** The managed-by marker of a fixture stack. */
export function marker(stack: string): string {
  return `${OWNER}/${stack}`;
}

export function target(stack: string, region = 'eu-central-1'): StackTarget {
  return { formatVersion: 2, owner: OWNER, stack, region, account: ACCOUNT, partition: 'aws', tenantQuota: 10000 };
}

export function arn(type: 'identity' | 'configuration-set' | 'template', name: string, region = 'eu-central-1'): string {
  return `arn:aws:ses:${region}:${ACCOUNT}:${type}/${name}`;
}

export function spec(name: string, over: Partial<TenantSpec> = {}, region = 'eu-central-1'): TenantSpec {
  return {
    name,
    resources: [
      { type: 'configuration-set', name: `${name}-cs`, arn: arn('configuration-set', `${name}-cs`, region) },
      { type: 'identity', name: `${name}.example.com`, arn: arn('identity', `${name}.example.com`, region) },
    ],
    reputationPolicy: 'standard',
    sendingStatus: 'enabled',
    tags: {},
    suppression: null,
    ...over,
  };
}

export function desired(stack: string, specs: TenantSpec[], region = 'eu-central-1'): DesiredStack {
  return { target: target(stack, region), tenants: Object.fromEntries(specs.map((s) => [s.name, canonicalTenant(s)])) };
}

/** The live tenant that applying `s` for `stack` leaves behind. */
export function liveOf(stack: string, s: TenantSpec, over: Partial<LiveTenant> = {}, region = 'eu-central-1'): LiveTenant {
  const id = `tn-${Buffer.from(s.name).toString('hex').slice(0, 12).padEnd(12, '0')}`;
  return {
    name: s.name,
    id,
    arn: `arn:aws:ses:${region}:${ACCOUNT}:tenant/${s.name}/${id}`,
    reputationPolicy: s.reputationPolicy,
    customerStatus: s.sendingStatus === 'enabled' ? 'ENABLED' : 'DISABLED',
    sendingStatusAggregate: s.sendingStatus === 'enabled' ? 'ENABLED' : 'DISABLED',
    tags: { ...s.tags, [MANAGED_BY_TAG]: marker(stack), [SPEC_HASH_TAG]: tenantSpecHash(s) },
    suppression: s.suppression,
    resources: [...s.resources],
    ...over,
  };
}

export function region(tenants: LiveTenant[], name = 'eu-central-1'): LiveRegion {
  return { partition: 'aws', region: name, account: ACCOUNT, tenants: Object.fromEntries(tenants.map((t) => [t.name, t])) };
}
