import { MANAGED_BY_TAG, RELEASED_AT_TAG, RELEASED_BY_TAG, REMOVAL_POLICY_TAG } from './limits';
import type { RemovalPolicy, StackTarget } from './tenant-spec';

/**
 * Who owns a tenant (DESIGN rule 7): the managed-by marker is `<owner>/<stack>`, the app's
 * identity and the stack's name, so two apps that both name a stack `ses-eu` never match.
 */

/** The managed-by (or released-by) tag value of a stack: `<owner>/<stack>`. */
export function ownerMarker(target: Pick<StackTarget, 'owner' | 'stack'>): string {
  return `${target.owner}/${target.stack}`;
}

/** The owner and stack a marker names; a marker without `/` (not written by this version) names a stack only. */
export function parseOwnerMarker(marker: string): { readonly owner?: string; readonly stack: string } {
  const slash = marker.indexOf('/');
  return slash < 0 ? { stack: marker } : { owner: marker.slice(0, slash), stack: marker.slice(slash + 1) };
}

/** Whose tenant a marker says it is, for messages: `managed by app X stack Y`, or `created outside cdktf-ses-tenants` when there is none. */
export function describeOwner(marker: string | null | undefined): string {
  if (marker === null || marker === undefined) return 'created outside cdktf-ses-tenants';
  const { owner, stack } = parseOwnerMarker(marker);
  return owner === undefined ? `marked by stack ${stack} (a marker without an app)` : `managed by app ${owner} stack ${stack}`;
}

/**
 * The door a user declares tenants through: the fix an ownership message gives is in its language
 * (`hcl`: a `sestenants_tenant` block; `constructs`: a `SesTenant` of a TenantStack; `cli`: `ses-tenants`).
 */
export type FrontDoor = 'hcl' | 'constructs' | 'cli';

/** How to take over a tenant that is not ours, in the door's language. */
export function adoptFix(door: FrontDoor, tenant: string): string {
  switch (door) {
    case 'hcl':
      return 'set adopt = true on its sestenants_tenant resource';
    case 'constructs':
      return 'set adopt: true on its SesTenant (or in the addTenant props)';
    case 'cli':
      return `pass --adopt ${tenant}`;
  }
}

/**
 * Whose tenant its tags say it is, for messages: the managed-by marker, else who released it
 * (`released by app X stack Y, managed by no one`), else created outside cdktf-ses-tenants.
 */
export function describeTags(tags: Readonly<Record<string, string>>): string {
  const marker = tags[MANAGED_BY_TAG];
  if (marker !== undefined) return describeOwner(marker);
  const released = tags[RELEASED_BY_TAG];
  if (released === undefined) return describeOwner(undefined);
  const { owner, stack } = parseOwnerMarker(released);
  return `released by ${owner === undefined ? '' : `app ${owner} `}stack ${stack}${tags[RELEASED_AT_TAG] ? ` at ${tags[RELEASED_AT_TAG]}` : ''} and managed by no one`;
}

/**
 * Why a declared tenant that is not ours is refused, and the fix in the door's language: the
 * message every front door gives (engine, provider at plan and at apply, hooks).
 */
export function refusalMessage(target: Pick<StackTarget, 'owner' | 'stack'>, tenant: { readonly name: string; readonly id: string; readonly tags: Readonly<Record<string, string>> }, door: FrontDoor): string {
  // No "or remove it there": a tenant another app releases is still not ours (released-by names that app).
  return `tenant ${tenant.name} (${tenant.id}) exists and is ${describeTags(tenant.tags)}; ${ownerMarker(target)} does not take it over unless you ${adoptFix(door, tenant.name)}`;
}

/** The removal policy a live tenant carries: its reserved tag is present only for `destroy`. */
export function removalPolicyOfTags(tags: Readonly<Record<string, string>>): RemovalPolicy {
  return tags[REMOVAL_POLICY_TAG] === 'destroy' ? 'destroy' : 'retain';
}
