/**
 * One writer per workspace: `.copydesk/lock` names the process that has it open. A lock
 * left by a process that has died (a crash, kill -9) is taken over.
 */
import { hostname } from 'node:os';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { ApiError } from '../../shared/errors';
import { tempPathBeside } from './write-durably';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WorkspaceLock {
  private held = false;

  private constructor(private readonly file: string) {}

  static async acquire(file: string): Promise<WorkspaceLock> {
    const lock = new WorkspaceLock(file);
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await placeLockFile(file)) {
        lock.held = true;
        return lock;
      }
      const holder = await readHolder(file);
      if (holder && holder.host === hostname() && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new ApiError(
          'locked',
          `This workspace is open in another Copydesk process (pid ${holder.pid}, since ${holder.startedAt}). Close that one first, or open another workspace.`,
        );
      }
      if (holder && holder.host !== hostname()) {
        throw new ApiError(
          'locked',
          `This workspace is open on another computer (${holder.host}, since ${holder.startedAt}). Close it there first; if that computer is gone, delete .copydesk/lock.`,
        );
      }
      // Left by a process that no longer runs: move it aside, then check that what was moved
      // is that stale lock and not one another process placed meanwhile; put that one back.
      const aside = `${file}.stale-${process.pid}`;
      if (await rename(file, aside).then(() => true, () => false)) {
        const moved = await readHolder(aside);
        if (moved && holder && moved.pid === holder.pid && moved.startedAt === holder.startedAt) await rm(aside, { force: true });
        else if (moved === null && holder === null) await rm(aside, { force: true });
        else await link(aside, file).then(() => rm(aside, { force: true }), () => rm(aside, { force: true }));
      }
    }
    throw new ApiError('locked', 'Could not take the workspace lock (.copydesk/lock); try again.');
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    const holder = await readHolder(this.file);
    if (holder?.pid === process.pid) await rm(this.file, { force: true });
  }
}

async function readHolder(file: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? 'unknown') };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Creates the lock file whole or not at all: the holder's details are written to a temp
 * file first and linked into place, so no process ever reads a half-written lock.
 */
async function placeLockFile(file: string): Promise<boolean> {
  const temp = tempPathBeside(file);
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
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
