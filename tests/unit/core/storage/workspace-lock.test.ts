/**
 * Promise 4, the lock: one writer per workspace. A holder that is provably gone (its pid
 * dead, reused by another process, or from before a restart) is taken over; what is not a
 * lock is cleared without being followed, leaving nothing behind; a live holder is
 * refused with a message that says how to recover. Second processes are real children.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceLock } from '../../../../src/core/storage/workspace-lock';
import { bundleForNode, startChild, type Child } from '../../../helpers/child';
import { tempDir } from '../../../helpers/temp';

const onLinux = existsSync('/proc/self/stat') && existsSync('/proc/sys/kernel/random/boot_id');
/** Above Linux's largest pid (2^22): never a running process. */
const DEAD_PID = 2 ** 22 + 17;

let scratch: { dir: string; cleanup: () => Promise<void> };
let childScript: string;
beforeAll(async () => {
  scratch = await tempDir('copydesk-lock-child-');
  childScript = await bundleForNode(path.join(__dirname, 'fixtures', 'lock-child.ts'), scratch.dir);
});
afterAll(() => scratch.cleanup());

let dir: string;
let cleanup: () => Promise<void>;
let internal: string;
let lockFile: string;
const children: Child[] = [];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  internal = path.join(dir, 'workspace', '.copydesk');
  lockFile = path.join(internal, 'lock');
  await mkdir(internal, { recursive: true });
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  await cleanup();
});

async function holdInChild(): Promise<Child> {
  const child = startChild(childScript, [lockFile]);
  children.push(child);
  await child.waitFor(/^won$/);
  return child;
}

const lockJson = async () => JSON.parse(await readFile(lockFile, 'utf8')) as Record<string, unknown>;
/** Everything in .copydesk/ but the lock itself: takeover leftovers, temp files. */
const leftovers = async () => (await readdir(internal)).filter((name) => name !== 'lock');

async function takesOver(): Promise<void> {
  const lock = await WorkspaceLock.acquire(lockFile);
  expect(await lockJson()).toMatchObject({ pid: process.pid, host: hostname() });
  expect(await leftovers()).toEqual([]);
  await lock.release();
  expect(await readdir(internal)).toEqual([]);
}

