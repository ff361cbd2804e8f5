import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import type { SesGateway } from '../../aws/ses-gateway';
import { startEmulator } from '../../emulator';
import { applyPlan } from '../../engine/apply';
import type { DesiredStack } from '../../engine/model';
import { readSynthOutput } from '../../engine/synth-output';
import { planIsEmpty } from '../../engine/model';
import type { TenantSpec } from '../../tenant-spec/tenant-spec';
import { renderText } from '../../render/text';
import { createNativeResources } from '../native-stand-in';
import { planFromApp } from '../planning';
import { SesSession } from '../session';
import { resolveSynthDir } from '../synth-dir';
import { palette, useColour } from '../terminal';
import { EXIT } from './common';

/** How to run the demo again: `npm start` in this project's own repository, where that script runs it; the CLI command elsewhere. */
export function rerunCommand(appDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(path.resolve(appDir), 'package.json'), 'utf8')) as { name?: unknown };
    if (pkg.name === 'cdktf-ses-tenants') return '"npm start"';
  } catch {
    // No package.json there: not this repository.
  }
  return '"npx ses-tenants demo"';
}

interface DemoOptions {
  readonly app: string;
  readonly stateDir: string;
}

const say = (line = ''): void => {
  fs.writeSync(1, `${line}\n`);
};

function sender(spec: TenantSpec): { from: string; configurationSet: string } | undefined {
  const identity = spec.resources.find((r) => r.type === 'identity');
  const configurationSet = spec.resources.find((r) => r.type === 'configuration-set');
  if (!identity || !configurationSet) return undefined;
  return { from: identity.name.includes('@') ? identity.name : `hello@${identity.name}`, configurationSet: configurationSet.name };
}

async function trySend(ses: SesGateway, tenant: string, from: string, configurationSet: string): Promise<string> {
  try {
    const messageId = await ses.sendEmail({
      from,
      to: ['customer@example.net'],
      tenant,
      configurationSet,
      subject: 'Hello',
      text: 'Sent by the cdktf-ses-tenants demo.',
    });
    return `accepted, MessageId ${messageId}`;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return `refused: ${e.name} (${e.$metadata?.httpStatusCode ?? '?'}): ${e.message}`;
  }
}

/** Shows the tenant gate: a send SES allows, one from an identity the tenant does not have, one through a paused tenant. */
async function showTenantGate(stack: DesiredStack, ses: SesGateway, colour: boolean): Promise<void> {
  const c = palette(colour);
  const tenants = Object.values(stack.tenants);
  const enabled = tenants.filter((t) => t.sendingStatus === 'enabled' && sender(t));
  const paused = tenants.find((t) => t.sendingStatus === 'disabled' && sender(t));
  say(c.bold(`Sending as tenants of ${stack.target.stack} (${stack.target.region}):`));
  if (enabled.length > 0) {
    const a = enabled[0];
    const s = sender(a)!;
    say(`  ${a.name} from ${s.from} via ${s.configurationSet}: ${c.green(await trySend(ses, a.name, s.from, s.configurationSet))}`);
    const b = enabled.find((t) => t.name !== a.name && !t.resources.some((r) => r.type === 'identity' && s.from.endsWith(r.name)));
    if (b) {
      const own = sender(b)!;
      say(`  ${b.name} from ${s.from} (${a.name}'s identity) via ${own.configurationSet}: ${c.red(await trySend(ses, b.name, s.from, own.configurationSet))}`);
    }
  }
  if (paused) {
    const s = sender(paused)!;
    say(`  ${paused.name} (paused in code) from ${s.from}: ${c.red(await trySend(ses, paused.name, s.from, s.configurationSet))}`);
  }
}

/** `ses-tenants demo`: the whole job on the embedded emulator (what `npm start` runs). */
export function demoCommand(program: Command): Command {
  return program
    .command('demo')
    .description('synthesize the app and plan, apply and re-plan it against the embedded SES v2 emulator')
    .option('--app <dir>', 'cdktf project to synthesize', '.')
    .option('--state-dir <dir>', 'where the emulator keeps its state between runs', '.ses-tenants')
    .action(async (opts: DemoOptions) => {
      const colour = useColour();
      const c = palette(colour);
      fs.mkdirSync(opts.stateDir, { recursive: true });
      const stateFile = path.join(opts.stateDir, 'emulator-state.json');
      const emulator = await startEmulator({ stateFile });
      say(c.bold(`Local SES v2 emulator (embedded, no AWS account): ${emulator.url}, state in ${stateFile}`));
      // The emulator accepts any credentials; these keep the SDK from looking for real ones.
      const session = new SesSession({
        endpoint: emulator.url,
        credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
      });
      try {
        say('\n1. Synthesize the stacks (cdktf synth)');
        // Where the project's cdktf.json puts its synth output (cdktf.out unless it says otherwise).
        const outDir = resolveSynthDir(opts.app);
        const first = await planFromApp({ app: outDir, quiet: true }, session);
        say(`   ${first.desired.length} stack${first.desired.length === 1 ? '' : 's'}: ${first.desired.map((d) => `${d.target.stack} (${Object.keys(d.tenants).length} tenants)`).join(', ')}`);

        say('\n2. Create the native identities, configuration sets and templates');
        say(c.dim('   (stand-in for the AWS provider, which cannot be downloaded here; real deployments use cdktf deploy)'));
        for (const stack of readSynthOutput(outDir)) {
          const r = await createNativeResources(stack, session.gatewayFor(stack.target));
          say(`   ${stack.target.stack}: ${r.created} created, ${r.existing} already there`);
        }

        say('\n3. Plan');
        const { plan } = await planFromApp({ app: outDir, quiet: true }, session);
        fs.writeSync(1, renderText(plan, { colour }));

        if (!planIsEmpty(plan)) {
          say('\n4. Apply');
          const result = await applyPlan(plan, session.gatewayFor, { concurrency: 16, allowDelete: false });
          say(`   ${result.counts.created} created, ${result.counts.updated} updated, ${result.counts.released} released, ${result.counts.deleted} deleted, ${result.failures.length} failed`);
          for (const f of result.failures) say(c.red(`   ✗ ${f.stack} ${f.tenant}: ${f.action}: ${f.error.name}: ${f.error.message}`));
          if (result.failures.length > 0) process.exitCode = EXIT.error;
        } else {
          say('\n4. Apply: nothing to do (the state persisted from an earlier run)');
        }

        say('\n5. Plan again');
        const again = await planFromApp({ app: outDir, quiet: true }, session);
        fs.writeSync(1, renderText(again.plan, { colour }));
        if (!planIsEmpty(again.plan)) process.exitCode = EXIT.error;

        say('\n6. The tenant gate');
        for (const d of first.desired) await showTenantGate(d, session.gatewayFor(d.target), colour);
        say(`\nDone. Run ${rerunCommand(opts.app)} again: the emulator state in ${stateFile} persists, so the plan shows no changes.`);
      } finally {
        session.close();
        await emulator.stop();
      }
    });
}
