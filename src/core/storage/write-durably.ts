/**
 * The one way Copydesk writes a user file: a uniquely named temp file beside the target,
 * written and fsynced, renamed over the target (or linked into place when the target must
 * not exist yet), then the folder fsynced so the rename itself survives a power cut. A
 * crash at any moment leaves either the old bytes or the new bytes, never a mix.
 *
 * The file keeps its permissions (an embargoed 0600 article stays 0600), and a symbolic
 * link is written through to the file it points to, not replaced.
 */
import { randomBytes } from 'node:crypto';
import { link, open, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temp files are short (long slugs must not push them past 255 bytes), hidden, and name their writer. */
export const TEMP_FILE_PATTERN = /^\.cd-[0-9a-f]{12}\.(\d+)\.tmp$/;

/** What the file system said of the bytes just written (read from the temp file before its rename). */
export interface WrittenFile {
  mtimeMs: number;
  size: number;
}

export interface WriteOptions {
  /** Fail with EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
}

/** Writes are chained per target path so two saves of one file land in call order. */
const pending = new Map<string, Promise<unknown>>();

export async function writeFileDurably(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<WrittenFile> {
  const previous = pending.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeNow(file, data, options));
  pending.set(file, next);
  try {
    return await next;
  } finally {
    if (pending.get(file) === next) pending.delete(file);
  }
}

/** A temp file name beside `target`, in the form removeStaleTempFiles cleans up after a crash. */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.cd-${randomBytes(6).toString('hex')}.${process.pid}.tmp`);
}

export function existsError(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
}

async function writeNow(file: string, data: string | Uint8Array, options: WriteOptions): Promise<WrittenFile> {
  const target = await realpath(file).catch(() => file);
  const existing = await stat(target).catch(() => null);
  if (options.exclusive && existing) throw existsError(file);
  const temp = tempPathBeside(target);
  const handle = await open(temp, 'wx', 0o644);
  let written: WrittenFile;
  try {
    try {
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(data);
      await handle.sync();
      const info = await handle.stat();
      written = { mtimeMs: info.mtimeMs, size: info.size };
    } finally {
      await handle.close();
    }
    if (options.exclusive) await placeWithoutReplacing(temp, target);
    else await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncFolder(path.dirname(target));
  return written;
}

/** Puts `from` at `to` only if `to` does not exist (a hard link fails with EEXIST), then drops `from`. */
async function placeWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    if (await stat(to).catch(() => null)) throw existsError(to);
    await rename(from, to);
    return;
  }
  await unlink(from);
}

/** Makes a folder's entries (a rename, a new or removed file) durable. */
export async function fsyncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a folder, and some file systems cannot fsync one; the rename
    // already happened, so this is not a failed write.
    const code = (error as NodeJS.ErrnoException).code;
    if (!['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EACCES'].includes(code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Moves a file where nothing is yet (EEXIST otherwise) and makes both folders' entries
 * durable. A rename, not link + unlink: a crash between those two would leave one article
 * under two names. The check before the rename leaves a window of microseconds, not the
 * watcher's delay, for another program to create the same name.
 */
export async function moveDurably(from: string, to: string): Promise<void> {
  const there = await stat(to).catch(() => null);
  if (there) {
    // On a case-insensitive volume `Budget.json` → `budget.json` finds the file itself.
    const here = await stat(from).catch(() => null);
    if (!here || here.ino !== there.ino || here.dev !== there.dev) throw existsError(to);
  }
  await rename(from, to);
  await fsyncFolder(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncFolder(path.dirname(from));
}
