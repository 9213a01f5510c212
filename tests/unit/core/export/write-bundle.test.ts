/**
 * Writing a bundle is atomic: everything goes to a hidden temp folder beside the target
 * and is renamed into place at the end. A write that fails at any file, or at the zip,
 * leaves no partial bundle and the older bundle exactly as it was; what sits at the target
 * and is not a Copydesk bundle is never replaced.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import type { Bundle } from '../../../../src/core/export/bundle-types';
import { writeBundle } from '../../../../src/core/export/write-bundle';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { AT, filesUnder, sampleWorkspace, sha } from './export-helpers';

/** The bytes of every file under a folder, by relative path. */
async function snapshotOf(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await filesUnder(root)) out[name] = sha(await readFile(path.join(root, name)).catch(() => Buffer.from('<folder>')));
  return out;
}

describe('writing a bundle', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  let outDir: string;
  let articleId: string;
  let first: Bundle;
  beforeEach(async () => {
    let root: string;
    ({ workspace, cleanup, root } = await sampleWorkspace());
    outDir = path.join(root, 'exports');
    articleId = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!.id;
    first = await buildBundle(workspace, articleId, { at: AT, override: 'test' });
  });
  afterEach(() => cleanup());

  it('puts every file of the bundle in <out>/<slug>/ and the zip at <out>/<slug>.zip, leaving no temp behind', async () => {
    const written = await writeBundle(first, outDir, { zip: true });
    expect(written.folder).toBe(path.join(outDir, first.slug));
    expect(written.zipFile).toBe(path.join(outDir, `${first.slug}.zip`));
    for (const file of first.files) expect(sha(await readFile(path.join(written.folder, file.path)))).toBe(sha(file.bytes));
    expect((await filesUnder(outDir)).filter((name) => !name.startsWith(`${first.slug}`))).toEqual([]);
  });

  it('replaces an older bundle of the article only when the new one is complete', async () => {
    await writeBundle(first, outDir, { zip: true });
    const article = await workspace.articles.get(articleId);
    await workspace.articles.save({ id: articleId, baseRevision: article.revision, meta: { dek: 'A new dek for the second export.' } });
    const second = await buildBundle(workspace, articleId, { at: new Date('2026-12-02T08:00:00Z'), override: 'test' });
    await writeBundle(second, outDir, { zip: true });
    expect(await readFile(path.join(outDir, second.slug, 'index.html'), 'utf8')).toContain('A new dek for the second export.');
    expect((await filesUnder(outDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  for (const [what, failOn] of [
    ['the third file', (file: string, n: number) => n === 3],
    ['the manifest', (file: string) => file.endsWith('manifest.json')],
    ['the zip', (file: string) => file.includes('.zip.tmp-')],
  ] as const) {
    it(`leaves the older bundle intact and nothing partial when writing ${what} fails`, async () => {
      await writeBundle(first, outDir, { zip: true });
      const before = await snapshotOf(outDir);
      const article = await workspace.articles.get(articleId);
      await workspace.articles.save({ id: articleId, baseRevision: article.revision, meta: { dek: 'Changed.' } });
      const second = await buildBundle(workspace, articleId, { at: AT, override: 'test' });
      let n = 0;
      const failing = async (file: string, bytes: Uint8Array) => {
        n += 1;
        if (failOn(file, n)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        await writeFile(file, bytes, { flag: 'wx' });
      };
      await expect(writeBundle(second, outDir, { zip: true, writeFile: failing })).rejects.toThrow(/no space left/);
      expect(await snapshotOf(outDir)).toEqual(before);
    });
  }

  it('refuses to replace a file, a folder that is not a bundle, or a link where the bundle would go', async () => {
    await mkdir(outDir, { recursive: true });
    const target = path.join(outDir, first.slug);
    await writeFile(target, 'a file of the user’s');
    await expect(writeBundle(first, outDir, { zip: true })).rejects.toThrow(/not a Copydesk bundle/);
    expect(await readFile(target, 'utf8')).toBe('a file of the user’s');
    expect(await filesUnder(outDir)).toEqual([first.slug]);

    const other = path.join(outDir, 'other');
    await mkdir(path.join(other, first.slug), { recursive: true });
    await writeFile(path.join(other, first.slug, 'notes.txt'), 'keep me');
    await expect(writeBundle(first, other, { zip: false })).rejects.toThrow(/not a Copydesk bundle/);
    expect(await filesUnder(other)).toEqual([first.slug, `${first.slug}/notes.txt`]);

    const linked = path.join(outDir, 'linked');
    await mkdir(linked);
    await writeFile(path.join(outDir, 'elsewhere.zip'), 'not to be replaced');
    await symlink(path.join(outDir, 'elsewhere.zip'), path.join(linked, `${first.slug}.zip`));
    await expect(writeBundle(first, linked, { zip: true })).rejects.toThrow(/symbolic link/);
    expect(await readFile(path.join(outDir, 'elsewhere.zip'), 'utf8')).toBe('not to be replaced');
    expect(await filesUnder(linked)).toEqual([`${first.slug}.zip`]);
  });
});
