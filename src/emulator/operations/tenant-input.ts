import { BadRequestException, notNullMessage } from '../errors';
import { optionalString } from '../http/input';
import type { SuppressionAttributes } from '../state/region-state';

const TENANT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const SUPPRESSION_SCOPES = ['TENANT', 'ACCOUNT'];
const SUPPRESSION_REASONS = ['BOUNCE', 'COMPLAINT'];

/** The "TenantName cannot be empty" check of every tenant operation except CreateTenant. */
export function readTenantName(body: Record<string, unknown>): string {
  const name = optionalString(body, 'TenantName');
  if (name === undefined || name.trim() === '') throw new BadRequestException('TenantName cannot be empty');
  return name;
}

/** CreateTenant's name checks, in the reference's order: absent, empty, blank, too long, bad characters. */
export function readNewTenantName(body: Record<string, unknown>): string {
  const name = optionalString(body, 'TenantName');
  if (name === undefined) throw new BadRequestException(notNullMessage('tenantName'));
  if (name === '') {
    throw new BadRequestException(
      "1 validation error detected: Value at 'tenantName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (name.trim() === '') throw new BadRequestException('TenantName cannot be empty');
  if (name.length > 64) throw new BadRequestException('TenantName cannot exceed 64 characters.');
  if (!TENANT_NAME_PATTERN.test(name)) {
    throw new BadRequestException(
      `Invalid tenant name ${name}: only alphanumeric ASCII characters, '_', and '-' are allowed.`,
    );
  }
  return name;
}

/**
 * Validates a SuppressedReasons/SuppressionScope pair in the reference's order: enums, duplicate
 * reasons, pair rules. Neither member set means "no suppression settings" (null).
 */
export function readSuppression(reasonsRaw: unknown[] | undefined, scope: string | undefined): SuppressionAttributes | null {
  if (scope !== undefined && !SUPPRESSION_SCOPES.includes(scope)) {
    throw new BadRequestException(
      "1 validation error detected: Value at 'suppressionScope' failed to satisfy constraint: Member must satisfy enum value set: [TENANT, ACCOUNT]",
    );
  }
  const reasons = reasonsRaw?.map(String);
  if (reasons !== undefined && reasons.some((reason) => !SUPPRESSION_REASONS.includes(reason))) {
    throw new BadRequestException(
      "1 validation error detected: Value at 'suppressedReasons' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [BOUNCE, COMPLAINT]]",
    );
  }
  if (reasons !== undefined && new Set(reasons).size !== reasons.length) {
    throw new BadRequestException('Each suppressed reason can only be specified at most once');
  }
  if (reasons === undefined && scope === undefined) return null;
  if (reasons === undefined) throw new BadRequestException('SuppressionScope cannot be specified without SuppressedReasons.');
  if (scope === undefined && reasons.length > 0) {
    throw new BadRequestException('SuppressedReasons cannot be specified without SuppressionScope.');
  }
  if (scope === undefined) {
    throw new BadRequestException('SuppressionScope is required when SuppressedReasons are provided. Valid values are: TENANT, ACCOUNT');
  }
  return { SuppressedReasons: reasons, SuppressionScope: scope };
}
