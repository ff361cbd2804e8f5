import { runHookProgram } from './program';

// Entry of the bundled hook program (dist/hook.js) that Terraform's local-exec provisioners run.
runHookProgram().then((code) => {
  process.exitCode = code;
});
