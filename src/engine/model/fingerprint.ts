import { createHash } from 'crypto';
import { stableStringify } from '../../tenant-spec/canonical';
import type { LiveRegion, LiveTenant } from './types';

/** Where a region's tenants live: one key per partition, region and account. */
export function regionKey(at: { readonly partition: string; readonly region: string; readonly account: string }): string {
  return `${at.partition}:${at.region}:${at.account}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Hash of one live tenant's whole state (id, policy, statuses, tags, suppression, resources). */
export function liveTenantHash(tenant: LiveTenant): string {
  return shortHash(stableStringify(tenant));
}

/** Hash of every live tenant of a region, keyed by tenant name (keys sorted). */
export function liveTenantHashes(region: LiveRegion): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(region.tenants).sort()) out[name] = liveTenantHash(region.tenants[name]);
  return out;
}

/** Hash of a region's live state: changes when any tenant appears, disappears or changes. */
export function liveFingerprint(region: LiveRegion): string {
  return liveSnapshot(region).liveFingerprint;
}

/** What a stack plan records of the live state it saw: the region's fingerprint and each tenant's hash. */
export interface LiveSnapshot {
  /** {@link liveFingerprint} of the region. */
  readonly liveFingerprint: string;
  /** {@link liveTenantHashes} of the region. */
  readonly liveTenantHashes: Record<string, string>;
}

/** The fingerprint and tenant hashes of a region, computed once. */
export function liveSnapshot(region: LiveRegion): LiveSnapshot {
  const hashes = liveTenantHashes(region);
  return { liveFingerprint: shortHash(stableStringify({ at: regionKey(region), tenants: hashes })), liveTenantHashes: hashes };
}
