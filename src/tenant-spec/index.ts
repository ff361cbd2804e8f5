export * from './limits';
export * from './tenant-spec';
export * from './violation';
export * from './validate-tenant';
export * from './validate-stack';
export * from './canonical';
export type { DeclaredStack, DeclaredTenant, StackRule } from './rules/rule';
export * from './terraform-template';
export * from './synth-names';