describe('a lock held by a live process', () => {
  it('is refused, naming the process and how to recover, and left as it is', async () => {
    const holder = await holdInChild();
    const before = await readFile(lockFile, 'utf8');
    const refusal = WorkspaceLock.acquire(lockFile);
    await expect(refusal).rejects.toMatchObject({ code: 'locked' });
    const message = await refusal.catch((error: Error) => error.message);
    expect(message).toMatch(new RegExp(`^This workspace is open in another Copydesk process \\(pid ${holder.process.pid}[,)]`));
    if (onLinux) expect(message).toContain(`pid ${holder.process.pid}, "node", since `);
    expect(message).toContain(`If no Copydesk is running, delete ${lockFile}.`);
    expect(await readFile(lockFile, 'utf8')).toBe(before);
    expect(await leftovers()).toEqual([]);
  });

  it.skipIf(!onLinux)('records the holder’s boot and start time', async () => {
    const holder = await holdInChild();
    const stat = await readFile(`/proc/${holder.process.pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    expect(await lockJson()).toMatchObject({
      pid: holder.process.pid,
      bootId: (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim(),
      processStart: startTime,
    });
  });

  it.skipIf(!onLinux)('is taken over when the pid is alive but started at another time (a pid used again)', async () => {
    const holder = await holdInChild();
    const info = await lockJson();
    await writeFile(lockFile, JSON.stringify({ ...info, processStart: String(Number(info.processStart) + 1) }));
    await takesOver();
    expect(holder.process.exitCode, 'the process named is still alive').toBeNull();
  });

  it.skipIf(!onLinux)('is taken over when it was taken before the machine last started (another boot id)', async () => {
    const holder = await holdInChild();
    const info = await lockJson();
    await writeFile(lockFile, JSON.stringify({ ...info, bootId: '00000000-0000-4000-8000-000000000000' }));
    await takesOver();
    expect(holder.process.exitCode).toBeNull();
  });

  it('is refused when it comes from another computer, saying what to delete if that computer is gone', async () => {
    await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: 'newsroom-laptop-7', startedAt: '2026-11-28T04:38:00.000Z' }));
    await expect(WorkspaceLock.acquire(lockFile)).rejects.toThrow(
      `This workspace is open on another computer (newsroom-laptop-7, since 2026-11-28T04:38:00.000Z). Close it there first, or open it read-only here (browser mode: --read-only). If that computer is gone, or Copydesk no longer runs there, delete ${lockFile}.`,
    );
  });

  it('names who holds it on the other computer, and the lock taken here records this account', async () => {
    await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: 'newsroom-laptop-7', user: 'ana.lima', startedAt: '2026-11-28T04:38:00.000Z' }));
    await expect(WorkspaceLock.acquire(lockFile)).rejects.toThrow(/on another computer \(newsroom-laptop-7, by ana\.lima, since 2026-11-28T04:38:00\.000Z\)\. Close it there first, or open it read-only here/);
    await rm(lockFile);
    const lock = await WorkspaceLock.acquire(lockFile);
    expect(await lockJson()).toMatchObject({ host: hostname(), user: userInfo().username, pid: process.pid });
    await lock.release();
  });
});

describe('a lock that is stale or not a lock at all', () => {
  it('is taken over when its process is gone, also in the format of older versions', async () => {
    await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: hostname(), startedAt: 'yesterday' }));
    await takesOver();
  });

  it('is cleared when it is an empty folder, leaving nothing behind', async () => {
    await mkdir(lockFile);
    await takesOver();
  });

  it('is refused, and left alone, when it is a folder with files in it, saying what to do', async () => {
    await mkdir(lockFile);
    await writeFile(path.join(lockFile, 'notes.txt'), 'someone’s notes');
    await expect(WorkspaceLock.acquire(lockFile)).rejects.toThrow(
      `${lockFile} is a folder with files in it, where Copydesk keeps the workspace's lock file. Move that folder elsewhere or delete it, then open the workspace again.`,
    );
    expect(await readFile(path.join(lockFile, 'notes.txt'), 'utf8')).toBe('someone’s notes');
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['garbage', '\u0000\u0001 not json'],
    ['JSON without a holder', '{"pid":"12"}'],
  ])('is cleared when it is %s', async (_, content) => {
    await writeFile(lockFile, content);
    await takesOver();
  });

  it('is cleared when it is a FIFO, without waiting on it', async () => {
    execFileSync('mkfifo', [lockFile]);
    await takesOver();
  });

  it('is cleared when it is a link, which is not followed: what it points to stays as it is', async () => {
    // The link leads to the lock of a live holder: followed, it would refuse.
    const holder = await holdInChild();
    const elsewhere = path.join(dir, 'elsewhere-lock');
    await writeFile(elsewhere, await readFile(lockFile));
    const theirs = await readFile(elsewhere, 'utf8');
    await rm(lockFile);
    await symlink(elsewhere, lockFile);
    await takesOver();
    expect(await readFile(elsewhere, 'utf8')).toBe(theirs);
    expect(holder.process.exitCode).toBeNull();
  });

  it('removes what interrupted takeovers left beside the lock', async () => {
    await writeFile(path.join(internal, `lock.stale-${DEAD_PID}-0a1b2c3d`), '{}');
    await writeFile(path.join(internal, `lock.stale-${DEAD_PID}`), '{}');
    await mkdir(path.join(internal, `lock.stale-${DEAD_PID + 1}`)); // an older version moved a folder aside
    await takesOver();
  });

  it('is released only by its holder', async () => {
    const lock = await WorkspaceLock.acquire(lockFile);
    const someoneElse = JSON.stringify({ pid: DEAD_PID, host: hostname(), startedAt: 'now' });
    await writeFile(lockFile, someoneElse);
    await lock.release();
    expect(await readFile(lockFile, 'utf8')).toBe(someoneElse);
  });
});

describe('processes racing for a stale lock', () => {
  it('never both win', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: hostname(), startedAt: 'yesterday' }));
      const startAt = Date.now() + 400;
      const racers = Array.from({ length: 4 }, () => startChild(childScript, [lockFile, String(startAt)]));
      children.push(...racers);
      const outcomes = await Promise.all(racers.map((child) => child.waitFor(/^(won|refused)/)));
      expect(outcomes.filter((line) => line === 'won'), `round ${round}: ${outcomes.join(' | ')}`).toHaveLength(1);
      for (const line of outcomes.filter((l) => l !== 'won')) expect(line).toMatch(/^refused This workspace is open in another Copydesk process/);
      const winner = racers[outcomes.indexOf('won')]!;
      expect((await lockJson()).pid).toBe(winner.process.pid);
      expect(await leftovers()).toEqual([]);
      for (const child of children.splice(0)) {
        child.process.kill('SIGKILL');
        await child.exited;
      }
    }
  });
});
