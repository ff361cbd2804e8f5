export * from './diagnostics';
export * from './plan';
export * from './provider-server';
export * from './resource';
export * from './schema';
export * from './run-provider';
