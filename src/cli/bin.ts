import { runCli } from './main';

// Entry of the dist/cli.js bundle that bin/ses-tenants.js loads.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
