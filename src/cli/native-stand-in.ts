import { isAlreadyExists, type SesGateway } from '../aws/ses-gateway';
import type { SynthStack } from '../engine/synth-output';

/** What the stand-in created or found, per kind. */
export interface StandInResult {
  /** Resources created now. */
  readonly created: number;
  /** Resources that already existed. */
  readonly existing: number;
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
 * and templates (its for_each locals, as the synth-output reader read them), and the resources its tenants reference by ARN
 * (managed elsewhere in real life). A demo stand-in, not a Terraform replacement.
 */
export async function createNativeResources(stack: SynthStack, ses: SesGateway): Promise<StandInResult> {
  const configSets = new Set(stack.native.configurationSets);
  const identities = new Map(Object.entries(stack.native.identities));
  const templates = new Map<string, { subject?: string; html?: string; text?: string }>(Object.entries(stack.native.templates));
  for (const spec of Object.values(stack.tenants)) {
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
    const content = { subject: t.subject ?? name, html: t.html, text: t.text };
    count(await ensure(() => ses.createEmailTemplate(name, content)));
  }
  return { created, existing };
}
