import * as fs from 'fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { readDesiredState } from '../../engine/synth-output';
import { evaluateSend, liveSendView, type SendRequest, type SendVerdict } from '../../runtime/send-check';
import { desiredSendView, stackNamed } from '../desired-send-view';
import { SesSession } from '../session';
import { resolveSynthDir } from '../synth-dir';
import { EXIT } from './common';

/** Options of `ses-tenants check-send`. */
export interface CheckSendOptions {
  /** Synth output (cdktf.out) or a cdktf project directory. */
  readonly app: string;
  /** Stack of the tenant. */
  readonly stack: string;
  /** Tenant the send goes through. */
  readonly tenant: string;
  /** FromEmailAddress. */
  readonly from: string;
  /** ConfigurationSetName of the send. */
  readonly configurationSet?: string;
  /** Template of the send. */
  readonly template?: string;
  /** Evaluate against the live account instead of the code. */
  readonly live?: boolean;
  /** SES v2 endpoint (with --live). */
  readonly endpoint?: string;
  /** Output format. */
  readonly format: 'text' | 'json';
}

/** The verdict for a terminal. */
export function renderVerdict(request: SendRequest, stack: string, v: SendVerdict): string {
  const source = v.source === 'live' ? 'the live account' : `the code of stack ${stack}`;
  const lines = v.accepted
    ? [`ACCEPTED: SES would accept a send from ${request.from} through tenant ${request.tenant} (checked against ${source}).`]
    : [`REFUSED: ${v.code}: ${v.message}`, `  checked against ${source}`, `  fix: ${v.fix}`];
  for (const note of v.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** `ses-tenants check-send`: would SES accept this send once the code is deployed (or now, with --live)? */
export function checkSendCommand(program: Command): Command {
  return program
    .command('check-send')
    .description('would SES accept a send through a tenant? checked against the code (or the account with --live); exit 0 accepted, 2 refused')
    .option('--app <dir>', 'synth output (cdktf.out) or a cdktf project to synthesize', '.')
    .requiredOption('--stack <name>', 'stack that declares the tenant')
    .requiredOption('--tenant <name>', 'tenant the send goes through')
    .requiredOption('--from <address>', 'FromEmailAddress of the send')
    .option('--configuration-set <name>', "ConfigurationSetName of the send (default: the identity's default)")
    .option('--template <name>', 'template of the send')
    .option('--live', 'check against the live account instead of the code')
    .option('--endpoint <url>', 'SES v2 endpoint, such as a local emulator (default: AWS_ENDPOINT_URL_SESV2, then AWS)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: CheckSendOptions) => {
      const stack = stackNamed(readDesiredState(resolveSynthDir(opts.app), { stacks: [opts.stack] }), opts.stack);
      const request: SendRequest = {
        tenant: opts.tenant,
        from: opts.from,
        ...(opts.configurationSet ? { configurationSet: opts.configurationSet } : {}),
        ...(opts.template ? { template: opts.template } : {}),
      };
      let verdict: SendVerdict;
      if (opts.live) {
        const session = new SesSession(opts);
        try {
          await session.assertAccounts([stack.target]);
          verdict = evaluateSend(request, await liveSendView(session.gatewayFor(stack.target), stack, request));
        } finally {
          session.close();
        }
      } else {
        verdict = evaluateSend(request, desiredSendView(stack, request));
      }
      fs.writeSync(1, opts.format === 'json' ? `${JSON.stringify({ request, stack: opts.stack, ...verdict }, null, 2)}\n` : renderVerdict(request, opts.stack, verdict));
      process.exitCode = verdict.accepted ? EXIT.ok : EXIT.changes;
    });
}
