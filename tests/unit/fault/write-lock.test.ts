/**
 * The write lock Copydesk processes take around a change: one change at a time across
 * processes, a lock left by a killed process taken over, a folder without .copydesk/.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { holdWriteLock } from '../../../src/core/storage/write-lock';
import { tempDir } from '../../helpers/temp';

it('runs changes one at a time, takes over a killed process’s lock, and makes its folder', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const lock = path.join(dir, 'never-opened', '.copydesk', 'writing.lock');
    await mkdir(path.join(dir, 'never-opened'));
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        holdWriteLock(lock, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(path.dirname(lock))).toEqual([]);

    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    await mkdir(path.dirname(lock), { recursive: true });
    await writeFile(lock, `${child.pid} ${hostname()}`);
    const started = Date.now();
    expect(await holdWriteLock(lock, async () => 'took over')).toBe('took over');
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    await cleanup();
  }
});
