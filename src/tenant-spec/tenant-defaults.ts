import type { RemovalPolicy, ReputationPolicy, ResourceRef, SendingStatus, Suppression, TenantSpec } from './tenant-spec';

/**
 * What a tenant has when its declaration leaves a field out: what SES gives a new tenant (policy
 * `standard`, sending enabled, no suppression setting), and `retain`, as aws-cdk does for stateful
 * resources (DESIGN rule 10). Every front door (constructs, provider, runtime) takes them from here.
 */
export const TENANT_DEFAULTS: {
  readonly reputationPolicy: ReputationPolicy;
  readonly sendingStatus: SendingStatus;
  readonly suppression: null;
  readonly removalPolicy: RemovalPolicy;
  readonly adopt: boolean;
} = {
  reputationPolicy: 'standard',
  sendingStatus: 'enabled',
  suppression: null,
  removalPolicy: 'retain',
  adopt: false,
};

/** A tenant as a front door declares it: the name and resources, every other field optional (null and undefined alike mean "left out"). */
export interface DeclaredTenantFields {
  /** Tenant name. */
  readonly name: string;
  /** Associated resources, in declaration order. */
  readonly resources: readonly ResourceRef[];
  /** @default TENANT_DEFAULTS.reputationPolicy */
  readonly reputationPolicy?: ReputationPolicy | null;
  /** @default TENANT_DEFAULTS.sendingStatus */
  readonly sendingStatus?: SendingStatus | null;
  /** @default - no user tags */
  readonly tags?: Readonly<Record<string, string>> | null;
  /** @default TENANT_DEFAULTS.suppression */
  readonly suppression?: Suppression | null;
  /** @default TENANT_DEFAULTS.removalPolicy */
  readonly removalPolicy?: RemovalPolicy | null;
  /** @default TENANT_DEFAULTS.adopt */
  readonly adopt?: boolean | null;
}

/** The spec of a declaration, each field it leaves out at its default (resources and tags as declared: not yet canonical). */
export function tenantSpecOf(fields: DeclaredTenantFields): TenantSpec & Required<Pick<TenantSpec, 'removalPolicy' | 'adopt'>> {
  return {
    name: fields.name,
    resources: [...fields.resources],
    reputationPolicy: fields.reputationPolicy ?? TENANT_DEFAULTS.reputationPolicy,
    sendingStatus: fields.sendingStatus ?? TENANT_DEFAULTS.sendingStatus,
    tags: { ...(fields.tags ?? {}) },
    suppression: fields.suppression ?? TENANT_DEFAULTS.suppression,
    removalPolicy: fields.removalPolicy ?? TENANT_DEFAULTS.removalPolicy,
    adopt: fields.adopt ?? TENANT_DEFAULTS.adopt,
  };
}
