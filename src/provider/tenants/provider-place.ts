import { arnLocationOf, arnPlaceProblems, DEFAULT_TENANT_QUOTA, resourceRefSchema, sesResourceArnProblem, type ArnLocation } from '../../tenant-spec';
import { ProviderError } from '../framework/diagnostics';
import { zodProblems } from './zod-attribute';

/**
 * Where this provider process's tenants live, as far as it knows: what the provider block says at
 * ValidateProviderConfig (region or the environment's, account_id or the role's account), then what
 * ConfigureProvider established (the account STS answers). Terraform runs one provider process per
 * provider configuration and validates the provider before its resources, so resource validation
 * (`terraform validate`, then again at plan and at apply with every value known) checks associated
 * ARNs against it, as synth checks them against the stack, and counts the tenants declared
 * against the region's quota.
 */
export class ProviderPlace {
  private known: Partial<ArnLocation> = {};
  private quota = DEFAULT_TENANT_QUOTA;
  private readonly declared = new Set<string>();

  /** Sets the tenant quota of the region and account (the provider's `tenant_quota`). */
  learnQuota(quota: number): void {
    this.quota = quota;
  }

  /**
   * Records a tenant the configuration declares (Terraform validates every instance again at plan,
   * with its name known); returns why it is one too many, or undefined.
   */
  declareTenant(name: string): string | undefined {
    this.declared.add(name);
    if (this.declared.size <= this.quota) return undefined;
    const where = this.known.region && this.known.account ? ` of ${this.known.region}/${this.known.account}` : '';
    return (
      `the configuration declares more than ${this.quota} tenants, the tenant quota${where} (${name} is one too many); ` +
      'raise the quota through Service Quotas and set tenant_quota in the provider block, or split the tenants'
    );
  }

  /** Records what is known; undefined segments stay as they were. */
  learn(place: Partial<ArnLocation>): void {
    this.known = { ...this.known, ...Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) };
  }

  /** Why an associated ARN is not at this place (none when it is, or when the place is not known yet). */
  problems(arn: string): string[] {
    const location = arnLocationOf(arn);
    return location ? arnPlaceProblems(location, this.known, 'the provider') : [];
  }
}

/** The place of this provider process (one provider configuration per process). */
export const providerPlace = new ProviderPlace();

/** Every problem of an associated ARN, each as `ARN "<arn>" <why>`: its form (the spec's rules), then its place. */
export function associatedArnProblems(arn: string): string[] {
  const problem = sesResourceArnProblem(arn) ?? zodProblems(resourceRefSchema.shape.arn, arn)[0];
  return (problem ? [problem] : providerPlace.problems(arn)).map((why) => `ARN ${JSON.stringify(arn)} ${why}`);
}

/** Refuses, before any write, an associated ARN outside the provider's region and account (the rule synth applies to stacks). */
export function checkPlace(target: ArnLocation, arns: readonly string[], path: readonly string[]): void {
  for (const arn of arns) {
    const at = arnLocationOf(arn);
    if (at?.partition !== target.partition || at.region !== target.region || at.account !== target.account) {
      throw new ProviderError(
        'Association outside the provider',
        `${arn} is not in ${target.region} of account ${target.account}; associate only resources of the provider's region and account.`,
        [...path],
      );
    }
  }
}
