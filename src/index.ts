export * from './constructs';
export * from './spec';
