import * as fs from 'fs';
import type { Command } from 'commander';
import { driftOnly } from '../../engine/model';
import { pausedBySesNote } from '../../render/describe';
import { planFromApp } from '../planning';
import { SesSession } from '../session';
import { useColour } from '../terminal';
import { addSesOptions, EXIT } from './common';
import { addOutputOptions, renderPlan, type PlanCommandOptions } from './plan';

/** `ses-tenants drift`: what changed in the live account outside the code since it was last applied. */
export function driftCommand(program: Command): Command {
  const cmd = program
    .command('drift')
    .description('show tenants changed outside the code since their last apply; exit 2 when any');
  addSesOptions(cmd);
  addOutputOptions(cmd);
  return cmd.action(async (opts: PlanCommandOptions) => {
    const session = new SesSession(opts);
    try {
      const { plan } = await planFromApp(opts, session);
      const drift = driftOnly(plan);
      if (drift.summary.drifted === 0 && opts.format === 'text') {
        const paused = drift.stacks.flatMap((s) => {
          const note = pausedBySesNote(s);
          return note === undefined ? [] : [`Stack ${s.target.stack}: ${note}\n`];
        });
        fs.writeSync(1, `No drift. Every managed tenant matches the spec last applied to it.\n${paused.join('')}`);
      } else {
        fs.writeSync(1, renderPlan(drift, opts.format, opts.color !== false && useColour(), 'SES tenants drift'));
      }
      process.exitCode = drift.summary.drifted > 0 ? EXIT.changes : EXIT.ok;
    } finally {
      session.close();
    }
  });
}
