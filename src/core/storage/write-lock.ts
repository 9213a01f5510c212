/**
 * A short lock between Copydesk processes on one workspace: a file created exclusively
 * (O_EXCL) holding the writer's pid, removed when the change is done. A lock left by a
 * killed process (its pid gone) is taken over; one held too long by a live process is
 * reported as a passing failure, never waited on for ever.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { isAlive } from './process-identity';

/** How long a change waits for another Copydesk process's change to finish. */
const WAIT_MS = 10_000;

async function takeOver(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return true; // released meanwhile
  const [pid, host] = text.split(' ');
  // A lock of a process that is gone (killed mid-change), or an empty one (killed before writing its pid).
  if (text === '' || (host === hostname() && !isAlive(Number(pid)))) {
    await rm(file, { force: true });
    return true;
  }
  return false;
}

/**
 * Takes the lock around `task`. The lock file is made and removed with synchronous calls:
 * a few microseconds for a file of a few bytes, where each trip through the thread pool
 * costs more, and every save of the workspace takes it.
 */
export async function holdWriteLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid} ${hostname()}`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A workspace the app never opened has no .copydesk/ yet (the copydesk command on a plain folder).
      // Only that folder: a workspace folder that is gone (moved while open) is not recreated.
      if (code === 'ENOENT' && attempt === 0) {
        await mkdir(path.dirname(file)).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
        continue;
      }
      if (code !== 'EEXIST') throw error;
      if (attempt % 20 === 19 && (await takeOver(file))) continue;
      if (Date.now() - started > WAIT_MS) {
        throw new ApiError('unavailable', `Another Copydesk process has been changing this workspace for over ${WAIT_MS / 1000} s (${file}); try again in a moment.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 3));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(file, { force: true });
  }
}
