import { DesiredStateError } from '../errors';
import { regionKey } from './fingerprint';
import type { DesiredStack } from './types';

/**
 * Rejects a tenant name declared by two stacks of the same region and account (tenant names are
 * unique there): the one cross-stack name check, run by the synth-output reader and by the diff.
 */
export function checkCrossStackNames(stacks: readonly DesiredStack[]): void {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const stack of stacks) {
    for (const name of Object.keys(stack.tenants)) {
      const key = `${regionKey(stack.target)}/${name}`;
      const other = seen.get(key);
      if (other !== undefined) {
        clashes.push(`tenant "${name}" is declared by stacks ${other} and ${stack.target.stack}, both in ${stack.target.region}/${stack.target.account}`);
      } else seen.set(key, stack.target.stack);
    }
  }
  if (clashes.length > 0) {
    throw new DesiredStateError(`${clashes.join('; ')}. Tenant names are unique per region and account: declare each tenant in one stack`);
  }
}
