import * as fs from 'fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { planIsEmpty, type Plan } from '../../engine/model';
import { writePlanFile } from '../../engine/plan-file';
import { renderJson } from '../../render/json';
import { renderMarkdown } from '../../render/markdown';
import { renderText } from '../../render/text';
import { planFromApp, type PlanningOptions } from '../planning';
import { SesSession } from '../session';
import { useColour } from '../terminal';
import { addSesOptions, EXIT } from './common';

/** Output formats of `plan` and `drift`. */
export type PlanFormat = 'text' | 'markdown' | 'json';

/** Options of `ses-tenants plan`. */
export interface PlanCommandOptions extends PlanningOptions {
  /** Output format. */
  readonly format: PlanFormat;
  /** Also save the plan (JSON) here, for `apply PLANFILE`. */
  readonly out?: string;
  /** Exit 2 when the plan has changes. */
  readonly detailedExitcode?: boolean;
  /** Colour (commander's --no-color sets false). */
  readonly color?: boolean;
}

/** Renders a plan in the chosen format. */
export function renderPlan(plan: Plan, format: PlanFormat, colour: boolean, title?: string): string {
  if (format === 'json') return renderJson(plan);
  if (format === 'markdown') return renderMarkdown(plan, title ? { title } : {});
  return renderText(plan, { colour });
}

/** Adds `--format`, `--detailed-exitcode` and `--no-color`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .option('--no-color', 'no colours, even on a terminal');
}

/**
 * The exit code of a plan: 1 when it refuses an adoption (apply would refuse it, so the plan fails
 * in CI as `terraform plan` does), else 0, or 2 with `--detailed-exitcode` when it has changes.
 */
export function planExitCode(plan: Plan, detailed: boolean): number {
  if (plan.summary.refused > 0) return EXIT.error;
  return detailed && !planIsEmpty(plan) ? EXIT.changes : EXIT.ok;
}

/** `ses-tenants plan`: what applying the synthesized stacks would change, per region and tenant. */
export function planCommand(program: Command): Command {
  const cmd = program
    .command('plan')
    .description('show what would change in SES for the synthesized stacks (nothing is written)');
  addSesOptions(cmd);
  addOutputOptions(cmd).option('--out <file>', 'save the plan to FILE for "apply FILE"');
  return cmd.action(async (opts: PlanCommandOptions) => {
    const session = new SesSession(opts);
    try {
      const { plan } = await planFromApp(opts, session);
      if (opts.out) writePlanFile(opts.out, plan);
      fs.writeSync(1, renderPlan(plan, opts.format, opts.color !== false && useColour()));
      if (opts.out) process.stderr.write(`Saved the plan to ${opts.out}. Apply exactly this plan with: ses-tenants apply ${opts.out}\n`);
      process.exitCode = planExitCode(plan, opts.detailedExitcode === true);
    } finally {
      session.close();
    }
  });
}
