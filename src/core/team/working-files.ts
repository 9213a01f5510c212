/**
 * Moves the working files from one commit to another, the way a save writes: each file
 * git wrote into a staging folder inside `.git/` is fsynced and renamed over the old one,
 * so a file is always whole, old or new. Only then does HEAD move.
 *
 * A journal (`.git/copydesk-sync.json`) names both commits first. A process killed half way
 * leaves some files new and some old, every one of them whole; the next sync finds the
 * journal and finishes the move before anything else. A file that is neither the old nor
 * the new version (the person edited it since) is left as it is, to be committed as
 * their change.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { writeFileDurably } from '../storage/write-durably';
import type { GitCommand } from './git-command';

export interface Journal {
  from: string;
  to: string;
}

export interface MovedFiles {
  /** Paths written or removed, relative to the workspace, with `/`. */
  changed: string[];
  /** Paths left as they were because the person changed them meanwhile. */
  keptLocal: string[];
}

const journalPath = (gitDir: string) => path.join(gitDir, 'copydesk-sync.json');

export async function readJournal(gitDir: string): Promise<Journal | null> {
  try {
    const value = JSON.parse(await readFile(journalPath(gitDir), 'utf8')) as Partial<Journal>;
    return typeof value.from === 'string' && typeof value.to === 'string' ? { from: value.from, to: value.to } : null;
  } catch {
    return null;
  }
}

/** A path from a commit, as a path inside the workspace; never into .git or out of the folder. */
export function insideWorkspace(root: string, file: string): string {
  const resolved = path.resolve(root, ...file.split('/'));
  const relative = path.relative(root, resolved);
  const first = relative.split(path.sep)[0];
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || first === '.git' || file.includes('\\') || file.includes('\0')) {
    throw new ApiError('invalid-request', `The remote holds a file Copydesk will not write: "${file}". Nothing was changed.`);
  }
  return resolved;
}

/** git's id of a file's bytes, computed here rather than by a process per file. */
function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function currentBlob(file: string): Promise<string | null> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  if (!info.isFile()) return 'not-a-file';
  return blobId(await readFile(file));
}

interface Change {
  file: string;
  oldBlob: string | null;
  newBlob: string | null;
}

async function changesBetween(git: GitCommand, from: string, to: string): Promise<Change[]> {
  const out = await git.run(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', from, to]);
  const fields = out.split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const match = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) \w/.exec(fields[i]!);
    if (!match) continue;
    const zero = /^0+$/;
    changes.push({ file: fields[i + 1]!, oldBlob: zero.test(match[1]!) ? null : match[1]!, newBlob: zero.test(match[2]!) ? null : match[2]! });
  }
  return changes;
}

/**
 * Moves the working files from `from` to `to` and then HEAD. `afterEach` is called after
 * each file (a test stops the process there).
 */
export async function moveWorkingFiles(
  git: GitCommand,
  root: string,
  gitDir: string,
  journal: Journal,
  options: { indexFile: string; afterEach?: (done: number) => Promise<void> } = { indexFile: '' },
): Promise<MovedFiles> {
  await writeFileDurably(journalPath(gitDir), JSON.stringify(journal));
  const changes = await changesBetween(git, journal.from, journal.to);
  const toWrite: Change[] = [];
  const toRemove: Change[] = [];
  const keptLocal: string[] = [];
  for (const change of changes) {
    const target = insideWorkspace(root, change.file);
    const now = await currentBlob(target);
    if (now === change.newBlob) continue; // already there (a resumed move)
    if (now !== change.oldBlob) {
      keptLocal.push(change.file);
      continue;
    }
    (change.newBlob ? toWrite : toRemove).push(change);
  }

  const staging = path.join(gitDir, 'copydesk-incoming');
  await rm(staging, { recursive: true, force: true });
  if (toWrite.length) {
    const env = { GIT_INDEX_FILE: options.indexFile };
    await git.run(['read-tree', journal.to], { env });
    await git.run(['checkout-index', '-f', '-z', `--prefix=${staging}${path.sep}`, '--stdin'], { env, input: toWrite.map((c) => c.file).join('\0') });
  }
  // Every staged file reaches the disk first, many at a time (the file system joins
  // concurrent flushes); only then is each renamed into place, so a file is whole or old.
  const staged = (change: Change) => path.join(staging, ...change.file.split('/'));
  for (let i = 0; i < toWrite.length; i += FLUSH_AT_ONCE) {
    await Promise.all(toWrite.slice(i, i + FLUSH_AT_ONCE).map((change) => flushFile(staged(change))));
  }
  let done = 0;
  const folders = new Set<string>();
  for (const change of toWrite) {
    const target = insideWorkspace(root, change.file);
    if (!folders.has(path.dirname(target))) await mkdir(path.dirname(target), { recursive: true });
    await rename(staged(change), target);
    folders.add(path.dirname(target));
    await options.afterEach?.(++done);
  }
  for (const change of toRemove) {
    await unlink(insideWorkspace(root, change.file)).catch(() => undefined);
    folders.add(path.dirname(insideWorkspace(root, change.file)));
    await options.afterEach?.(++done);
  }
  for (const folder of folders) await syncFolder(folder);
  await rm(staging, { recursive: true, force: true });

  await git.run(['update-ref', '-m', 'copydesk: sync', 'HEAD', journal.to]);
  // The index follows HEAD; the working files are already where they belong.
  await git.run(['reset', '-q']);
  await rm(journalPath(gitDir), { force: true });
  return { changed: [...toWrite, ...toRemove].map((c) => c.file), keptLocal };
}

/** Files flushed to disk together. */
const FLUSH_AT_ONCE = 32;

async function flushFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined); // not every system syncs a folder
  } finally {
    await handle.close();
  }
}
