/**
 * A file that grows while it is read (a log another program appends to, a sync client
 * still writing) is read only up to the cap. The growth cannot be timed from outside, so
 * the stat of the opened file is wrapped to report the size the file had before it grew;
 * the reads themselves are real, and counted.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../helpers/temp';

const seen = { statedSize: 0, bytesRead: 0 };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const patched = {
    ...fs,
    fstatSync: ((fd: number) => Object.assign(fs.fstatSync(fd), { size: seen.statedSize })) as typeof fs.fstatSync,
    readSync: ((...args: Parameters<typeof fs.readSync>) => {
      const count = fs.readSync(...args);
      seen.bytesRead += count;
      return count;
    }) as typeof fs.readSync,
  };
  return { ...patched, default: patched };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    const stat = handle.stat.bind(handle);
    const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
    Object.assign(handle, {
      stat: async () => Object.assign(await stat(), { size: seen.statedSize }),
      read: async (...a: unknown[]) => {
        const result = await read(...a);
        seen.bytesRead += result.bytesRead;
        return result;
      },
    });
    return handle;
  };
  return { ...fs, open, default: { ...fs, open } };
});

const { readUserFile, readUserFileSync } = await import('../../../../src/core/storage/read-file');

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  seen.bytesRead = 0;
});
afterEach(() => cleanup());

describe.each([
  ['readUserFileSync', async (file: string, root: string, maxBytes: number) => readUserFileSync(file, { root, maxBytes })],
  ['readUserFile', (file: string, root: string, maxBytes: number) => readUserFile(file, { root, maxBytes })],
])('%s, for a file that grew after its stat', (_, read) => {
  const grown = Buffer.alloc(300 * 1024, 0x61); // 300 KB now; the stat said 10 bytes

  it('stops at the cap and refuses the file, having read no more than the cap and one byte', async () => {
    await writeFile(path.join(dir, 'log.json'), grown);
    seen.statedSize = 10;
    const result = await read(path.join(dir, 'log.json'), dir, 64 * 1024);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'refused', reason: 'it grew past 64 KB while being read, more than Copydesk reads from one file' },
    });
    expect(seen.bytesRead).toBe(64 * 1024 + 1);
  });

  it('reads all of it when it stays under the cap', async () => {
    await writeFile(path.join(dir, 'log.json'), grown);
    seen.statedSize = 10;
    const result = await read(path.join(dir, 'log.json'), dir, 1024 * 1024);
    expect(result.ok && result.value.bytes.equals(grown)).toBe(true);
    expect(result.ok && result.value.size).toBe(grown.length);
  });
});
