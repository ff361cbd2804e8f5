import { createHash } from 'crypto';
import { compareStrings } from './compare';
import { TENANT_DEFAULTS } from './tenant-defaults';
import type { ResourceRef, TenantSpec } from './tenant-spec';

/** Orders resources by type, then name, then ARN. */
export function compareResources(a: ResourceRef, b: ResourceRef): number {
  return compareStrings(a.type, b.type) || compareStrings(a.name, b.name) || compareStrings(a.arn, b.arn);
}

/** A copy of a spec in canonical form: resources sorted and de-duplicated by ARN, tags sorted by key, `removalPolicy` and `adopt` always set. */
export function canonicalTenantSpec(spec: TenantSpec): TenantSpec {
  const seen = new Set<string>();
  const resources = [...spec.resources].sort(compareResources).filter((r) => {
    if (seen.has(r.arn)) return false;
    seen.add(r.arn);
    return true;
  });
  const tags: Record<string, string> = {};
  for (const key of Object.keys(spec.tags).sort()) tags[key] = spec.tags[key];
  const suppression = spec.suppression
    ? { scope: spec.suppression.scope, reasons: [...spec.suppression.reasons].sort() }
    : null;
  return {
    name: spec.name,
    resources: resources.map((r) => ({ type: r.type, name: r.name, arn: r.arn })),
    reputationPolicy: spec.reputationPolicy,
    sendingStatus: spec.sendingStatus,
    tags,
    suppression,
    removalPolicy: spec.removalPolicy ?? TENANT_DEFAULTS.removalPolicy,
    adopt: spec.adopt ?? TENANT_DEFAULTS.adopt,
  };
}

declare const canonicalBrand: unique symbol;

/**
 * A tenant spec in canonical form (what synth emits in `locals.ses_tenants` and the engine plans
 * from), distinct from a declared spec: only {@link canonicalTenant} makes one.
 */
export type CanonicalTenant = TenantSpec & {
  readonly removalPolicy: NonNullable<TenantSpec['removalPolicy']>;
  readonly adopt: boolean;
  readonly [canonicalBrand]: true;
};

/** The canonical form of a spec, typed as such. */
export function canonicalTenant(spec: TenantSpec): CanonicalTenant {
  return canonicalTenantSpec(spec) as CanonicalTenant;
}

/** JSON with object keys sorted at every level: the same value always gives the same string. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * Short, stable hash of a tenant spec (16 hex characters), stored on the tenant as the spec-hash
 * tag. `adopt` is an instruction for one apply, not state: it is left out.
 */
export function tenantSpecHash(spec: TenantSpec): string {
  const { adopt: _adopt, ...state } = canonicalTenantSpec(spec);
  return createHash('sha256').update(stableStringify(state)).digest('hex').slice(0, 16);
}
