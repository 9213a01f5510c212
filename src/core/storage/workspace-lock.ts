/**
 * One writer per workspace: `.copydesk/lock` names the process that has it open (its pid,
 * host, account and, where the system tells them, the boot it runs in and when it started).
 *
 * A lock whose holder is gone is taken over: its pid no longer runs, the machine has
 * restarted since (another boot id), or the pid now names another process (another start
 * time: pids are handed out again, after a restart most of all). What is not a lock at
 * all (a folder, an empty file, garbage, a link, a pipe) is cleared away without being
 * followed. When the holder cannot be proven gone, the refusal says how to recover.
 *
 * The lock file is placed whole (a temp file linked into place), so two processes racing
 * for it never both win, and a stale lock is moved aside and removed only if what was
 * moved is what was judged stale.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { currentBootId, isAlive, processName, processStartTime } from './process-identity';
import { readUserFile } from './read-file';
import { tempPathBeside } from './write-durably';

interface LockInfo {
  pid: number;
  host: string;
  /** Who runs it (the account's name), as messages show it; absent from locks written by older versions. */
  user?: string;
  /** When the lock was taken (ISO), as messages show it. */
  startedAt: string;
  /** The boot the holder runs in (Linux); absent from locks written by older versions. */
  bootId?: string;
  /** When the holder started, in clock ticks since boot (Linux). */
  processStart?: string;
}

/** What lies at the lock's path; `seen` identifies exactly that file, to be sure the one removed is the one judged. */
type Found =
  | { kind: 'none' }
  | { kind: 'holder'; holder: LockInfo; seen: string }
  | { kind: 'folder' }
  | { kind: 'not-a-lock'; seen: string; regular: boolean }
  | { kind: 'unreadable'; reason: string };

const ATTEMPTS = 8;
const MAX_LOCK_BYTES = 4096;

export class WorkspaceLock {
  private held = false;

  private constructor(
    private readonly file: string,
    private readonly info: LockInfo,
  ) {}

  static async acquire(file: string): Promise<WorkspaceLock> {
    const lock = new WorkspaceLock(file, ownLockInfo());
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await placeLockFile(file, lock.info)) {
        lock.held = true;
        await removeLeftovers(file);
        return lock;
      }
      const found = await inspect(file);
      if (found.kind === 'holder') {
        const verdict = judge(found.holder, file);
        if (verdict !== 'stale') throw new ApiError('locked', verdict);
        await removeIfUnchanged(file, found.seen);
      } else if (found.kind === 'folder') {
        await removeEmptyFolder(file);
      } else if (found.kind === 'not-a-lock') {
        // Where there are no hard links, a lock is created empty and then written: give
        // such a writer a moment before calling its file garbage.
        if (found.regular) await new Promise((resolve) => setTimeout(resolve, 100));
        const again = found.regular ? await inspect(file) : found;
        if (again.kind === 'not-a-lock' && again.seen === found.seen) await removeIfUnchanged(file, found.seen);
      } else if (found.kind === 'unreadable') {
        throw new ApiError(
          'locked',
          `Copydesk cannot read this workspace's lock file, ${file} (${found.reason}). If no Copydesk is running, delete that file, then open the workspace again.`,
        );
      }
    }
    throw new ApiError('locked', `Could not take the workspace lock (${file}); try again.`);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    const found = await inspect(this.file);
    if (found.kind === 'holder' && found.holder.pid === this.info.pid && found.holder.startedAt === this.info.startedAt) {
      await rm(this.file, { force: true });
    }
  }
}

function ownLockInfo(): LockInfo {
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const user = accountName();
  if (user) info.user = user;
  const bootId = currentBootId();
  const processStart = processStartTime(process.pid);
  if (bootId) info.bootId = bootId;
  if (processStart) info.processStart = processStart;
  return info;
}

function accountName(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null; // no account name on this system
  }
}

/** 'stale' when the holder is provably gone; otherwise the refusal, saying how to recover. */
function judge(holder: LockInfo, file: string): 'stale' | string {
  const bootId = currentBootId();
  const sameBoot = holder.bootId !== undefined && bootId !== null ? holder.bootId === bootId : null;
  // The same boot id is the same machine, even if it has been renamed since.
  if (holder.host !== hostname() && sameBoot !== true) {
    return `This workspace is open on another computer (${holder.host}${holder.user ? `, by ${holder.user}` : ''}, since ${holder.startedAt}). Close it there first, or open it read-only here (browser mode: --read-only). If that computer is gone, or Copydesk no longer runs there, delete ${file}.`;
  }
  if (sameBoot === false) return 'stale'; // taken before this machine last started
  if (holder.pid === process.pid) return 'stale'; // left by this process (an earlier open that was not closed)
  if (!isAlive(holder.pid)) return 'stale';
  const start = processStartTime(holder.pid);
  if (holder.processStart !== undefined && start !== null && start !== holder.processStart) return 'stale'; // the pid names another process now
  const name = processName(holder.pid);
  return `This workspace is open in another Copydesk process (pid ${holder.pid}${name ? `, "${name}"` : ''}, since ${holder.startedAt}). Close that one first, or open another workspace. If no Copydesk is running, delete ${file}.`;
}

