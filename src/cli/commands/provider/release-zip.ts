import { ZipFile } from 'yazl';

/** One file of a zip. */
export interface ZipEntry {
  /** Path inside the zip. */
  readonly name: string;
  /** Contents. */
  readonly bytes: Buffer;
  /** Unix mode bits (0o755 for an executable). */
  readonly mode: number;
}

// Local midnight of 2000-01-01 in whatever time zone: DOS timestamps are local time, so this is
// the same stored value everywhere. With the extended (UTC) timestamp left out, the same entries
// give the same bytes, and so the same SHA256SUMS, on every machine and at every hour.
const FIXED_MTIME = (): Date => new Date(2000, 0, 1, 0, 0, 0);

/** A zip of `entries` (in the given order), deflated, with fixed timestamps: the same input gives the same bytes. */
export function deterministicZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.bytes, entry.name, { mtime: FIXED_MTIME(), forceDosTimestamp: true, mode: 0o100000 | entry.mode, compress: true });
  }
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
