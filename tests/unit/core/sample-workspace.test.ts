/**
 * The sample workspace seeds every first run: it must be valid, realistic enough to
 * exercise attribution review, and open cleanly.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { parseArticleBytes } from '../../../src/core/articles/article-file';
import { openOrCreateWorkspace } from '../../../src/core/workspace/open-workspace';
import { slugify } from '../../../src/shared/slug';
import { sourceFileSchema } from '../../../src/shared/source';
import { tempDir } from '../../helpers/temp';

const jsonFiles = async (folder: string) => (await readdir(path.join(SAMPLE_WORKSPACE, folder))).filter((n) => n.endsWith('.json'));

describe('the sample workspace', () => {
  it('holds at least 3 valid analyses with subheads, quotes and figures, each named by its headline', async () => {
    const names = await jsonFiles('articles');
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const parsed = parseArticleBytes(await readFile(path.join(SAMPLE_WORKSPACE, 'articles', name)));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
      const { meta, body } = parsed.value;
      expect(name).toBe(`${slugify(meta.headline)}.json`);
      expect(meta.kicker).toMatch(/Analysis/);
      expect(meta.dek.length).toBeGreaterThan(40);
      const text = JSON.stringify(body);
      expect(text).toContain('"tag":"h2"');
      expect(text).toMatch(/“[^”]{3,}”/);
      expect(text).toMatch(/\bsaid\b/);
      expect(text).toMatch(/\d{2,}/);
    }
  });

  it('holds at least 5 sources with text snapshots, and every reference resolves', async () => {
    const names = await jsonFiles('sources');
    expect(names.length).toBeGreaterThanOrEqual(5);
    const ids = new Set<string>();
    for (const name of names) {
      const source = sourceFileSchema.parse(JSON.parse(await readFile(path.join(SAMPLE_WORKSPACE, 'sources', name), 'utf8')));
      expect(name).toBe(`${source.id}.json`);
      expect(source.snapshot?.text.length ?? 0).toBeGreaterThan(1000);
      ids.add(source.id);
    }
    const articleIds = new Set<string>();
    const articles = [];
    for (const name of await jsonFiles('articles')) {
      const parsed = parseArticleBytes(await readFile(path.join(SAMPLE_WORKSPACE, 'articles', name)));
      if (parsed.ok) {
        articles.push(parsed.value);
        articleIds.add(parsed.value.id);
      }
    }
    for (const article of articles) {
      for (const sourceId of article.meta.sourceIds) expect(ids.has(sourceId), sourceId).toBe(true);
      for (const related of article.meta.related) expect(articleIds.has(related), related).toBe(true);
    }
  });

  it('seeds a fresh workspace that opens with nothing damaged', async () => {
    const { dir, cleanup } = await tempDir();
    const root = path.join(dir, 'first-run');
    const { workspace, seeded } = await openOrCreateWorkspace(root, SAMPLE_WORKSPACE, { watch: false });
    expect(seeded).toBe(true);
    expect(workspace.articles.list().articles.length).toBe((await jsonFiles('articles')).length);
    expect(workspace.articles.list().damaged).toEqual([]);
    expect((await readdir(path.join(root, 'sources'))).length).toBe((await jsonFiles('sources')).length);
    await workspace.close();
    // A folder that already has files is never seeded over.
    const again = await openOrCreateWorkspace(root, SAMPLE_WORKSPACE, { watch: false });
    expect(again.seeded).toBe(false);
    await again.workspace.close();
    await cleanup();
  });
});

describe('choosing a workspace folder', () => {
  it('refuses a folder that holds other things, and a file, and creates nothing in them', async () => {
    const { dir, cleanup } = await tempDir();
    const { mkdir, writeFile, readdir: list } = await import('node:fs/promises');
    const home = path.join(dir, 'home');
    await mkdir(home);
    await writeFile(path.join(home, 'taxes.pdf'), 'not an article');
    await expect(openOrCreateWorkspace(home, SAMPLE_WORKSPACE, { watch: false })).rejects.toThrow(/not a Copydesk workspace/);
    expect(await list(home)).toEqual(['taxes.pdf']);
    await expect(openOrCreateWorkspace(path.join(home, 'taxes.pdf'), SAMPLE_WORKSPACE, { watch: false })).rejects.toThrow(/is a file, not a folder/);
    await cleanup();
  });

  it('opens an existing workspace that has articles/ but no .copydesk/ yet (a fresh clone of one)', async () => {
    const { dir, cleanup } = await tempDir();
    const { cp } = await import('node:fs/promises');
    const clone = path.join(dir, 'clone');
    await cp(path.join(SAMPLE_WORKSPACE, 'articles'), path.join(clone, 'articles'), { recursive: true });
    const { workspace, seeded } = await openOrCreateWorkspace(clone, SAMPLE_WORKSPACE, { watch: false });
    expect(seeded).toBe(false);
    expect(workspace.articles.list().articles.length).toBeGreaterThanOrEqual(3);
    await workspace.close();
    await cleanup();
  });
});
