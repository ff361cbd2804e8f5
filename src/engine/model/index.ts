/** The plan model: schema, types derived from it, the plan builder and queries over plans, live-state fingerprints. */
export * from './schema';
export * from './types';
export * from './plan-builder';
export * from './fingerprint';
export * from './desired-stacks';
export * from './status-report';
