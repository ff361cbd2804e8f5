import type { Command } from 'commander';
import { addEmulatorOptions, emulatorOptionsFromCommand, serveEmulator, type EmulatorCommandOptions } from '../../emulator/main';

/** `ses-tenants emulator`: the local SES v2 emulator, until SIGINT or SIGTERM. */
export function emulatorCommand(program: Command): Command {
  const cmd = program.command('emulator').description('run the local SES v2 emulator (loopback only by default)');
  return addEmulatorOptions(cmd).action(async (opts: EmulatorCommandOptions) => {
    await serveEmulator(emulatorOptionsFromCommand(opts));
  });
}