/** Looks at the lock's path without following a link or blocking on a pipe. */
async function inspect(file: string): Promise<Found> {
  const before = await identify(file);
  if (!before) return { kind: 'none' };
  if (before.folder) return { kind: 'folder' };
  const read = await readUserFile(file, { root: path.dirname(file), maxBytes: MAX_LOCK_BYTES });
  // Replaced while read: what was read cannot be told apart from what is there; look again.
  if ((await identify(file))?.seen !== before.seen) return { kind: 'none' };
  if (read.ok) {
    const holder = parseHolder(read.value.text);
    return holder ? { kind: 'holder', holder, seen: before.seen } : { kind: 'not-a-lock', seen: before.seen, regular: true };
  }
  if (read.error.kind === 'missing') return { kind: 'none' };
  if (read.error.kind === 'unreadable') return { kind: 'unreadable', reason: read.error.reason };
  return { kind: 'not-a-lock', seen: before.seen, regular: before.regular };
}

async function identify(file: string): Promise<{ seen: string; folder: boolean; regular: boolean } | null> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  return { seen: `${info.dev}:${info.ino}:${info.mode}:${info.size}:${info.mtimeMs}`, folder: info.isDirectory(), regular: info.isFile() };
}

function parseHolder(text: string): LockInfo | null {
  let parsed: Partial<Record<keyof LockInfo, unknown>>;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  if (!Number.isSafeInteger(parsed.pid) || (parsed.pid as number) <= 0 || typeof parsed.host !== 'string') return null;
  const holder: LockInfo = { pid: parsed.pid as number, host: parsed.host, startedAt: String(parsed.startedAt ?? 'an unknown time') };
  if (typeof parsed.user === 'string' && parsed.user.length <= 200) holder.user = parsed.user;
  if (typeof parsed.bootId === 'string') holder.bootId = parsed.bootId;
  if (typeof parsed.processStart === 'string') holder.processStart = parsed.processStart;
  return holder;
}

/**
 * Removes the lock's file if it is still the one judged: moved aside first, then checked,
 * and put back when another process placed its own lock in between.
 */
async function removeIfUnchanged(file: string, seen: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (!(await rename(file, aside).then(() => true, () => false))) return; // gone meanwhile: look again
  const moved = await identify(aside);
  if (moved?.folder) {
    // A folder put there meanwhile is not for this code to remove.
    await rename(aside, file).catch(() => undefined);
    return;
  }
  if (moved?.seen !== seen) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** A folder where the lock file belongs: removed when empty; otherwise the person decides. */
async function removeEmptyFolder(file: string): Promise<void> {
  try {
    await rmdir(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return; // changed meanwhile: look again
    throw new ApiError(
      'locked',
      `${file} is a folder${code === 'ENOTEMPTY' || code === 'EEXIST' ? ' with files in it' : ''}, where Copydesk keeps the workspace's lock file. Move that folder elsewhere or delete it, then open the workspace again.`,
    );
  }
}

/** Files an interrupted takeover left beside the lock (this version or an older one); only while holding the lock. */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.stale-`;
  for (const name of await readdir(path.dirname(file)).catch(() => [])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    if (pid !== process.pid && pid > 0 && isAlive(pid)) continue; // a takeover still under way
    const leftover = path.join(path.dirname(file), name);
    if ((await identify(leftover))?.folder) await rmdir(leftover).catch(() => undefined);
    else await unlink(leftover).catch(() => undefined);
  }
}

/**
 * Creates the lock file whole or not at all: the holder's details are written to a temp
 * file first and linked into place, so no process ever reads a half-written lock.
 */
async function placeLockFile(file: string, info: LockInfo): Promise<boolean> {
  const temp = tempPathBeside(file);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links here (exFAT, some network shares): create it exclusively instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    return placeLockFileWithoutLinks(file, info);
  } finally {
    await rm(temp, { force: true });
  }
}

async function placeLockFileWithoutLinks(file: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}
