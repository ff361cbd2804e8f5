import type { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import type { TerraformMetaArguments } from 'cdktf';

/** Configuration of a `terraform_data` block. */
export interface TerraformDataConfig extends Omit<TerraformMetaArguments, 'forEach' | 'provider'> {
  /**
   * `for_each` as a raw Terraform expression, such as `local.ses_tenants`.
   * @default - a single instance
   */
  readonly forEachExpression?: string;
  /**
   * Value stored in state and exposed as `self.input` / `output`; a change updates the instance in place.
   * @default - no input
   */
  readonly input?: unknown;
  /**
   * Value whose change replaces the instance (destroy, then create).
   * @default - never replaced by a value change
   */
  readonly triggersReplace?: unknown;
}

/**
 * Terraform's built-in `terraform_data` resource: no provider to download, and, unlike cdktf's
 * `DataResource`, no `terraform version` child process per instance.
 */
export class TerraformData extends TerraformResource {
  /** Terraform resource type. */
  static readonly tfResourceType = 'terraform_data';

  private readonly input?: unknown;
  private readonly triggersReplace?: unknown;

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, {
      terraformResourceType: TerraformData.tfResourceType,
      // "terraform" is the built-in provider: cdktf neither requires nor looks for a provider construct.
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
    if (config.forEachExpression !== undefined) this.addOverride('for_each', `\${${config.forEachExpression}}`);
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { input: this.input, triggers_replace: this.triggersReplace };
  }
}
