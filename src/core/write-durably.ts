/**
 * The one way Copydesk writes a user file: a uniquely named temp file beside the target,
 * written and fsynced, renamed over the target, then the folder fsynced so the rename
 * itself survives a power cut. A crash at any moment leaves either the old bytes or the
 * new bytes, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Temp files are hidden, name their target and the writing process, and end in .tmp. */
export const TEMP_FILE_PATTERN = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** Writes are chained per target path so two saves of one file land in call order. */
const pending = new Map<string, Promise<unknown>>();

export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const previous = pending.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeNow(file, data));
  pending.set(file, next);
  try {
    await next;
  } finally {
    if (pending.get(file) === next) pending.delete(file);
  }
}

async function writeNow(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncFolder(dir);
}

/** Makes a folder's entries (a rename, a new or removed file) durable. */
export async function fsyncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a folder; there the rename is as durable as it gets.
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}

/** Moves a file and makes both folders' entries durable. */
export async function moveDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncFolder(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncFolder(path.dirname(from));
}
