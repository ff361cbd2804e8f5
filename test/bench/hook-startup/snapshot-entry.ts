import * as v8 from 'v8';
import { runHookProgram } from '../../../src/hooks/program';

// Prototype entry of a start-up snapshot of the hook program (`node --snapshot-blob hook.blob
// --build-snapshot hook-snapshot.js`, run as `node --snapshot-blob hook.blob`): every module is
// loaded and initialized when the snapshot is built; at run time only the main function runs. It
// runs the same program as src/hooks/main.ts.

v8.startupSnapshot.setDeserializeMainFunction(() => {
  void runHookProgram().then((code) => {
    process.exitCode = code;
  });
});
