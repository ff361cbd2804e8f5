import { Command, CommanderError } from 'commander';
import { applyCommand } from './commands/apply';
import { checkSendCommand } from './commands/check-send';
import { EXIT } from './commands/common';
import { demoCommand } from './commands/demo';
import { driftCommand } from './commands/drift';
import { emulatorCommand } from './commands/emulator';
import { importCommand } from './commands/import';
import { onboardCommand } from './commands/onboard';
import { planCommand } from './commands/plan';
import { providerCommand } from './commands/provider';
import { statusCommand } from './commands/status';
import { version } from '../../package.json';

/** The `ses-tenants` program. */
export function buildProgram(): Command {
  const program = new Command('ses-tenants')
    .description('Plan and apply SES v2 tenants declared with cdktf-ses-tenants')
    .version(version)
    .showHelpAfterError()
    // `-V/--version` belongs to the program only before a command: `provider package --version X` is the release's.
    .enablePositionalOptions()
    .exitOverride();
  planCommand(program);
  applyCommand(program);
  driftCommand(program);
  importCommand(program);
  statusCommand(program);
  checkSendCommand(program);
  onboardCommand(program);
  emulatorCommand(program);
  demoCommand(program);
  providerCommand(program);
  return program;
}

/** Runs the CLI; resolves to the exit code. Errors print as one line (no stack trace) unless DEBUG is set. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    const e = err as Error;
    process.stderr.write(`Error: ${e.message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
    return EXIT.error;
  }
}
