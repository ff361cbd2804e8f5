/**
 * `cdktf-ses-tenants/runtime`: onboarding SES tenants from application code (customer sign-up,
 * backfills) over the same engine and ownership rules as the stacks. Imports no cdktf, cdktn or
 * constructs (lint:layers forbids it), so it loads in a service or a Lambda with the AWS SDK only.
 */
export {
  TenantOnboarding,
  OnboardingApplyError,
  RUNTIME_STACK,
  type TenantOnboardingProps,
  type EnsureOptions,
  type EnsureResult,
  type EnsureManyOptions,
  type EnsureManyResult,
  type EnsureProgress,
  type RemoveOptions,
  type RemoveResult,
  type CheckSendInput,
} from './tenant-onboarding';
export { onboardingTenantSchema, isOnboardingTenant, inputTenantName, toTenantSpec, type OnboardingTenant, type TenantInput } from './onboarding-tenant';
export { OwnershipError } from '../engine/errors';
export type { FieldChange, Plan } from '../engine/model';
export type { SendVerdict } from './send-check';
export { SpecValidationError, formatViolation, type SpecViolation } from '../tenant-spec/violation';
export type { TenantSpec } from '../tenant-spec/tenant-spec';
