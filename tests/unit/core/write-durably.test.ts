import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DamagedFileError, DurableJSONFile } from '../../../src/core/storage/durable-json-file';
import { tempDir } from '../../helpers/temp';

// Records the order of the real file-system calls (they still run): the durability
// promise is about that order, which the resulting bytes alone cannot show.
const calls: string[] = [];
/** What each rename put in place, in the order the renames ran. */
const renamed: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (file: string, flags: string, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      const label = path.basename(file).endsWith('.tmp') ? 'temp' : flags === 'r' ? 'folder' : path.basename(file);
      calls.push(`open ${label}`);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`fsync ${label}`);
        return sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${path.basename(to)}`);
      renamed.push(await fs.readFile(from, 'utf8').catch(() => '(not a file)'));
      return fs.rename(from, to);
    },
  };
});

const { writeFileDurably } = await import('../../../src/core/storage/write-durably');

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  calls.length = 0;
  renamed.length = 0;
});
afterEach(() => cleanup());

describe('writeFileDurably', () => {
  it('fsyncs the temp file before the rename and the folder after it', async () => {
    await writeFileDurably(path.join(dir, 'a.json'), '{"x":1}');
    expect(calls).toEqual(['open temp', 'fsync temp', 'rename a.json', 'open folder', 'fsync folder']);
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"x":1}');
  });

  it('leaves no temp file behind', async () => {
    await writeFileDurably(path.join(dir, 'a.json'), 'one');
    await writeFileDurably(path.join(dir, 'a.json'), 'two');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('lands concurrent writes of one file in call order', async () => {
    const file = path.join(dir, 'a.json');
    const versions = Array.from({ length: 20 }, (_, i) => `v${i}`);
    await Promise.all(versions.map((text) => writeFileDurably(file, text)));
    // Every version reached the file, one whole write after another, in the order called.
    expect(renamed).toEqual(versions);
    expect(calls).toEqual(versions.flatMap(() => ['open temp', 'fsync temp', 'rename a.json', 'open folder', 'fsync folder']));
    expect(await readFile(file, 'utf8')).toBe('v19');
  });

  it('leaves what was there when the rename fails, and cleans its temp file', async () => {
    // A non-empty folder where the file should go: the temp file is written, the rename fails.
    const target = path.join(dir, 'a.json');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'keep me');
    await expect(writeFileDurably(target, 'new')).rejects.toThrow();
    expect(calls).toContain('fsync temp');
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('refuses to replace an existing file when asked to create', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'theirs');
    await expect(writeFileDurably(target, 'mine', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the file’s permissions, including bits the umask would take away', async () => {
    const file = path.join(dir, 'a.json');
    for (const mode of [0o600, 0o664, 0o640, 0o444]) {
      await writeFile(file, 'old');
      await chmod(file, mode);
      await writeFileDurably(file, `new ${mode}`);
      expect((await stat(file)).mode & 0o7777).toBe(mode);
      expect(await readFile(file, 'utf8')).toBe(`new ${mode}`);
      await chmod(file, 0o644);
    }
  });

  it('does the caller’s work while the temp file syncs, and renames only after the sync', async () => {
    const file = path.join(dir, 'a.json');
    let seenOnDisk: string | null = null;
    await writeFileDurably(file, 'new', {
      duringSync: () => {
        calls.push('work');
        seenOnDisk = existsSync(file) ? 'something' : null;
      },
    });
    expect(calls).toEqual(['open temp', 'fsync temp', 'work', 'rename a.json', 'open folder', 'fsync folder']);
    // The work ran before the new bytes were in place.
    expect(seenOnDisk).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('abandons the write when the work during the sync fails: the old bytes stay, no temp file is left', async () => {
    const file = path.join(dir, 'a.json');
    await writeFile(file, 'old');
    const failing = () => {
      throw new Error('summary failed');
    };
    await expect(writeFileDurably(file, 'new', { duringSync: failing })).rejects.toThrow('summary failed');
    expect(calls).not.toContain('rename a.json');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});

describe('DurableJSONFile (the lowdb adapter)', () => {
  it('reads null for a missing file and round-trips data through the durable writer', async () => {
    const adapter = new DurableJSONFile<{ n: number }>(path.join(dir, 'index.json'));
    expect(await adapter.read()).toBeNull();
    await adapter.write({ n: 3 });
    expect(calls).toContain('fsync temp');
    expect(await adapter.read()).toEqual({ n: 3 });
  });

  it('reports an unreadable file as damaged instead of treating it as empty', async () => {
    await writeFile(path.join(dir, 'index.json'), '{"n": ');
    await expect(new DurableJSONFile(path.join(dir, 'index.json')).read()).rejects.toBeInstanceOf(DamagedFileError);
    await writeFile(path.join(dir, 'index.json'), '');
    await expect(new DurableJSONFile(path.join(dir, 'index.json')).read()).rejects.toThrow(/empty/);
  });
});
