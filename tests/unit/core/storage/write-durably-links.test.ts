/**
 * Writes never go through a symbolic link: a link left in a workspace may point at any of
 * the user's files, out of the workspace, and a save must not replace that file. Real
 * files and links in a temp folder. The race (a link swapped in during a write) cannot be
 * timed from outside, so two real fs calls are wrapped to swap it in at a chosen moment;
 * the calls themselves still run.
 */
import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../helpers/temp';

/** Runs once, just before the next rename of a temp file (`rename`) or just after the temp file's fsync (`synced`). */
const hooks: { synced?: () => Promise<void>; rename?: () => Promise<void> } = {};
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const take = async (name: 'synced' | 'rename') => {
    const hook = hooks[name];
    delete hooks[name];
    await hook?.();
  };
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await sync();
        if (String(args[0]).endsWith('.tmp')) await take('synced');
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      if (from.endsWith('.tmp')) await take('rename');
      return fs.rename(from, to);
    },
  };
});

const { moveDurably, writeFileDurably } = await import('../../../../src/core/storage/write-durably');

let dir: string;
let cleanup: () => Promise<void>;
let articles: string;
let outside: string;
let theirs: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  articles = path.join(dir, 'workspace', 'articles');
  outside = path.join(dir, 'elsewhere');
  await mkdir(articles, { recursive: true });
  await mkdir(outside);
  theirs = path.join(outside, 'theirs.txt');
  await writeFile(theirs, 'the user’s own file');
  delete hooks.synced;
  delete hooks.rename;
});
afterEach(() => cleanup());

const article = (name: string) => path.join(articles, name);
const isLink = async (file: string) => (await lstat(file)).isSymbolicLink();

async function expectTheirsUntouched(): Promise<void> {
  expect(await readFile(theirs, 'utf8')).toBe('the user’s own file');
  expect(await readdir(outside), 'no temp file beside the link’s target').toEqual(['theirs.txt']);
}

describe('writeFileDurably and links', () => {
  it('refuses to write to a path that is a link out of the workspace, changing nothing', async () => {
    await symlink(theirs, article('linked.json'));
    await expect(writeFileDurably(article('linked.json'), '{"saved":true}')).rejects.toMatchObject({
      code: 'ESYMLINK',
      message: expect.stringContaining('is a symbolic link; Copydesk does not write through links'),
    });
    await expectTheirsUntouched();
    expect(await isLink(article('linked.json'))).toBe(true);
    expect(await readdir(articles)).toEqual(['linked.json']);
  });

  it('refuses a link inside the workspace and a link that leads nowhere alike', async () => {
    await writeFile(article('original.json'), 'original');
    await symlink('original.json', article('alias.json'));
    await expect(writeFileDurably(article('alias.json'), 'new')).rejects.toMatchObject({ code: 'ESYMLINK' });
    expect(await readFile(article('original.json'), 'utf8')).toBe('original');
    await symlink(path.join(outside, 'not-yet.txt'), article('dangling.json'));
    await expect(writeFileDurably(article('dangling.json'), 'new')).rejects.toMatchObject({ code: 'ESYMLINK' });
    expect(await readdir(outside)).toEqual(['theirs.txt']);
  });

  it('never creates a file through a link when asked to create: the name is taken', async () => {
    await symlink(path.join(outside, 'not-yet.txt'), article('new.json'));
    await expect(writeFileDurably(article('new.json'), 'new', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readdir(outside)).toEqual(['theirs.txt']);
    expect(await isLink(article('new.json'))).toBe(true);
  });

  it('refuses a link swapped in while the temp file was written', async () => {
    await writeFile(article('a.json'), 'old');
    hooks.synced = async () => {
      await rm(article('a.json'));
      await symlink(theirs, article('a.json'));
    };
    await expect(writeFileDurably(article('a.json'), 'new')).rejects.toMatchObject({ code: 'ESYMLINK' });
    await expectTheirsUntouched();
    expect(await readdir(articles)).toEqual(['a.json']);
  });

  it('replaces, never writes through, a link swapped in after the last check', async () => {
    await writeFile(article('a.json'), 'old');
    hooks.rename = async () => {
      await rm(article('a.json'));
      await symlink(theirs, article('a.json'));
    };
    await writeFileDurably(article('a.json'), 'new');
    await expectTheirsUntouched();
    expect(await isLink(article('a.json'))).toBe(false);
    expect(await readFile(article('a.json'), 'utf8')).toBe('new');
  });

  it('still writes a plain file, keeping its permissions', async () => {
    await writeFile(article('plain.json'), 'old', { mode: 0o600 });
    await writeFileDurably(article('plain.json'), 'new');
    expect(await readFile(article('plain.json'), 'utf8')).toBe('new');
    expect((await lstat(article('plain.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('moveDurably and links', () => {
  it('does not move onto a link, even one that leads nowhere', async () => {
    await writeFile(article('a.json'), 'mine');
    await symlink(path.join(outside, 'not-yet.txt'), article('b.json'));
    await expect(moveDurably(article('a.json'), article('b.json'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await isLink(article('b.json'))).toBe(true);
    expect(await readFile(article('a.json'), 'utf8')).toBe('mine');
  });

  it('moves a link as a link: what it points to is neither moved nor changed', async () => {
    await symlink(theirs, article('linked.json'));
    await moveDurably(article('linked.json'), article('renamed.json'));
    expect(await isLink(article('renamed.json'))).toBe(true);
    await expectTheirsUntouched();
  });
});
