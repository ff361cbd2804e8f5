import * as fs from 'fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { whoAmI } from '../../aws/account-guard';
import { readDesiredState } from '../../engine/synth-output';
import { readRegionStatus, readStacksStatus, statusReport, type StatusReport } from '../../engine/status';
import { renderStatusJson } from '../../render/status-json';
import { renderStatusMarkdown } from '../../render/status-markdown';
import { renderStatusText } from '../../render/status-text';
import { SesSession, type SesOptions } from '../session';
import { resolveSynthDir } from '../synth-dir';
import { useColour } from '../terminal';
import { addSesOptions, EXIT } from './common';

/** Options of `ses-tenants status`. */
export interface StatusCommandOptions extends SesOptions {
  /** Synth output (cdktf.out) or a cdktf project directory. */
  readonly app: string;
  /** Only these stacks. */
  readonly stack?: string[];
  /** Every tenant of this region instead of the app's (managed or not). */
  readonly region?: string;
  /** Output format. */
  readonly format: 'text' | 'markdown' | 'json';
  /** Exit 2 when SES paused any tenant. */
  readonly detailedExitcode?: boolean;
  /** Read owner tags (commander's --no-owners sets false). */
  readonly owners?: boolean;
  /** Colour (commander's --no-color sets false). */
  readonly color?: boolean;
}

async function readReport(opts: StatusCommandOptions, session: SesSession): Promise<StatusReport> {
  const read = { owners: opts.owners !== false, concurrency: opts.concurrency };
  if (opts.region !== undefined) {
    const gateway = session.gatewayFor({ region: opts.region });
    const me = await whoAmI(gateway.client, opts.region, { sesEndpoint: opts.endpoint });
    return statusReport(await readRegionStatus(gateway, { partition: me.partition, region: opts.region, account: me.account }, read));
  }
  const desired = readDesiredState(resolveSynthDir(opts.app), { stacks: opts.stack && opts.stack.length > 0 ? opts.stack : undefined });
  await session.assertAccounts(desired.map((d) => d.target));
  return readStacksStatus(desired, session.gatewayFor, read);
}

/** `ses-tenants status`: the sending status of every tenant of the app (or of a region), worst first. */
export function statusCommand(program: Command): Command {
  const cmd = program
    .command('status')
    .description("sending status of every tenant of the app's stacks (or of a whole region), worst first; nothing is written");
  addSesOptions(cmd)
    .option('--region <region>', 'every tenant of this region and account, managed or not, instead of the app')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when SES paused no tenant, 2 when it paused any, 1 on error')
    .option('--no-owners', 'skip the owner tag (one ListTagsForResource per tenant): list pages only')
    .option('--no-color', 'no colours, even on a terminal');
  return cmd.action(async (opts: StatusCommandOptions) => {
    const session = new SesSession(opts);
    try {
      const report = await readReport(opts, session);
      const out =
        opts.format === 'json'
          ? renderStatusJson(report)
          : opts.format === 'markdown'
            ? renderStatusMarkdown(report)
            : renderStatusText(report, { colour: opts.color !== false && useColour() });
      fs.writeSync(1, out);
      process.exitCode = opts.detailedExitcode && report.summary.pausedBySes > 0 ? EXIT.changes : EXIT.ok;
    } finally {
      session.close();
    }
  });
}
