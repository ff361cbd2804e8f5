import * as fs from 'fs';
import * as path from 'path';
import { isAlreadyExists, type SesGateway } from '../aws/ses-gateway';
import type { DesiredStack } from '../engine/model';

/** What the stand-in created or found, per kind. */
export interface StandInResult {
  /** Resources created now. */
  readonly created: number;
  /** Resources that already existed. */
  readonly existing: number;
}

interface NativeLocals {
  ses_tenant_configuration_sets?: Record<string, unknown>;
  ses_tenant_identities?: Record<string, { configuration_set_name?: string | null }>;
  ses_tenant_templates?: Record<string, { subject?: string; html?: string | null; text?: string | null }>;
}

async function ensure(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/**
 * Creates in SES (the local emulator) what `terraform apply` would create through the AWS
 * provider, which cannot be downloaded here: the stack's native configuration sets, identities
 * and templates (read from its for_each locals), and the resources its tenants reference by ARN
 * (managed elsewhere in real life). A demo stand-in, not a Terraform replacement.
 */
export async function createNativeResources(stackDir: string, desired: DesiredStack, ses: SesGateway): Promise<StandInResult> {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as { locals?: NativeLocals };
  const locals = json.locals ?? {};
  const configSets = new Set(Object.keys(locals.ses_tenant_configuration_sets ?? {}));
  const identities = new Map(Object.entries(locals.ses_tenant_identities ?? {}).map(([k, v]) => [k, v.configuration_set_name ?? undefined]));
  const templates = new Map(Object.entries(locals.ses_tenant_templates ?? {}));
  for (const spec of Object.values(desired.tenants)) {
    for (const r of spec.resources) {
      if (r.type === 'configuration-set') configSets.add(r.name);
      else if (r.type === 'identity' && !identities.has(r.name)) identities.set(r.name, undefined);
      else if (r.type === 'template' && !templates.has(r.name)) templates.set(r.name, { subject: r.name, text: r.name });
    }
  }
  let created = 0;
  let existing = 0;
  const count = (made: boolean) => (made ? created++ : existing++);
  for (const name of [...configSets].sort()) {
    count(await ensure(() => ses.createConfigurationSet(name)));
  }
  for (const [name, configurationSet] of [...identities].sort()) {
    count(await ensure(() => ses.createEmailIdentity(name, configurationSet)));
  }
  for (const [name, t] of [...templates].sort()) {
    const content = { subject: t.subject ?? name, html: t.html ?? undefined, text: t.text ?? undefined };
    count(await ensure(() => ses.createEmailTemplate(name, content)));
  }
  return { created, existing };
}
