import { Testing } from 'cdktf';

Testing.setupJest();

/**
 * The SDK warns once per process that Node 20 support ends (NodeVersionSupportWarning), from the
 * first SESv2Client a test builds. The CLI and the hooks keep it out of their output themselves
 * (src/aws/client.ts); here it is dropped from the jest worker only, so child processes (the CLI,
 * the hook program) still run with the environment they would have, and their own silencing stays tested.
 */
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (text.startsWith('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
