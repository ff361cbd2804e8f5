import * as fs from 'fs';
import { Option, type Command } from 'commander';
import { readLiveRegion } from '../../engine/live';
import { arnLocationOf } from '../../tenant-spec/arn';
import { generateImportedStack } from '../import-codegen';
import { terraformImportBlocksJson } from '../import-blocks';
import { progress } from '../progress';
import { detectProjectCore, type ProjectCore } from '../project-core';
import { SesSession } from '../session';
import { positiveInt, positiveNumber } from './common';

/** Options of `ses-tenants import`. */
interface ImportCommandOptions {
  readonly region: string;
  readonly account?: string;
  readonly partition: string;
  readonly stack?: string;
  readonly out?: string;
  readonly importFrom?: string;
  readonly core?: ProjectCore;
  readonly endpoint?: string;
  readonly concurrency: number;
  readonly maxRps?: number;
  readonly terraformImportBlocks?: string;
}

/** `ses-tenants import --region R`: writes a TypeScript stack declaring every live tenant of the region. */
export function importCommand(program: Command): Command {
  return program
    .command('import')
    .description('write a TypeScript TenantStack that declares every live tenant of a region')
    .requiredOption('--region <region>', 'AWS region to read')
    .option('--account <id>', 'AWS account ID (default: read from the tenants\' ARNs)')
    .option('--partition <partition>', 'AWS partition', 'aws')
    .option('--stack <name>', 'put every tenant in one stack of this name, each with adopt: true (default: one stack per owner/stack marker found; unmarked tenants in ses-tenants-REGION with adopt: true)')
    .option('--out <file>', 'write the stack to FILE instead of stdout')
    .addOption(new Option('--core <core>', 'the CDK core the generated code imports (default: cdktn when the package.json of the working directory depends on cdktn and not on cdktf, else cdktf)').choices(['cdktf', 'cdktn']))
    .option('--import-from <module>', 'module to import the constructs from (default: cdktf-ses-tenants, or cdktf-ses-tenants/cdktn for cdktn)')
    .option('--endpoint <url>', 'SES v2 endpoint, such as a local emulator')
    .option('--concurrency <n>', 'SES requests in flight at once', positiveInt, 16)
    .option('--max-rps <n>', 'most SES requests per second', positiveNumber)
    .option('--terraform-import-blocks <file>', 'also write Terraform import blocks (JSON, such as import.tf.json) that adopt the tenants into a provider-backend stack\'s state')
    .action(async (opts: ImportCommandOptions) => {
      const session = new SesSession(opts);
      try {
        const ses = session.gatewayFor({ region: opts.region });
        let account = opts.account;
        if (!account) {
          const first = await ses.listTenantsPage(undefined, 1);
          account = arnLocationOf(first.items[0]?.TenantArn ?? '')?.account;
          if (!account) throw new Error(`no tenant in ${opts.region} to read the account from; pass --account`);
        }
        const bar = progress(`reading ${opts.region}`);
        const live = await readLiveRegion(ses, { partition: opts.partition, region: opts.region, account }, {
          concurrency: opts.concurrency,
          onProgress: (done: number, total: number) => bar.update(done, total),
        });
        bar.stop();
        const source = generateImportedStack(live, { stackName: opts.stack, core: opts.core ?? detectProjectCore(process.cwd()), importFrom: opts.importFrom });
        if (opts.out) {
          fs.writeFileSync(opts.out, source);
          process.stderr.write(`Wrote ${Object.keys(live.tenants).length} tenants to ${opts.out}\n`);
        } else {
          fs.writeSync(1, source);
        }
        if (opts.terraformImportBlocks) {
          fs.writeFileSync(opts.terraformImportBlocks, terraformImportBlocksJson(live));
          process.stderr.write(`Wrote the import blocks of ${Object.keys(live.tenants).length} tenants to ${opts.terraformImportBlocks}\n`);
        }
      } finally {
        session.close();
      }
    });
}
