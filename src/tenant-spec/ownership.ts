import type { StackTarget } from './tenant-spec';

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
