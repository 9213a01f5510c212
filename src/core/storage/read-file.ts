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

/** Why a file could not be read, in words. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'Copydesk is not allowed to read it (check its permissions)';
    case 'ELOOP':
      return 'it is a link that points to itself';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ECHANGED':
      return 'it was replaced while being opened; try again';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open right now; reopen the workspace';
    default:
      return `it could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

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
      const info = lstatSync(folder, { throwIfNoEntry: false });
      if (!info) return MISSING;
      if (info.isSymbolicLink()) {
        const problem = folderLinkProblem(folder, root, realpathOrNullSync(folder), realpathOrNullSync(root));
        if (problem) return refused(problem);
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
    const problem = fileProblem(info, options.maxBytes);
    if (problem) return refused(problem);
    const cap = options.maxBytes ?? DEFAULT_MAX_BYTES;
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
        const problem = folderLinkProblem(folder, root, await realpathOrNull(folder), await realpathOrNull(root));
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
    const problem = fileProblem(info, options.maxBytes);
    if (problem) return refused(problem);
    const cap = options.maxBytes ?? DEFAULT_MAX_BYTES;
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
  const relative = path.relative(absoluteRoot, path.resolve(file));
  if (relative === '' || !isInside(absoluteRoot, path.resolve(file))) {
    return refused(`it lies outside the workspace (${absoluteRoot})`);
  }
  const parts = relative.split(path.sep);
  const folders: string[] = [];
  for (let i = 1; i < parts.length; i++) folders.push(path.join(absoluteRoot, ...parts.slice(0, i)));
  return ok({ root: absoluteRoot, folders });
}

/** What is wrong with an opened file, from its fstat: not a regular file, or over the cap. */
function fileProblem(info: Stats, maxBytes = DEFAULT_MAX_BYTES): string | null {
  if (info.isFile()) {
    return info.size > maxBytes ? `it is ${formatSize(info.size)}, more than the ${formatSize(maxBytes)} Copydesk reads from one file` : null;
  }
  if (info.isDirectory()) return 'it is a folder, not a file';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device, not a file';
  if (info.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
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
  return info ? refused(fileProblem(info, Infinity) ?? unreadableReason(error)) : unreadable(error);
}

/** Where links are checked before the open (no O_NOFOLLOW), the file opened must be the one checked. */
function sameFile(before: Stats, opened: Stats): boolean {
  return before.dev === opened.dev && before.ino === opened.ino;
}

/** Text when the bytes are UTF-8; otherwise a failure that keeps the bytes and says where the first bad one is. */
function decoded(bytes: Buffer, mtimeMs: number): FileRead {
  if (isUtf8(bytes)) return ok({ bytes, text: bytes.toString('utf8'), mtimeMs, size: bytes.length });
  const at = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, at).reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
  return fail({
    kind: 'not-text' as const,
    reason: `it is not UTF-8 text: line ${line} has a byte that is not (the file may be in another encoding, such as Windows-1252, or not be text at all)`,
    bytes,
    mtimeMs,
    size: bytes.length,
  });
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function grown(buffer: Buffer, cap: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(cap + 1, buffer.length * 2));
  buffer.copy(bigger);
  return bigger;
}

function grewReason(cap: number): string {
  return `it grew past ${formatSize(cap)} while being read, more than Copydesk reads from one file`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** A folder on the way that is a link: fine when it resolves inside the root, refused otherwise. */
function folderLinkProblem(folder: string, root: string, resolved: string | null, realRoot: string | null): string | null {
  if (resolved && isInside(realRoot ?? root, resolved)) return null;
  return `the folder ${path.relative(root, folder)} is a link to ${resolved ?? 'something that does not exist'}, outside the workspace; Copydesk does not follow it`;
}

/** Why a link is refused, in words: where it points (when that can be known) decides the wording. */
function linkReason(file: string, root: string, facts: { isLink: boolean; target: string | null; resolved: string | null; looping: boolean; realRoot: string | null }): string {
  if (!facts.isLink) return 'its path goes round a loop of links';
  if (facts.looping) return 'it is a link that points to itself (or to a loop of links)';
  if (facts.resolved === null) return `it is a link to ${facts.target ?? 'something'}, which does not exist; Copydesk does not follow links`;
  if (!isInside(facts.realRoot ?? root, facts.resolved)) {
    return `it is a link to a file outside the workspace (${facts.resolved}); Copydesk does not follow it`;
  }
  const inside = path.relative(facts.realRoot ?? root, facts.resolved);
  return `it is a link to ${inside}; Copydesk does not follow links, even inside the workspace (put the file itself in place of the link)`;
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
  return linkReason(file, root, { isLink, target, resolved, looping, realRoot: realpathOrNullSync(root) });
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
  return linkReason(file, root, { isLink, target, resolved, looping, realRoot: await realpathOrNull(root) });
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
