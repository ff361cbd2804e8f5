import * as fs from 'fs';
import type { Command } from 'commander';
import { applyPlan, refusedAdoptError, type ApplyEvent, type ApplyResult } from '../../engine/apply';
import { readDesiredState } from '../../engine/synth-output';
import { DeleteNotAllowedError, StalePlanError } from '../../engine/errors';
import { checkPlanFresh, describeStalePlan } from '../../engine/fresh';
import { planIsEmpty, type DesiredStack, type Plan } from '../../engine/model';
import { readPlanFile } from '../../engine/plan-file';
import { renderText } from '../../render/text';
import { confirm } from '../confirm';
import { planFromApp, type PlanningOptions } from '../planning';
import { progress } from '../progress';
import { SesSession } from '../session';
import { resolveSynthDir } from '../synth-dir';
import { palette, useColour } from '../terminal';
import { addSesOptions, EXIT } from './common';

/** Options of `ses-tenants apply`. */
export interface ApplyCommandOptions extends PlanningOptions {
  /** Carry out deletes of managed tenants that the plan contains. */
  readonly allowDelete?: boolean;
  /** Apply without asking. */
  readonly autoApprove?: boolean;
  /** Colour (commander's --no-color sets false). */
  readonly color?: boolean;
}

/** Names every stack of a saved plan whose region, account or partition differ from the app's. */
function checkPlanMatchesApp(plan: Plan, desired: readonly DesiredStack[]): void {
  const byName = new Map(desired.map((d) => [d.target.stack, d.target]));
  for (const s of plan.stacks) {
    const now = byName.get(s.target.stack);
    if (!now) continue;
    for (const field of ['region', 'account', 'partition'] as const) {
      if (now[field] !== s.target[field]) {
        throw new StalePlanError(
          `the plan was made for stack ${s.target.stack} in ${s.target.partition}/${s.target.region}/${s.target.account}, ` +
            `but the app now puts it in ${now.partition}/${now.region}/${now.account}. Nothing was applied; run plan again`,
        );
      }
    }
  }
}

/** The plan a saved plan file holds, after checking it against the app and the live state. */
async function loadSavedPlan(file: string, opts: ApplyCommandOptions, session: SesSession): Promise<Plan> {
  const plan = readPlanFile(file);
  let appStacks: DesiredStack[] = [];
  try {
    appStacks = readDesiredState(resolveSynthDir(opts.app, { synth: false }));
  } catch {
    // No synthesized app next to the plan file: the plan's own targets are all there is to check.
  }
  checkPlanMatchesApp(plan, appStacks);
  const live = await session.readLive(plan.stacks.map((s) => ({ target: s.target, tenants: {} })));
  const moved = checkPlanFresh(plan, live);
  if (moved.length > 0) throw new StalePlanError(describeStalePlan(moved));
  return plan;
}

function summarise(result: ApplyResult, colour: boolean): string {
  const c = palette(colour);
  const lines = [
    `Apply complete: ${result.counts.created} created, ${result.counts.updated} updated, ${result.counts.released} released, ${result.counts.deleted} deleted, ${result.failures.length} failed.`,
  ];
  for (const f of result.failures) {
    lines.push(c.red(`  ✗ ${f.stack} ${f.tenant}: ${f.action} failed: ${f.error.name}${f.error.httpStatus ? ` (${f.error.httpStatus})` : ''}: ${f.error.message}`));
  }
  return `${result.failures.length > 0 ? c.red(lines[0]) : c.green(lines[0])}\n${lines.slice(1).join('\n')}${lines.length > 1 ? '\n' : ''}`;
}

/** `ses-tenants apply [PLANFILE]`: carries out a plan, safely ordered, retried, resumable. */
export function applyCommand(program: Command): Command {
  const cmd = program
    .command('apply')
    .argument('[planfile]', 'a plan saved by "plan --out"; refused if the live state moved since')
    .description('apply the synthesized stacks (or a saved plan) to SES');
  addSesOptions(cmd)
    .option('--allow-delete', 'allow deleting managed tenants the stacks no longer declare')
    .option('--auto-approve', 'do not ask for confirmation')
    .option('--no-color', 'no colours, even on a terminal');
  return cmd.action(async (planfile: string | undefined, opts: ApplyCommandOptions) => {
    // What is reviewed is what is applied: a saved plan is applied whole or not at all.
    if (planfile && opts.stack && opts.stack.length > 0) {
      throw new Error(`--stack cannot narrow a saved plan (${planfile} is applied whole); run plan --stack ${opts.stack.join(' --stack ')} --out FILE and apply that plan`);
    }
    const colour = opts.color !== false && useColour();
    const session = new SesSession(opts);
    try {
      const plan = planfile ? await loadSavedPlan(planfile, opts, session) : (await planFromApp(opts, session)).plan;
      if (planIsEmpty(plan)) {
        fs.writeSync(1, 'No changes. SES tenants match the configuration.\n');
        process.exitCode = EXIT.ok;
        return;
      }
      if (!planfile) fs.writeSync(1, renderText(plan, { colour }));
      const refused = plan.stacks.flatMap((s) => s.refused.map((r) => ({ stack: s.target, r })));
      if (refused.length > 0) throw refusedAdoptError(refused);
      if (plan.summary.delete > 0 && !opts.allowDelete) {
        throw new DeleteNotAllowedError(plan.stacks.flatMap((s) => s.changes.filter((c) => c.action === 'delete').map((c) => `${s.target.stack}/${c.tenant}`)));
      }
      if (!opts.autoApprove && !planfile) {
        if (!process.stdin.isTTY) throw new Error('apply needs confirmation: run it on a terminal, or pass --auto-approve (or a reviewed plan file)');
        if (!(await confirm('Do you want to apply these changes to SES?'))) {
          fs.writeSync(2, 'Apply cancelled.\n');
          process.exitCode = EXIT.error;
          return;
        }
      }
      const bar = progress('applying');
      const total = plan.summary.create + plan.summary.update + plan.summary.release + plan.summary.delete;
      let done = 0;
      const result = await applyPlan(plan, session.gatewayFor, {
        concurrency: opts.concurrency,
        allowDelete: opts.allowDelete,
        onEvent: (e: ApplyEvent) => {
          if (e.type === 'tenant-done') bar.update(++done, total);
        },
      });
      bar.stop();
      fs.writeSync(1, summarise(result, colour));
      process.exitCode = result.failures.length > 0 ? EXIT.error : EXIT.ok;
    } finally {
      session.close();
    }
  });
}
