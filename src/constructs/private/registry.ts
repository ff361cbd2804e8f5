import type { IConstruct } from 'constructs';
import type { SesTenantProps } from '../ses-tenant-props';
import type { TenantDeclaration } from './declare-tenant';

/** What a construct inside a TenantStack needs of it: declaring a tenant. */
export interface TenantRegistry extends IConstruct {
  /** Declares a tenant; `path` names it in errors. */
  addTenant(props: SesTenantProps, path?: string): TenantDeclaration;
}

const stacks = new WeakSet<IConstruct>();

/** Records a TenantStack, so that constructs inside it find it without importing its class. */
export function registerTenantStack(stack: TenantRegistry): void {
  stacks.add(stack);
}

/** The TenantStack that `scope` belongs to; throws when there is none. */
export function tenantStackOf(scope: IConstruct): TenantRegistry {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    if (stacks.has(c)) return c as TenantRegistry;
  }
  throw new Error(`${scope.node.path} is not inside a TenantStack: declare SES tenants in a TenantStack (one region and one account)`);
}
