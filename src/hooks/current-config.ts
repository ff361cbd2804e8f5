import * as fs from 'fs';
import * as path from 'path';
import type { DesiredStack } from '../engine/model';
import { readSynthStack } from '../engine/synth-output';
import { ownerMarker } from '../tenant-spec/ownership';
import type { StackTarget } from '../tenant-spec/tenant-spec';

/** The stack document Terraform applies, in its working directory (`cdktf.out/stacks/<stack>` under cdktf). */
export const CURRENT_CONFIG_FILE = 'cdk.tf.json';

/** The current configuration cannot be read, so a destroy-time hook cannot tell a replace from a removal. */
export class CurrentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurrentConfigError';
  }
}

/**
 * The stack's CURRENT desired state, read (through the one synth-output reader) from the
 * `cdk.tf.json` in Terraform's working directory: a destroy-time hook sees the old instance in its
 * input and the new configuration here, which is how it tells a replace from a removal.
 */
export function readCurrentStack(target: StackTarget, dir: string = process.cwd()): DesiredStack {
  const file = path.join(dir, CURRENT_CONFIG_FILE);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CurrentConfigError(
      `cannot read the current configuration ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); ` +
        'run terraform in the synthesized stack directory (cdktf deploy does)',
    );
  }
  const { target: now, tenants } = readSynthStack(json, file);
  if (ownerMarker(now) !== ownerMarker(target)) {
    throw new CurrentConfigError(`${file} is stack ${ownerMarker(now)}, but the hook belongs to ${ownerMarker(target)}; run terraform in that stack's directory`);
  }
  return { target: now, tenants };
}
