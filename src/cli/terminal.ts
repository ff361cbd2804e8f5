import pc from 'picocolors';
import type { Colors } from 'picocolors/types';

/** Whether to colour output: only on a TTY, never when NO_COLOR is set (https://no-color.org), always with FORCE_COLOR. */
export function useColour(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Colours of the CLI's own messages (renderers get the same decision through their options). */
export function palette(colour: boolean): Colors {
  return pc.createColors(colour);
}
