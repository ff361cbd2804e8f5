import { SingleBar, Presets } from 'cli-progress';

/** Reports progress of a long step: a bar on a TTY, otherwise one line per tenth of the work. */
export interface Progress {
  /** Records that `done` of `total` units are finished. */
  update(done: number, total: number): void;
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
  let lastTenth = -1;
  let last = { done: 0, total: 0 };
  return {
    update(done, total) {
      last = { done, total };
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {
      if (last.total > 0) stream.write(`${label}: ${last.done}/${last.total}\n`);
    },
  };
}
