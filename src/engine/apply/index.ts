/**
 * The one executor (DESIGN rule 1): `applyPlan` carries out a Plan. Its concerns, a file each: what
 * an apply reports (`apply-result.ts`), the refusals checked before any call (`refusals.ts`), the
 * API steps of a tenant change (`steps.ts`) and the tags they write (`tags.ts`), running them
 * (`apply-plan.ts`), and the live tenant a successful apply leaves (`live-after-apply.ts`).
 */
export { applyPlan, type ApplyOptions } from './apply-plan';
export { toApplyError, type ApplyEvent, type ApplyError, type ApplyFailure, type ApplyResult, type ApplyStep, type CreatedTenant } from './apply-result';
export { liveAfterApply } from './live-after-apply';
export { refusedAdoptError } from './refusals';
