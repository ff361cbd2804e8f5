/**
 * The engine's public API: desired state, live state, plans (of a fleet, of one tenant or one of
 * its aspects), the one executor (`applyPlan`), plan files and the stale-plan check. What each
 * word means, and which file holds it: GLOSSARY.md.
 */
export * from './model';
export * from './errors';
export { computePlan, type PlanOptions } from './fleet-plan';
export { diffTenant, isReservedTag, SES_DEFAULT_POLICY, SES_DEFAULT_STATUS } from './tenant-diff';
export { ownershipOf, type Ownership } from './ownership-rules';
export { planTenant, planAssociation, TENANT_ASPECTS, type TenantAspect, type PlanTenantInput, type PlanAssociationInput } from './plan-tenant';
export { checkPlanFresh, describeStalePlan } from './fresh';
export {
  readDesiredState,
  readSynthOutput,
  readSynthStack,
  desiredFromStackJson,
  listSynthStacks,
  stackDocumentSchema,
  DESIRED_FORMAT_VERSION,
  type NativeResourcesOf,
  type ReadDesiredOptions,
  type SynthStack,
} from './synth-output';
export { readPlanFile, writePlanFile, parsePlan, serializePlan } from './plan-file';
export { readLiveRegion, readLiveTenant, readLiveTenantRecord, liveRegionOf, listTenantResources, listEntities, readTenantParts, toLiveTenant, type LiveTenantParts, type LiveTenantRecord, type LiveTenantSources, type ReadLiveOptions } from './live';
export { applyPlan, liveAfterApply, toApplyError, type ApplyEvent, type ApplyError, type ApplyFailure, type ApplyOptions, type ApplyResult, type ApplyStep, type CreatedTenant } from './apply';
