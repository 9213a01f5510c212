/**
 * What a bundle may hold when it comes back in: entry names that stay inside it, and the
 * limits that keep a hostile archive from filling memory. Reading never writes a file.
 */
import { ApiError } from '../../shared/errors';

export interface ReadLimits {
  /** Files in the bundle. */
  maxEntries: number;
  /** Bytes of any one file once inflated. */
  maxEntryBytes: number;
  /** Bytes of all files once inflated. */
  maxTotalBytes: number;
}

/** A bundle of 1,000 long sources fits; a zip bomb does not. */
export const READ_LIMITS: ReadLimits = { maxEntries: 5_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

export const refuse = (message: string): ApiError => new ApiError('invalid-request', `Not a bundle Copydesk can import: ${message}`);

/**
 * An entry name as a relative path inside the bundle, or a refusal: no absolute path
 * (`/x`, `C:\x`, `\\server\x`), no backslash, no `.` or `..` segment anywhere, no empty
 * segment, no control character. Checked on the name itself, before any path is joined.
 */
export function checkedEntryName(name: string): string {
  const shown = JSON.stringify(name.slice(0, 200));
  if (!name || name.length > 1_000) throw refuse(`an entry has an empty or overlong name (${shown}).`);
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\\' || c === ':')) throw refuse(`the entry ${shown} has a backslash, a colon or a control character in its name.`);
  if (name.startsWith('/')) throw refuse(`the entry ${shown} has an absolute path.`);
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw refuse(`the entry ${shown} would land outside the bundle (a "..", "." or empty path segment).`);
  return segments.join('/');
}

/** Keeps count of what has been read against the limits. */
export class ReadBudget {
  private entries = 0;
  private bytes = 0;
  private readonly seen = new Set<string>();

  constructor(readonly limits: ReadLimits) {}

  /** Counts an entry (refusing one too many, or one seen before under any case). */
  enter(name: string): void {
    if (++this.entries > this.limits.maxEntries) throw refuse(`it holds more than ${this.limits.maxEntries} files.`);
    const key = name.normalize('NFC').toLowerCase();
    if (this.seen.has(key)) throw refuse(`the entry ${JSON.stringify(name)} appears twice.`);
    this.seen.add(key);
  }

  /** What the next file may still take: the smaller of the per-file and the remaining total limit. */
  get allowance(): number {
    return Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.bytes);
  }

  take(name: string, size: number): void {
    if (size > this.limits.maxEntryBytes) throw refuse(`the entry ${JSON.stringify(name)} is larger than ${this.limits.maxEntryBytes} bytes.`);
    this.bytes += size;
    if (this.bytes > this.limits.maxTotalBytes) throw refuse(`its files come to more than ${this.limits.maxTotalBytes} bytes.`);
  }
}
