import type { StackTarget, TenantSpec } from '../tenant-spec';
import type { SpecViolation } from '../violation';

/** A tenant as a stack declares it, with the construct path it came from. */
export interface DeclaredTenant {
  /** Canonical spec. */
  readonly spec: TenantSpec;
  /** Construct path (or another locator) of the declaration. */
  readonly path?: string;
  /** The tenant deliberately has no identity or no configuration set (it cannot send yet). */
  readonly allowIncompleteSending?: boolean;
}

/** A stack's declarations, as the stack-level rules see them. */
export interface DeclaredStack {
  /** Region, account and quota of the stack. */
  readonly target: StackTarget;
  /** Every tenant declared in the stack, in declaration order. */
  readonly tenants: readonly DeclaredTenant[];
}

/** A stack-level validation rule: a pure function of the declarations. */
export type StackRule = (stack: DeclaredStack) => SpecViolation[];
