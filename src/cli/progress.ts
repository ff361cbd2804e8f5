import { SingleBar, Presets } from 'cli-progress';

/** Reports progress of a long step: a bar on a TTY, otherwise one line per tenth of the work. */
export interface Progress {
  /** Records that `done` of `total` units of a part (such as a region) are finished. */
  update(done: number, total: number, part?: string): void;
  /** Ends the bar (or prints the last line). */
  stop(): void;
}

/** A progress reporter on stderr for a step named `label`. */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total}`, stream, clearOnComplete: true, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done);
        }
      },
      stop: () => bar.stop(),
    };
  }
  // Without a terminal: one line per tenth of each part, and one when the part is complete.
  const lastTenth = new Map<string, number>();
  return {
    update(done, total, part = '') {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > (lastTenth.get(part) ?? -1) && (total >= 100 || done === total)) {
        lastTenth.set(part, tenth);
        stream.write(`${label}${part ? ` (${part})` : ''}: ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}
