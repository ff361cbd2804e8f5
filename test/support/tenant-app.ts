import { sesGateway } from '../../src/aws/ses-gateway';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  CreateEmailTemplateCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, EmailTemplate, TenantStack } from '../../src';
import type { SesTenantProps, TenantStackBackend } from '../../src';
import { readLiveRegion } from '../../src/engine';
import type { LiveTenant } from '../../src/engine';

/** Region of the reliability apps. */
export const APP_REGION = 'eu-central-1';
/** Owner (app identity) of the reliability apps. */
export const APP_OWNER = 'test-app';

/** The managed-by marker of a stack of the reliability apps. */
export function appMarker(stack: string, owner = APP_OWNER): string {
  return `${owner}/${stack}`;
}

/** Account of the reliability apps (the emulator's default account). */
export const APP_ACCOUNT = '123456789012';

/** An SES ARN in the apps' region and account. */
export function appArn(resource: string, region = APP_REGION, account = APP_ACCOUNT): string {
  return `arn:aws:ses:${region}:${account}:${resource}`;
}

/** Name of the `i`-th generated tenant (`t-0000`, `t-0001`, ...). */
export function tenantName(i: number): string {
  return `t-${String(i).padStart(4, '0')}`;
}

/** Identity of a generated tenant. */
export function identityOf(name: string): string {
  return `${name}.example.com`;
}

/** Shared configuration set every generated tenant uses. */
export const SHARED_CONFIGURATION_SET = 'shared';
/** Shared template every generated tenant uses. */
export const SHARED_TEMPLATE = 'welcome';

/**
 * Props of a generated tenant with 3 associations (its own identity, the shared configuration set
 * and template), referenced by ARN so that the stack needs no provider. `over` replaces props.
 */
export function generatedTenant(name: string, over: Partial<SesTenantProps> = {}): SesTenantProps {
  return {
    tenantName: name,
    emailIdentities: [EmailIdentity.fromArn(appArn(`identity/${identityOf(name)}`))],
    configurationSets: [ConfigurationSet.fromArn(appArn(`configuration-set/${SHARED_CONFIGURATION_SET}`))],
    templates: [EmailTemplate.fromArn(appArn(`template/${SHARED_TEMPLATE}`))],
    tags: { team: `team-${name.length % 7}` },
    ...over,
  };
}

/** A fresh temporary directory (removed by {@link removeDir}). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** Removes a directory made by {@link tempDir}. */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Synthesizes an app with one TenantStack (`stack`, in the apps' region and account) declaring
 * `tenants` through `addTenant`, into `outdir`; returns `outdir` (a cdktf.out for `--app`).
 * The stack is on the `hooks` backend unless `backend` says otherwise: the Terraform tests that use
 * this app apply its hooks, and the CLI (which reads `locals.ses_tenants`) works on either.
 */
export function synthTenantApp(outdir: string, tenants: readonly SesTenantProps[], stack = 'rel', owner = APP_OWNER, backend: TenantStackBackend = 'hooks'): string {
  const app = new App({ outdir });
  const s = new TenantStack(app, stack, { owner, region: APP_REGION, accountId: APP_ACCOUNT, backend });
  for (const t of tenants) s.addTenant(t);
  app.synth();
  return outdir;
}

/** The synthesized `cdk.tf.json` path of a stack of an app made by {@link synthTenantApp}. */
export function stackJsonPath(outdir: string, stack = 'rel'): string {
  return path.join(outdir, 'stacks', stack, 'cdk.tf.json');
}

/** Creates, through the SDK, the shared configuration set and template and one identity per tenant name. */
export async function seedGeneratedResources(client: SESv2Client, names: readonly string[]): Promise<void> {
  await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: SHARED_CONFIGURATION_SET }));
  await client.send(new CreateEmailTemplateCommand({ TemplateName: SHARED_TEMPLATE, TemplateContent: { Subject: 'Hi {{name}}', Text: 'Hello' } }));
  for (let i = 0; i < names.length; i += 25) {
    await Promise.all(names.slice(i, i + 25).map((n) => client.send(new CreateEmailIdentityCommand({ EmailIdentity: identityOf(n) }))));
  }
}

/** Every live tenant of the apps' region and account, read back through the SDK, keyed by name. */
export async function readLiveTenants(client: SESv2Client): Promise<Record<string, LiveTenant>> {
  return { ...(await readLiveRegion(sesGateway(client), { partition: 'aws', region: APP_REGION, account: APP_ACCOUNT })).tenants };
}

/** TenantId of every live tenant, keyed by name. */
export function tenantIds(live: Readonly<Record<string, LiveTenant>>): Record<string, string> {
  return Object.fromEntries(Object.entries(live).map(([name, t]) => [name, t.id]));
}
