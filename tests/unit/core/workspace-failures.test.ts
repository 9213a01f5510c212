/**
 * Disk failures in the middle of a save. A failing disk cannot be made on demand here, so
 * this file wraps the real durable writer and makes the next move or write fail.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workspace as WorkspaceType } from '../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../helpers/temp';

const failNext: { move?: string; write?: string } = {};
vi.mock('../../../src/core/storage/write-durably', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/storage/write-durably')>();
  const failure = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });
  return {
    ...real,
    moveDurably: async (from: string, to: string) => {
      const code = failNext.move;
      failNext.move = undefined;
      if (code) throw failure(code);
      return real.moveDurably(from, to);
    },
    writeFileDurably: async (file: string, data: string | Uint8Array, options?: { exclusive?: boolean }) => {
      const code = failNext.write;
      failNext.write = undefined;
      if (code) throw failure(code);
      return real.writeFileDurably(file, data, options);
    },
  };
});

const { Workspace } = await import('../../../src/core/workspace/workspace');

let dir: string;
let cleanup: () => Promise<void>;
let ws: WorkspaceType;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { watch: false });
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});
const articleFile = (slug: string) => path.join(dir, 'articles', `${slug}.json`);

describe('a save when the disk fails', () => {
  it('keeps the old name when the new one is refused, and still saves the text', async () => {
    const a = await ws.articles.create({ headline: 'Old name' });
    failNext.move = 'EACCES';
    const saved = await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'New name' }, body: bodyOf('Saved anyway.') });
    expect(saved.slug).toBe('old-name');
    expect(await readFile(articleFile('old-name'), 'utf8')).toContain('Saved anyway.');
  });

  it('moves the file back when the write after a rename fails, and changes nothing', async () => {
    const a = await ws.articles.create({ headline: 'Before' });
    const before = await readFile(articleFile('before'), 'utf8');
    failNext.write = 'EIO';
    await expect(ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'After' } })).rejects.toThrow(/EIO/);
    expect(existsSync(articleFile('after'))).toBe(false);
    expect(await readFile(articleFile('before'), 'utf8')).toBe(before);
    const again = await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'After' } });
    expect(again.slug).toBe('after');
  });
});

describe('files that change identity or cannot be read for a moment', () => {
  it('an article whose file now holds another article is gone, and the other one is listed', async () => {
    const alpha = await ws.articles.create({ headline: 'Alpha' });
    const beta = await ws.articles.create({ headline: 'Beta' });
    const betaText = await readFile(articleFile('beta'), 'utf8');
    await writeFile(articleFile('alpha'), betaText.replace(beta.id, '6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a'));
    await expect(ws.articles.get(alpha.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(ws.articles.list().articles.map((x) => x.id).sort()).toEqual([beta.id, '6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a'].sort());
    expect(await readFile(articleFile('alpha'), 'utf8')).toContain('6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a');
  });

  it('a folder put where an article’s file was is listed as damaged, and nothing is written into it', async () => {
    const a = await ws.articles.create({ headline: 'Busy' });
    await rm(articleFile('busy'));
    await mkdir(articleFile('busy'));
    await expect(ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { dek: 'lost?' } })).rejects.toMatchObject({ code: 'damaged' });
    expect(ws.articles.list().articles).toEqual([]);
    expect(ws.articles.list().damaged).toMatchObject([{ slug: 'busy', reason: expect.stringMatching(/folder/) }]);
    expect(await readdir(articleFile('busy'))).toEqual([]);
  });

  it('opens with an index that cannot be read at all, and rebuilds it', async () => {
    const a = await ws.articles.create({ headline: 'Still here' });
    await ws.close();
    await rm(path.join(dir, '.copydesk', 'index.json'), { force: true });
    await mkdir(path.join(dir, '.copydesk', 'index.json'));
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.indexRebuiltBecause).toMatch(/folder/);
    expect(ws.articles.list().articles.map((x) => x.id)).toEqual([a.id]);
  });
});
