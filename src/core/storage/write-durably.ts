/**
 * The one way Copydesk writes a user file: a uniquely named temp file beside the target,
 * written and fsynced, renamed over the target (or linked into place when the target must
 * not exist yet), then the folder fsynced so the rename itself survives a power cut. A
 * crash at any moment leaves either the old bytes or the new bytes, never a mix.
 *
 * The file keeps its permissions (an embargoed 0600 article stays 0600). A path that is a
 * symbolic link is refused, not written through: a link in a workspace may lead to any
 * file of the user's (one left by a clone or a zip, pointing out of the workspace), and a
 * write through it would replace that file. The check is an lstat at the start and again
 * right before the rename; a link swapped in after that is still safe, since a rename
 * replaces the link itself and never writes through it.
 */
import { randomBytes } from 'node:crypto';
import { fstatSync, lstatSync, renameSync, type Stats } from 'node:fs';
import { link, lstat, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temp files are short (long slugs must not push them past 255 bytes), hidden, and name their writer. */
export const TEMP_FILE_PATTERN = /^\.cd-[0-9a-f]{12}\.(\d+)\.tmp$/;

/**
 * The hidden names a bundle is built under beside its place in an export folder (the
 * folder being built, its zip, the older bundle stepping aside), ending in the writer's
 * pid so the next open can tell a killed writer's leftovers from a live one's work.
 */
export const BUNDLE_LEFTOVER_PATTERN = /^\.(.+?)(\.zip)?\.(tmp|old)-[0-9a-f]{12}\.(\d+)$/;

export function bundleLeftoverName(slug: string, what: 'tmp' | 'zip.tmp' | 'old', tag: string): string {
  return `.${slug}.${what}-${tag}.${process.pid}`;
}

/** What the file system said of the bytes just written (read from the temp file before its rename). */
export interface WrittenFile {
  mtimeMs: number;
  size: number;
}

export interface WriteOptions {
  /** Fail with EEXIST instead of replacing an existing file. */
  exclusive?: boolean;
  /**
   * The file as it was when its content was checked (mtime and size): looked at again
   * right before the rename, so a write by another program since then is a conflict
   * (code `ECONFLICT`), not silently replaced.
   */
  expect?: { mtimeMs: number; size: number };
  /**
   * Work of the caller's to do while the disk syncs the temp file (hashing the bytes,
   * summarizing the record): the process would otherwise wait idle. It never shortens the
   * write: the rename still waits for the sync. A throw abandons the write.
   */
  duringSync?: () => void;
}

/** The error of a write refused because the file changed on disk since it was checked. */
export function changedOnDiskError(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path.basename(file)} was changed on disk by another program while being saved; it was left as that program wrote it.`), { code: 'ECONFLICT' });
}

/** A step of a write, where a test may make the file system fail. */
export type WriteStep = 'open' | 'write' | 'sync' | 'rename';

/**
 * Tests only (tests/unit/fault): a failure to raise at a step of the writes that follow,
 * as the disk would (ENOSPC, EROFS, EACCES, EIO). Nothing in the API, the shells or the
 * files on disk can set it.
 */
export const writeFaultsForTests: { inject: ((step: WriteStep, file: string) => NodeJS.ErrnoException | null) | null } = { inject: null };

function faultAt(step: WriteStep, file: string): void {
  const error = writeFaultsForTests.inject?.(step, file);
  if (error) throw error;
}

/** Failures of the disk itself: the write cannot happen until the person does something. */
const DISK_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'Copydesk is not allowed to write there (check the folder’s permissions)',
  EPERM: 'Copydesk is not allowed to write there (check the folder’s permissions)',
  EIO: 'the disk reported an input/output error',
};

/** Whether an error is one of the disk's own (full, read-only, no permission, failing). */
export function isDiskFailure(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in DISK_REASONS;
}

/** The disk's failure in words: what happened, that nothing was changed, what to do. */
function diskFailure(file: string, error: NodeJS.ErrnoException): NodeJS.ErrnoException {
  const reason = DISK_REASONS[error.code!]!;
  const message = `Could not save ${path.basename(file)}: ${reason} (${error.code}). The file on disk was not changed. Free space or fix the folder, then save again; until then your text stays where it is.`;
  return Object.assign(new Error(message), { code: error.code, cause: error });
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

/** The error of a write refused because its path is a symbolic link (code `ESYMLINK`). */
export function linkRefusedError(file: string): NodeJS.ErrnoException {
  return Object.assign(
    new Error(`${file} is a symbolic link; Copydesk does not write through links (that would change the file it points to). Put the file itself in place of the link.`),
    { code: 'ESYMLINK' },
  );
}

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

async function refuseLink(file: string): Promise<void> {
  if ((await lstat(file).catch(() => null))?.isSymbolicLink()) throw linkRefusedError(file);
}

async function writeNow(file: string, data: string | Uint8Array, options: WriteOptions): Promise<WrittenFile> {
  const existing = await lstat(file).catch(() => null);
  if (options.exclusive && existing) throw existsError(file);
  if (existing?.isSymbolicLink()) throw linkRefusedError(file);
  const temp = tempPathBeside(file);
  let handle;
  try {
    faultAt('open', temp);
    // Created with the file's own permissions (an embargoed 0600 article stays 0600); the
    // umask may still take bits away, so they are checked once the file is open.
    handle = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o644);
  } catch (error) {
    throw isDiskFailure(error) ? diskFailure(file, error) : error;
  }
  let written: WrittenFile;
  try {
    try {
      // A look at the open file needs no trip through the thread pool; the chmod is rarely needed.
      if (existing && (fstatSync(handle.fd).mode & 0o7777) !== (existing.mode & 0o7777)) await handle.chmod(existing.mode & 0o7777);
      faultAt('write', temp);
      await handle.writeFile(data);
      faultAt('sync', temp);
      const syncing = handle.sync();
      try {
        options.duringSync?.();
      } finally {
        await syncing;
      }
      const info = fstatSync(handle.fd);
      written = { mtimeMs: info.mtimeMs, size: info.size };
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await placeWithoutReplacing(temp, file);
    } else if (options.expect) {
      // The look and the rename back to back, synchronously: the window in which another
      // program's write could still be replaced unseen is two system calls wide. The same
      // look refuses a link swapped in since the start.
      const now = lstatOrNull(file);
      if (now?.isSymbolicLink()) throw linkRefusedError(file);
      faultAt('rename', file);
      if (!now || now.mtimeMs !== options.expect.mtimeMs || now.size !== options.expect.size) throw changedOnDiskError(file);
      renameSync(temp, file);
    } else {
      await refuseLink(file);
      faultAt('rename', file);
      await rename(temp, file);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw isDiskFailure(error) ? diskFailure(file, error) : error;
  }
  await fsyncFolder(path.dirname(file));
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
    if (await lstat(to).catch(() => null)) throw existsError(to);
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
  // lstat: a link at `to` (even one leading nowhere) is something there, not to be replaced.
  const there = await lstat(to).catch(() => null);
  if (there) {
    // On a case-insensitive volume `Budget.json` → `budget.json` finds the file itself.
    const here = await lstat(from).catch(() => null);
    if (!here || here.ino !== there.ino || here.dev !== there.dev) throw existsError(to);
  }
  await rename(from, to);
  await fsyncFolder(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncFolder(path.dirname(from));
}
