export * from './constructs';
export * from './tenant-spec';
