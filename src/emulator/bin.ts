import { runEmulatorCommand } from './main';

// Entry of the dist/emulator.js bundle. (In a bundle `require.main === module` holds for every
// module, so entry code lives here and not in main.ts, which the CLI bundle imports too.)
runEmulatorCommand(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
