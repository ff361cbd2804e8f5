import type { SesGateway } from '../../aws/ses-gateway';
import { MANAGED_BY_TAG, ownerMarker, type FrontDoor, type StackTarget } from '../../tenant-spec';
import type { Declarations } from './declarations';
import type { ReadCache } from './read-cache';

/** Where the provider's tenants live and how it reaches SES: what ConfigureProvider gives every resource and data source. */
export interface TenantsTarget {
  /** Stack-like target the engine plans against (the managed-by tag names `stack`). */
  readonly target: StackTarget;
  /** SES v2 gateway of the target's region. */
  readonly gateway: SesGateway;
  /** What this provider process has read (see {@link ReadCache}). */
  readonly cache: ReadCache;
  /** What the configuration planned in this process declares about associations. */
  readonly declarations: Declarations;
  /** Where the configuration is written: ownership fixes are named in its language. */
  readonly door: FrontDoor;
}

/** Whether a live tenant's marker is this provider's owner and stack. */
export function isOurs(at: TenantsTarget, tags: Readonly<Record<string, string>>): boolean {
  return tags[MANAGED_BY_TAG] === ownerMarker(at.target);
}
