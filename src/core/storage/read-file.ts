/**
 * Reading a user file from a workspace. What lies in a workspace arrives from git clones,
 * zips and synced folders, so it is untrusted: only a regular file inside the workspace is
 * read, without ever blocking, never past a size cap, and every refusal is a reason a
 * person can act on. The stat returned is the stat of the very bytes read.
 *
 * Symbolic links to files are refused, even ones that stay inside the workspace. A link
 * that is read is a link that gets saved through (the article on screen would be another
 * file than the one listed, perhaps under two names at once), and writeFileDurably refuses
 * to write through links, so a readable link would be an article that cannot be saved.
 * Refusing them all also leaves no race to win: the open itself refuses a link
 * (O_NOFOLLOW), so one swapped in after a check is never followed. Folders between the
 * root and the file may be links as long as they resolve inside the root.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { folderLinkReason, grewReason, linkReason, notAFileReason, notTextReason, unreadableReason } from './read-reasons';

export { unreadableReason } from './read-reasons';

/** A file as read: its bytes, the same bytes as text, and the stat taken on the open file. */
export interface FileContent {
  bytes: Buffer;
  text: string;
  mtimeMs: number;
  size: number;
}

/** Why a file was not read. Every kind but `missing` carries a reason in words. */
export type ReadFailure =
  | { kind: 'missing' }
  /** It could not be read now (permissions, too many open files, a disk error); this may pass. */
  | { kind: 'unreadable'; reason: string }
  /** What lies there is not a file Copydesk reads (a link, FIFO, device, folder, a file over the cap); it stays so until someone changes it. */
  | { kind: 'refused'; reason: string }
  /** Read, but the bytes are not UTF-8 text; they are kept so the damaged-file view can show how the file begins. */
  | { kind: 'not-text'; reason: string; bytes: Buffer; mtimeMs: number; size: number };

export type FileRead = Result<FileContent, ReadFailure>;

export interface ReadOptions {
  /** The folder the file must lie in (the workspace); nothing outside it is read. */
  root: string;
  /** Files larger than this are refused without being read (default 64 MB). */
  maxBytes?: number;
}

/** No article comes near this; a file this large is something else, and reading it would cost the memory of the app. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

// Windows has neither flag: there, links are checked with lstat before the open and the
// opened file is compared with what lstat saw.
const NOFOLLOW = constants.O_NOFOLLOW as number | undefined;
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (NOFOLLOW ?? 0);

const MISSING = fail({ kind: 'missing' as const });
const refused = (reason: string) => fail({ kind: 'refused' as const, reason });
const unreadable = (error: unknown) => fail({ kind: 'unreadable' as const, reason: unreadableReason(error) });

/**
 * Synchronous: for the open-time scan of thousands of files, where each fs.promises call
 * costs a trip through the thread pool. Same checks, same answers as readUserFile.
 */
export function readUserFileSync(file: string, options: ReadOptions): FileRead {
  const where = locate(file, options.root);
  if (!where.ok) return where;
  const { root, folders } = where.value;
  let fd: number;
  let before: Stats | undefined;
  try {
    for (const folder of folders) {
      if (plainFolders.has(folder)) continue;
      const info = lstatSync(folder, { throwIfNoEntry: false });
      if (!info) return MISSING;
      if (info.isSymbolicLink()) {
        const problem = folderLinkReason(folder, root, realpathOrNullSync(folder), realpathOrNullSync(root));
        if (problem) return refused(problem);
      } else if (info.isDirectory()) {
        rememberPlainFolder(folder);
      }
    }
    if (NOFOLLOW === undefined) before = lstatSync(file, { throwIfNoEntry: false });
    if (before?.isSymbolicLink()) return refused(describeLinkSync(file, root));
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const kind = openErrorKind(error);
    if (kind === 'link') return refused(describeLinkSync(file, root));
    if (kind === 'special') return specialFailure(error, lstatOrUndefinedSync(file));
    return kind === 'missing' ? MISSING : unreadable(error);
  }
  try {
    const info = fstatSync(fd);
    if (before && !sameFile(before, info)) return unreadable({ code: 'ECHANGED' });
    const cap = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const problem = notAFileReason(info, cap);
    if (problem) return refused(problem);
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(info.size, cap) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > cap) return refused(grewReason(cap));
        buffer = grown(buffer, cap);
      }
      const count = readSync(fd, buffer, length, buffer.length - length, length);
      if (count === 0) break;
      length += count;
      // Exactly the size fstat gave, with room left: the end of the file, no second read needed.
      if (length === info.size && length < buffer.length) break;
    }
    return decoded(buffer.subarray(0, length), info.mtimeMs);
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

export async function readUserFile(file: string, options: ReadOptions): Promise<FileRead> {
  const where = locate(file, options.root);
  if (!where.ok) return where;
  const { root, folders } = where.value;
  let handle;
  let before: Stats | null | undefined;
  try {
    for (const folder of folders) {
      const info = await lstat(folder).catch(nullWhenMissing);
      if (!info) return MISSING;
      if (info.isSymbolicLink()) {
        const problem = folderLinkReason(folder, root, await realpathOrNull(folder), await realpathOrNull(root));
        if (problem) return refused(problem);
      }
    }
    if (NOFOLLOW === undefined) before = await lstat(file).catch(nullWhenMissing);
    if (before?.isSymbolicLink()) return refused(await describeLink(file, root));
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    const kind = openErrorKind(error);
    if (kind === 'link') return refused(await describeLink(file, root));
    if (kind === 'special') return specialFailure(error, await lstat(file).catch(() => undefined));
    return kind === 'missing' ? MISSING : unreadable(error);
  }
  try {
    const info = await handle.stat();
    if (before && !sameFile(before, info)) return unreadable({ code: 'ECHANGED' });
    const cap = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const problem = notAFileReason(info, cap);
    if (problem) return refused(problem);
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(info.size, cap) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > cap) return refused(grewReason(cap));
        buffer = grown(buffer, cap);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === info.size && length < buffer.length) break;
    }
    return decoded(buffer.subarray(0, length), info.mtimeMs);
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

