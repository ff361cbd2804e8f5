import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, type TerraformResource } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SesTemplate } from '@cdktf/provider-aws/lib/ses-template';
import { Sesv2ConfigurationSet } from '@cdktf/provider-aws/lib/sesv2-configuration-set';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { TerraformData } from '../../../src/constructs/private/terraform-data';
import { REPUTATION_POLICIES } from '../../../src/tenant-spec/tenant-spec';
import { SYNTH_BENCH_TARGET } from '../synth-app';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// Synth floor (a): the same Terraform resources as the synth benchmark app, declared with raw
// cdktf, one construct per resource in a plain loop (provider-aws classes for identities, the
// configuration set and templates; TerraformResource-based terraform_data for every hook instance).

const HOOK = 'assets/ses-tenants-hook/hook.js';

function hookProvisioner(action: string, when?: 'destroy') {
  return {
    type: 'local-exec' as const,
    command: HOOK,
    interpreter: ['node'],
    environment: { SES_TENANTS_HOOK_ACTION: action, SES_TENANTS_HOOK_INPUT: '${jsonencode(self.input)}' },
    ...(when ? { when } : {}),
  };
}

runScenario(() => {
  const n = argN(10_000);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, SYNTH_BENCH_TARGET.stack);
    new AwsProvider(stack, 'aws', { region: SYNTH_BENCH_TARGET.region, allowedAccountIds: [SYNTH_BENCH_TARGET.accountId] });
    const target = { stack: SYNTH_BENCH_TARGET.stack, region: SYNTH_BENCH_TARGET.region, account: SYNTH_BENCH_TARGET.accountId };
    const shared = new Sesv2ConfigurationSet(stack, 'shared', { configurationSetName: 'shared-transactional' });
    for (let i = 0; i < n; i++) {
      const name = `tenant-${String(i).padStart(5, '0')}`;
      const identity = new Sesv2EmailIdentity(stack, `${name}-identity`, { emailIdentity: `${name}.example.com`, configurationSetName: shared.configurationSetName });
      const natives: TerraformResource[] = [identity, shared];
      const resources = [
        { type: 'configuration-set', name: 'shared-transactional', arn: shared.arn },
        { type: 'identity', name: `${name}.example.com`, arn: identity.arn },
      ];
      if (i % 10 === 0) {
        const template = new SesTemplate(stack, `${name}-template`, { name: `${name}-welcome`, subject: `Welcome to ${name}, {{user}}`, text: 'Hello {{user}}' });
        natives.push(template);
        resources.push({ type: 'template', name: `${name}-welcome`, arn: template.arn });
      }
      const spec = {
        name,
        reputationPolicy: REPUTATION_POLICIES[i % REPUTATION_POLICIES.length],
        resources,
        sendingStatus: 'enabled',
        suppression: null,
        tags: { 'cost-center': `cc-${i % 101}`, plan: i % 3 === 0 ? 'enterprise' : 'standard', team: `team-${i % 37}` },
      };
      const tenant = new TerraformData(stack, `${name}-tenant`, {
        input: { target, tenant: spec },
        triggersReplace: { name, ...target },
        provisioners: [hookProvisioner('tenant-create'), hookProvisioner('tenant-delete', 'destroy')],
      });
      new TerraformData(stack, `${name}-settings`, {
        input: { target, tenant: spec },
        triggersReplace: { name, reputationPolicy: spec.reputationPolicy, sendingStatus: spec.sendingStatus, suppression: null, tags: spec.tags },
        dependsOn: [tenant],
        provisioners: [hookProvisioner('settings-apply')],
      });
      for (const resource of resources) {
        new TerraformData(stack, `${name}-${resource.type}-${resource.name}`, {
          input: { target, tenant: name, resource },
          triggersReplace: { tenant: name, ...resource, tenantInstance: tenant.getStringAttribute('id') },
          dependsOn: [tenant, ...natives],
          provisioners: [hookProvisioner('association-create'), hookProvisioner('association-delete', 'destroy')],
        });
      }
    }
    app.synth();
    const wallS = secondsSince(start);
    const jsonBytes = fs.statSync(path.join(outdir, 'stacks', SYNTH_BENCH_TARGET.stack, 'cdk.tf.json')).size;
    return { scenario: 'synth-raw-floor', n, wallS, peakMb: peakMb(), extra: { jsonBytes } };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
