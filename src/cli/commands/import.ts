import * as fs from 'fs';
import { Option, type Command } from 'commander';
import { readLiveRegion } from '../../engine/live';
import { arnLocationOf } from '../../tenant-spec/arn';
import { describeOwner, parseOwnerMarker } from '../../tenant-spec/ownership';
import { generateImportedStack, importedStacks } from '../import-codegen';
import { terraformImportBlocksJson } from '../import-blocks';
import { progress } from '../progress';
import { detectProjectCore, type ProjectCore } from '../project-core';
import { SesSession } from '../session';
import { collect, positiveInt, positiveNumber } from './common';

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
  readonly owner?: string[];
  readonly unmarked?: boolean;
  readonly adoptOwner?: string[];
}


/** `ses-tenants import --region R`: writes a TypeScript stack declaring every live tenant of the region. */
export function importCommand(program: Command): Command {
  return program
    .command('import')
    .description('write a TypeScript TenantStack that declares every live tenant of a region')
    .requiredOption('--region <region>', 'AWS region to read')
    .option('--account <id>', 'AWS account ID (default: read from the tenants\' ARNs)')
    .option('--partition <partition>', 'AWS partition', 'aws')
    .option('--stack <name>', 'put every selected tenant in one stack of this name; adopt: true only on unmarked tenants and those of an --adopt-owner, the others are left out (default: one stack per owner/stack marker found; unmarked tenants in ses-tenants-REGION with adopt: true)')
    .option('--owner <owner>', 'only the tenants this owner (app) marks (repeatable; add --unmarked for the unmarked ones too)', collect)
    .option('--unmarked', 'the tenants no app marks (alone, or beside --owner)')
    .option('--adopt-owner <owner>', 'with --stack: take over the tenants of this owner too (adopt: true; repeatable)', collect)
    .option('--out <file>', 'write the stack to FILE instead of stdout')
    .addOption(new Option('--core <core>', 'the CDK core the generated code imports (default: cdktn when the package.json of the working directory depends on cdktn and not on cdktf, else cdktf)').choices(['cdktf', 'cdktn']))
    .option('--import-from <module>', 'module to import the constructs from (default: cdktf-ses-tenants, or cdktf-ses-tenants/cdktn for cdktn)')
    .option('--endpoint <url>', 'SES v2 endpoint, such as a local emulator')
    .option('--concurrency <n>', 'SES requests in flight at once', positiveInt, 16)
    .option('--max-rps <n>', 'most SES requests per second', positiveNumber)
    .option('--terraform-import-blocks <file>', 'also write Terraform import blocks (JSON, such as import.tf.json) that adopt the tenants into a provider-backend stack\'s state')
    .action(async (opts: ImportCommandOptions) => {
      if (opts.adoptOwner !== undefined && opts.stack === undefined) {
        throw new Error('--adopt-owner takes over tenants into the one stack of --stack NAME; without --stack every owner keeps its own stack');
      }
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
        const codegen = { stackName: opts.stack, core: opts.core ?? detectProjectCore(process.cwd()), importFrom: opts.importFrom, owners: opts.owner, unmarked: opts.unmarked, adoptOwners: opts.adoptOwner };
        const source = generateImportedStack(live, codegen);
        const { stacks, leftOut } = importedStacks(live, codegen);
        const written = Object.fromEntries(stacks.flatMap((g) => g.tenants.map((t) => [t.live.name, t.live])));
        for (const [marker, names] of Object.entries(leftOut)) {
          process.stderr.write(`Left out ${names.length} tenant(s) ${describeOwner(marker)} (not adopted without --adopt-owner ${JSON.stringify(parseOwnerMarker(marker).owner)})\n`);
        }
        if (opts.out) {
          fs.writeFileSync(opts.out, source);
          process.stderr.write(`Wrote ${Object.keys(written).length} tenants to ${opts.out}\n`);
        } else {
          fs.writeSync(1, source);
        }
        if (opts.terraformImportBlocks) {
          fs.writeFileSync(opts.terraformImportBlocks, terraformImportBlocksJson({ tenants: written }));
          process.stderr.write(`Wrote the import blocks of ${Object.keys(written).length} tenants to ${opts.terraformImportBlocks}\n`);
        }
      } finally {
        session.close();
      }
    });
}
