import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';

/** What one state-file write cost, reported to the stats. */
export interface FlushReport {
  /** Acknowledged requests covered by the write. */
  readonly writes: number;
  /** Bytes written. */
  readonly bytes: number;
  /** Wall time of serialize + write + fsync + rename, milliseconds. */
  readonly ms: number;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * The state file, written atomically (temp file in the same directory, fsync, rename, fsync of the
 * directory) with group commit: a write request waits for the next flush, and every request that
 * arrives while a flush runs shares the following one. A request is acknowledged only after the file
 * that contains its change is in place, so `kill -9` at any moment leaves the last complete file.
 */
export class StateFile {
  private waiting: Waiter[] = [];
  private running: Promise<void> | undefined;

  /**
   * @param file path of the state file
   * @param serialize returns the whole state as text, called at the start of each flush
   * @param onFlush told about each completed flush
   */
  constructor(
    readonly file: string,
    private readonly serialize: () => string,
    private readonly onFlush: (report: FlushReport) => void = () => undefined,
  ) {}

  /** Reads the state file; undefined when there is none yet. */
  read(): unknown {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return JSON.parse(text);
  }

  /** Resolves once the state as it is now is on disk. */
  commit(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves when no flush is pending or running. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const started = performance.now();
          const bytes = await this.writeAtomically(this.serialize());
          this.onFlush({ writes: batch.length, bytes, ms: performance.now() - started });
          for (const waiter of batch) waiter.resolve();
        } catch (err) {
          for (const waiter of batch) waiter.reject(err);
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  private async writeAtomically(text: string): Promise<number> {
    const temp = `${this.file}.${process.pid}.tmp`;
    const data = Buffer.from(text, 'utf8');
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, this.file);
    const dir = await fs.open(path.dirname(path.resolve(this.file)), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    return data.length;
  }
}
