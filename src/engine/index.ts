/** The engine's public API: desired state, live state, plan, apply, plan files. */
export * from './model';
export * from './errors';
export { computePlan, countActions, diffTenant, planIsEmpty, liveStatusOf, isReservedTag, SES_DEFAULT_POLICY, SES_DEFAULT_STATUS, type PlanOptions } from './plan';
export { checkPlanFresh, describeStalePlan } from './fresh';
export { liveFingerprint, liveTenantHash, liveTenantHashes, regionKey } from './fingerprint';
export { readDesiredState, desiredFromStackJson, listSynthStacks, checkCrossStackNames, DESIRED_FORMAT_VERSION, type ReadDesiredOptions } from './desired';
export { readPlanFile, writePlanFile, parsePlan, serializePlan, planSchema } from './plan-file';
export { readLiveRegion, readLiveTenant, liveRegionOf, listTenantResources, toLiveTenant, type LiveTenantParts, type ReadLiveOptions } from './live';
export { applyPlan, toApplyError, type ApplyEvent, type ApplyError, type ApplyFailure, type ApplyOptions, type ApplyResult, type ApplyStep } from './apply';
