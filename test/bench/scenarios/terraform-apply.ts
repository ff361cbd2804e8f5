import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, SesTenant, TenantStack } from '../../../src/constructs';
import { sesResourceArn } from '../../../src/tenant-spec/arn';
import { REPUTATION_POLICIES } from '../../../src/tenant-spec/tenant-spec';
import { TerraformWorkspace, runTerraform } from '../../support/terraform';
import { BENCH_CREDENTIALS, acceptedCalls, benchClient, createSendingResources, startEmulatorProcess } from '../support/emulator-process';
import { FLEET_TARGET, SHARED_CONFIGURATION_SET, fleetIdentity, fleetTenantName } from '../support/fleet';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// Scenario 5: `terraform apply` of a hooks-only stack (identities and the configuration set by
// ARN) of N tenants with 2 associations each, with the real terraform against the emulator.
// Floor: `terraform apply` of as many terraform_data instances (N tenant + N settings + 2N
// association hooks) whose local-exec provisioner runs `true`. Init is not measured. For the
// profile, the same hooks stack is applied once more with every provisioner running `true`
// instead of node: what Terraform itself costs for these blocks, apart from the hook processes.

function hooksOnlyStack(outdir: string, n: number): string {
  const app = new App({ outdir });
  const stack = new TenantStack(app, FLEET_TARGET.stack, { owner: FLEET_TARGET.owner, region: FLEET_TARGET.region, accountId: FLEET_TARGET.account, backend: 'hooks' });
  const shared = ConfigurationSet.fromArn(sesResourceArn(FLEET_TARGET, 'configuration-set', SHARED_CONFIGURATION_SET));
  for (let i = 0; i < n; i++) {
    const name = fleetTenantName(i);
    new SesTenant(stack, name, {
      tenantName: name,
      emailIdentities: [EmailIdentity.fromArn(sesResourceArn(FLEET_TARGET, 'identity', fleetIdentity(i)))],
      configurationSets: [shared],
      reputationPolicy: REPUTATION_POLICIES[i % REPUTATION_POLICIES.length],
      tags: { team: `team-${i % 37}`, 'cost-center': `cc-${i % 101}`, plan: i % 3 === 0 ? 'enterprise' : 'standard' },
    });
  }
  app.synth();
  return path.join(outdir, 'stacks', FLEET_TARGET.stack);
}

/** The synthesized stack with every hook provisioner running `true` (the interpreter) instead of node. */
function withoutHookProcesses(dir: string): void {
  const file = path.join(dir, 'cdk.tf.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource: { terraform_data: Record<string, { provisioner: { 'local-exec': { interpreter: string[] } }[] }> } };
  for (const block of Object.values(config.resource.terraform_data)) for (const p of block.provisioner) p['local-exec'].interpreter = ['true'];
  fs.writeFileSync(file, JSON.stringify(config));
}

function floorConfig(dir: string, instances: number): void {
  const config = {
    terraform: { backend: { local: { path: 'terraform.tfstate' } } },
    resource: { terraform_data: { floor: { count: instances, provisioner: [{ 'local-exec': { command: 'true' } }] } } },
  };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
}

runScenario(async () => {
  const n = argN(200);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-terraform-'));
  const emulator = await startEmulatorProcess();
  try {
    const client = benchClient(emulator.url, FLEET_TARGET.region);
    await createSendingResources(client, Array.from({ length: n }, (_, i) => fleetIdentity(i)), [SHARED_CONFIGURATION_SET]);
    client.destroy();
    const env = {
      AWS_ENDPOINT_URL_SESV2: emulator.url,
      AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
    };
    const ws = new TerraformWorkspace({ env }).load(hooksOnlyStack(path.join(root, 'synth'), n));
    ws.init();
    const instances = 4 * n;
    const floorDir = path.join(root, 'floor');
    fs.mkdirSync(floorDir);
    floorConfig(floorDir, instances);
    runTerraform(floorDir, ['init', '-input=false', '-no-color']);

    const floorStart = performance.now();
    runTerraform(floorDir, ['apply', '-auto-approve', '-input=false', '-no-color']);
    const floorS = secondsSince(floorStart);

    await emulator.admin.resetStats();
    const start = performance.now();
    ws.apply();
    const wallS = secondsSince(start);
    const stats = await emulator.admin.stats();
    const applied = ws.stateList().length;
    ws.dispose();

    const bare = new TerraformWorkspace().load(path.join(root, 'synth', 'stacks', FLEET_TARGET.stack));
    withoutHookProcesses(bare.dir);
    bare.init();
    const bareStart = performance.now();
    bare.apply();
    const terraformOnlyS = secondsSince(bareStart);
    bare.dispose();
    return {
      scenario: 'terraform-apply',
      n,
      apiCalls: acceptedCalls(stats),
      throttled: stats.throttled,
      wallS,
      peakMb: peakMb(),
      extra: { floorS, terraformOnlyS, instances, applied, operations: JSON.stringify(stats.operations) },
    };
  } finally {
    await emulator.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