// ---- the checks both paths share ----------------------------------------------------

/** The file's place under the root, and the folders between them, each of which is checked. */
function locate(file: string, root: string): Result<{ root: string; folders: string[] }, ReadFailure> {
  const absoluteRoot = path.resolve(root);
  const absoluteFile = path.resolve(file);
  // path.resolve leaves no `.` or `..` segments: inside means the file's path continues the root's.
  const prefix = absoluteRoot.endsWith(path.sep) ? absoluteRoot : absoluteRoot + path.sep;
  const caseless = process.platform === 'win32';
  if (!(caseless ? absoluteFile.toLowerCase().startsWith(prefix.toLowerCase()) : absoluteFile.startsWith(prefix)) || absoluteFile.length === prefix.length) {
    return refused(`it lies outside the workspace (${absoluteRoot})`);
  }
  const folders: string[] = [];
  for (let at = absoluteFile.indexOf(path.sep, prefix.length); at !== -1; at = absoluteFile.indexOf(path.sep, at + 1)) {
    folders.push(absoluteFile.slice(0, at));
  }
  return ok({ root: absoluteRoot, folders });
}

/**
 * Folders found to be plain folders during the current synchronous run: the open-time
 * scan reads thousands of files from one folder without yielding, and an lstat of that
 * folder per file would cost more than a tenth of the scan. Forgotten at the next turn
 * of the event loop; a folder swapped for a link within one run is the same race as one
 * swapped between a check and an open, which Node, without openat, cannot close.
 */
const plainFolders = new Set<string>();

function rememberPlainFolder(folder: string): void {
  if (plainFolders.size === 0) setImmediate(() => plainFolders.clear()).unref();
  plainFolders.add(folder);
}

/**
 * What an open's failure means: gone; a link (O_NOFOLLOW answers ELOOP, FreeBSD EMLINK);
 * something special that cannot be opened for reading (a socket answers ENXIO); or a
 * failure that may pass.
 */
function openErrorKind(error: unknown): 'missing' | 'link' | 'special' | 'other' {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'missing';
  if (code === 'ELOOP' || code === 'EMLINK') return 'link';
  if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP') return 'special';
  return 'other';
}

function specialFailure(error: unknown, info: Stats | undefined): FileRead {
  return info ? refused(notAFileReason(info, Infinity) ?? unreadableReason(error)) : unreadable(error);
}

/** Where links are checked before the open (no O_NOFOLLOW), the file opened must be the one checked. */
function sameFile(before: Stats, opened: Stats): boolean {
  return before.dev === opened.dev && before.ino === opened.ino;
}

/**
 * A file read as UTF-8, its text decoded when first asked for (a save only compares the bytes
 * with what it wrote). A class, so that opening 10,000 files makes no closure per file.
 */
class Utf8Content implements FileContent {
  private decoded: string | undefined;

  constructor(
    readonly bytes: Buffer,
    readonly mtimeMs: number,
    readonly size: number,
  ) {}

  get text(): string {
    return (this.decoded ??= this.bytes.toString('utf8'));
  }
}

/** Text when the bytes are UTF-8; otherwise a failure that keeps the bytes and says where the first bad one is. */
function decoded(bytes: Buffer, mtimeMs: number): FileRead {
  if (isUtf8(bytes)) return ok(new Utf8Content(bytes, mtimeMs, bytes.length));
  return fail({
    kind: 'not-text' as const,
    reason: notTextReason(bytes),
    bytes,
    mtimeMs,
    size: bytes.length,
  });
}

function grown(buffer: Buffer, cap: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(cap + 1, buffer.length * 2));
  buffer.copy(bigger);
  return bigger;
}

function describeLinkSync(file: string, root: string): string {
  const isLink = lstatOrUndefinedSync(file)?.isSymbolicLink() ?? false;
  let target: string | null = null;
  let resolved: string | null = null;
  let looping = false;
  try {
    target = readlinkSync(file);
    resolved = realpathSync(file);
  } catch (error) {
    looping = (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
  return linkReason(root, { isLink, target, resolved, looping, realRoot: realpathOrNullSync(root) });
}

async function describeLink(file: string, root: string): Promise<string> {
  const isLink = (await lstat(file).catch(() => null))?.isSymbolicLink() ?? false;
  let target: string | null = null;
  let resolved: string | null = null;
  let looping = false;
  try {
    target = await readlink(file);
    resolved = await realpath(file);
  } catch (error) {
    looping = (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
  return linkReason(root, { isLink, target, resolved, looping, realRoot: await realpathOrNull(root) });
}

function lstatOrUndefinedSync(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function realpathOrNullSync(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

function realpathOrNull(file: string): Promise<string | null> {
  return realpath(file).catch(() => null);
}

function nullWhenMissing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null;
  throw error;
}
