/**
 * Reading a user file together with the stat of the very bytes read, and turning the
 * ways a read can fail into reasons a person can act on.
 */
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** A file as read: its content (text from the fast synchronous path, bytes otherwise), or why not. */
export type FileRead = { bytes: Buffer | string; mtimeMs: number; size: number } | { missing: true } | { unreadable: string };

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
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open right now; reopen the workspace';
    default:
      return `it could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Synchronous, as text: for the open-time scan of thousands of files, where Node's one-call
 * UTF-8 read is several times faster than fs.promises. The stat is taken first: if the file
 * changes in between, the recorded mtime is the older one and the next open reads it again.
 */
export function readFileWithStatSync(file: string): FileRead {
  try {
    const info = statSync(file);
    if (info.isDirectory()) return { unreadable: unreadableReason({ code: 'EISDIR' }) };
    return { bytes: readFileSync(file, 'utf8'), mtimeMs: info.mtimeMs, size: info.size };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { missing: true } : { unreadable: unreadableReason(error) };
  }
}

export async function readFileWithStat(file: string): Promise<FileRead> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { missing: true } : { unreadable: unreadableReason(error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { unreadable: unreadableReason({ code: 'EISDIR' }) };
    const bytes = await handle.readFile();
    return { bytes, mtimeMs: info.mtimeMs, size: bytes.length };
  } catch (error) {
    return { unreadable: unreadableReason(error) };
  } finally {
    await handle.close();
  }
}
