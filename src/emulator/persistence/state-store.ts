import { closeSync, fsyncSync, openSync, promises as fs, readFileSync, renameSync, writeSync, ftruncateSync } from 'fs';
import * as path from 'path';
import type { BackendSettings } from '../state/backend';
import type { DrawnValue } from '../state/draws';

/** One acknowledged write, as the journal keeps it: enough to replay it exactly. */
export interface JournalEntry {
  /** Position in the journal; the snapshot records the last one it includes. */
  seq: number;
  /** An SES operation or an admin endpoint. */
  kind: 'ses' | 'admin';
  /** SES operation name, or admin path. */
  operation: string;
  /** Caller account. */
  accountId: string;
  /** Caller region. */
  region: string;
  /** JSON body. */
  body: Record<string, unknown>;
  /** Path labels. */
  params: Record<string, string>;
  /** Query parameters. */
  query: Array<[string, string[]]>;
  /** Clock and id values the operation drew. */
  draws: DrawnValue[];
  /** Backend switches in force. */
  settings: BackendSettings;
}

/** What one flush cost, reported to the stats. */
export interface FlushReport {
  /** Acknowledged writes covered by the flush. */
  readonly writes: number;
  /** Bytes written (journal lines, plus the snapshot when it compacted). */
  readonly bytes: number;
  /** Wall time of the flush, milliseconds. */
  readonly ms: number;
  /** Whether the flush also wrote a new snapshot and emptied the journal. */
  readonly compacted: boolean;
}

/** What the store holds at start: the snapshot (if any) and the journal entries written after it. */
export interface LoadedState<S> {
  /** The last snapshot, undefined when there is none. */
  readonly snapshot: S | undefined;
  /** Journal entries newer than the snapshot, in order. */
  readonly entries: JournalEntry[];
}

interface Pending {
  readonly line: string;
  resolve(): void;
  reject(err: unknown): void;
}

/** The smallest journal that triggers a compaction, bytes. */
export const DEFAULT_COMPACTION_BYTES = 1 << 20;

/**
 * The state file and its journal (`<file>.journal`). Every acknowledged write is appended to the
 * journal and fsynced before its response (group commit: writes that arrive while a flush runs share
 * the next one), so a write costs its own size, not the state's. When the journal outgrows the
 * snapshot, the whole state is written as the new snapshot atomically (temp file in the same
 * directory, fsync, rename, directory fsync) and the journal starts over; snapshots carry the last
 * journal seq they include, so a crash between those steps replays nothing twice. `kill -9` at any
 * moment leaves a loadable snapshot plus journal; a torn last journal line was never acknowledged
 * and is dropped at load.
 */
export class StateStore<S extends { journalSeq?: number }> {
  private readonly journalFile: string;
  private journalFd: number | undefined;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private seq = 0;
  private pending: Pending[] = [];
  private running: Promise<void> | undefined;

  /**
   * @param file the snapshot file
   * @param snapshot returns the whole state, given the last journal seq it includes
   * @param onFlush told about each completed flush
   * @param compactionBytes the journal is compacted once it is larger than this and than the snapshot
   */
  constructor(
    readonly file: string,
    private readonly snapshot: (journalSeq: number) => S,
    private readonly onFlush: (report: FlushReport) => void = () => undefined,
    private readonly compactionBytes: number = DEFAULT_COMPACTION_BYTES,
  ) {
    this.journalFile = `${file}.journal`;
  }

  /** Reads the snapshot and the journal entries after it; drops a torn journal tail. Call once, before {@link open}. */
  load(): LoadedState<S> {
    const snapshotText = readOptional(this.file);
    const snapshot = snapshotText === undefined ? undefined : (JSON.parse(snapshotText) as S);
    this.snapshotBytes = snapshotText === undefined ? 0 : Buffer.byteLength(snapshotText);
    const after = snapshot?.journalSeq ?? 0;
    this.seq = after;
    const entries: JournalEntry[] = [];
    const journal = readOptional(this.journalFile) ?? '';
    let goodBytes = 0;
    let offset = 0;
    while (offset < journal.length) {
      const end = journal.indexOf('\n', offset);
      if (end === -1) break;
      const line = journal.slice(offset, end);
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        break;
      }
      offset = end + 1;
      goodBytes += Buffer.byteLength(line) + 1;
      if (entry.seq <= after) continue;
      entries.push(entry);
      this.seq = entry.seq;
    }
    this.journalBytes = goodBytes;
    if (journal.length > 0 && offset < journal.length) {
      const fd = openSync(this.journalFile, 'r+');
      try {
        ftruncateSync(fd, goodBytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return { snapshot, entries };
  }

  /** Opens the journal for appending; writes a first snapshot when there is none, so the state file always exists. */
  async open(): Promise<void> {
    if (readOptional(this.file) === undefined) await this.writeSnapshot();
    this.journalFd = openSync(this.journalFile, 'a');
  }

  /** Resolves once the write is in the journal on disk. */
  record(entry: Omit<JournalEntry, 'seq'>): Promise<void> {
    const line = `${JSON.stringify({ seq: ++this.seq, ...entry })}\n`;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Waits for pending writes, writes a final snapshot, empties the journal and closes it. */
  async close(): Promise<void> {
    while (this.running !== undefined) await this.running;
    if (this.journalFd === undefined) return;
    await this.compact();
    closeSync(this.journalFd);
    this.journalFd = undefined;
  }

  private async drain(): Promise<void> {
    try {
      // Yield once so that `running` is set before the loop can finish, and so that requests already
      // read from their sockets join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const started = performance.now();
          const data = batch.map((p) => p.line).join('');
          let bytes = this.append(data);
          const compacted = this.journalBytes > Math.max(this.compactionBytes, this.snapshotBytes);
          if (compacted) bytes += await this.compact();
          this.onFlush({ writes: batch.length, bytes, ms: performance.now() - started, compacted });
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  private append(data: string): number {
    const fd = this.journalFd;
    if (fd === undefined) throw new Error('the state journal is not open');
    const buffer = Buffer.from(data, 'utf8');
    writeSync(fd, buffer);
    fsyncSync(fd);
    this.journalBytes += buffer.length;
    return buffer.length;
  }

  private async compact(): Promise<number> {
    const bytes = await this.writeSnapshot();
    if (this.journalFd !== undefined) {
      ftruncateSync(this.journalFd, 0);
      fsyncSync(this.journalFd);
    }
    this.journalBytes = 0;
    return bytes;
  }

  private async writeSnapshot(): Promise<number> {
    const data = Buffer.from(JSON.stringify(this.snapshot(this.seq)), 'utf8');
    const temp = `${this.file}.${process.pid}.tmp`;
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    renameSync(temp, this.file);
    const dir = openSync(path.dirname(path.resolve(this.file)), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    this.snapshotBytes = data.length;
    return data.length;
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
