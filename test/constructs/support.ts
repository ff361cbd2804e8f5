// Types of the cdktf matchers that test/setup.ts installs (toHaveResourceWithProperties, ...).
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { ConfigurationSet, EmailIdentity, TenantStack } from '../../src';
import type { SesTenantProps, TenantStackProps } from '../../src';

/** Region and account of the test stacks. */
export const REGION = 'eu-central-1';
/** Account of the test stacks. */
export const ACCOUNT = '123456789012';

/** The owner (app identity) of the test stacks. */
export const OWNER = 'test-app';

/** An ARN in the test stacks' region and account. */
export function arn(resource: string, region = REGION, account = ACCOUNT): string {
  return `arn:aws:ses:${region}:${account}:${resource}`;
}

/** A fresh TenantStack named `test` in a fresh app. */
export function newStack(props: Partial<TenantStackProps> = {}, id = 'test'): TenantStack {
  return new TenantStack(Testing.app(), id, { owner: OWNER, region: REGION, accountId: ACCOUNT, ...props });
}

/** Props of a tenant that can send: one identity and one configuration set, referenced by ARN. */
export function sendingProps(name: string, extra: Partial<SesTenantProps> = {}): SesTenantProps {
  return {
    tenantName: name,
    emailIdentities: [EmailIdentity.fromArn(arn(`identity/${name}.example`))],
    configurationSets: [ConfigurationSet.fromArn(arn('configuration-set/shared'))],
    ...extra,
  };
}

/** The synthesized JSON of a stack, with validations. */
export function synthJson(stack: TenantStack): any {
  return JSON.parse(Testing.synth(stack, true));
}
