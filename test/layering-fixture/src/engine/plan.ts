/** An engine module outside the plan model. */
export const PLAN = 'plan';
