/** Limits of the SES v2 tenant API (see shared reference §4) and of this project. */

/** Tenant names: 1 to 64 ASCII letters, digits, `-` and `_`. */
export const TENANT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Longest tenant name SES accepts. */
export const TENANT_NAME_MAX_LENGTH = 64;
/** Tags SES allows on one tenant, including the tags this project reserves. */
export const MAX_TAGS_PER_TENANT = 50;
/** Longest tag key. */
export const TAG_KEY_MAX_LENGTH = 128;
/** Longest tag value. */
export const TAG_VALUE_MAX_LENGTH = 256;
/** Prefix AWS reserves for its own tag keys. */
export const AWS_RESERVED_TAG_PREFIX = 'aws:';
/** Tenants per account and region that SES allows by default. */
export const DEFAULT_TENANT_QUOTA = 10_000;

/** Tag key that marks a tenant as created and managed by this project; its value is `<owner>/<stack>` (see `ownerMarker`). */
export const MANAGED_BY_TAG = 'ses-tenants:managed-by';
/** Tag key holding the hash of the tenant spec last applied to the tenant (drift detection); written as the last step of an apply. */
export const SPEC_HASH_TAG = 'ses-tenants:spec-hash';
/** Tag key present (value `destroy`) only when the removal policy last applied is `destroy`. */
export const REMOVAL_POLICY_TAG = 'ses-tenants:removal-policy';
/** Tag key a release leaves in place of the marker: `<owner>/<stack>` of the stack that released the tenant (it may take it back without adopt). */
export const RELEASED_BY_TAG = 'ses-tenants:released-by';
/** Tag key a release writes beside released-by: when (ISO 8601, UTC), so a refusal can say when it was let go. */
export const RELEASED_AT_TAG = 'ses-tenants:released-at';
/**
 * Tag keys this project writes itself; users may not set them. At most three are on a tenant at
 * once (managed-by, spec-hash, removal-policy; released-by replaces the first two on a release).
 */
export const RESERVED_TAG_KEYS: readonly string[] = [MANAGED_BY_TAG, SPEC_HASH_TAG, REMOVAL_POLICY_TAG];
/** Prefix of every tag key this project reserves. */
export const RESERVED_TAG_PREFIX = 'ses-tenants:';
/** Tags left for the user once the reserved ones are counted. */
export const MAX_USER_TAGS_PER_TENANT = MAX_TAGS_PER_TENANT - RESERVED_TAG_KEYS.length;
