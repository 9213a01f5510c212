/**
 * Why a workspace file is not read, in words a person can act on: what lies there instead
 * of a file, where a link leads, how large a file is, where its bytes stop being text.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';

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

/** What is wrong with an opened file, from its fstat: not a regular file, or over the cap. */
export function notAFileReason(info: Stats, maxBytes: number): string | null {
  if (info.isFile()) {
    return info.size > maxBytes ? `it is ${formatSize(info.size)}, more than the ${formatSize(maxBytes)} Copydesk reads from one file` : null;
  }
  if (info.isDirectory()) return 'it is a folder, not a file';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device, not a file';
  if (info.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

/** Bytes that are not UTF-8, in words: the line of the first byte that breaks it. */
export function notTextReason(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, at).reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
  return `it is not UTF-8 text: line ${line} has a byte that is not (the file may be in another encoding, such as Windows-1252, or not be text at all)`;
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

export function grewReason(cap: number): string {
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

/** A folder on the way that is a link: fine (null) when it resolves inside the root, refused otherwise. */
export function folderLinkReason(folder: string, root: string, resolved: string | null, realRoot: string | null): string | null {
  if (resolved && isInside(realRoot ?? root, resolved)) return null;
  return `the folder ${path.relative(root, folder)} is a link to ${resolved ?? 'something that does not exist'}, outside the workspace; Copydesk does not follow it`;
}

/** Why a link is refused, in words: where it points (when that can be known) decides the wording. */
export function linkReason(root: string, facts: { isLink: boolean; target: string | null; resolved: string | null; looping: boolean; realRoot: string | null }): string {
  if (!facts.isLink) return 'its path goes round a loop of links';
  if (facts.looping) return 'it is a link that points to itself (or to a loop of links)';
  if (facts.resolved === null) return `it is a link to ${facts.target ?? 'something'}, which does not exist; Copydesk does not follow links`;
  if (!isInside(facts.realRoot ?? root, facts.resolved)) {
    return `it is a link to a file outside the workspace (${facts.resolved}); Copydesk does not follow it`;
  }
  const inside = path.relative(facts.realRoot ?? root, facts.resolved);
  return `it is a link to ${inside}; Copydesk does not follow links, even inside the workspace (put the file itself in place of the link)`;
}
