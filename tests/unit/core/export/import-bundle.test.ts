/**
 * A bundle comes back into a workspace as an equal article (fields, body, sources) — its
 * sources re-used when the library has them, added when not — and a hostile bundle is
 * refused whole: entries that would land outside, links, zip bombs, truncated or tampered
 * archives. Nothing is written outside the workspace, and nothing is half-imported.
 */
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, sha256 } from '../../../../src/core/export/build-bundle';
import type { Bundle } from '../../../../src/core/export/bundle-types';
import { importBundle } from '../../../../src/core/export/import-bundle';
import { writeBundle } from '../../../../src/core/export/write-bundle';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { Article } from '../../../../src/shared/article';
import { ApiError } from '../../../../src/shared/errors';
import { craftZip, type CraftedEntry } from '../../../fixtures/export/craft-zip';
import { attribution, paragraph, text, ITALIC } from '../../../fixtures/export/body-nodes';
import { AT, dataFilesUnder, sampleWorkspace } from './export-helpers';

const SOURCE = 'northsea-wire-maasgate-talks-2026-11-10';
const FIELDS = ['headline', 'dek', 'kicker', 'section', 'bylines', 'dateline', 'language', 'tags', 'aiDisclosure', 'slugLocked', 'related'] as const;
const fieldsOf = (article: Article) => Object.fromEntries(FIELDS.map((f) => [f, article.meta[f]]));

/** A source as the article relies on it: its CSL fields but the id, and its snapshot's text. */
async function sourcesOf(workspace: Workspace, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const source = await workspace.sources.get(id);
      const csl: Record<string, unknown> = { ...source.csl };
      delete csl.id;
      return { csl, text: source.snapshot?.text ?? null };
    }),
  );
}

/** The bundle's files with one changed, added or dropped, and the manifest made to match. */
function rebundled(bundle: Bundle, change: (files: Map<string, Uint8Array>) => void): CraftedEntry[] {
  const files = new Map(bundle.files.filter((f) => f.path !== 'manifest.json').map((f) => [f.path, f.bytes]));
  change(files);
  const manifest = JSON.parse(new TextDecoder().decode(bundle.files.at(-1)!.bytes)) as { files: unknown };
  manifest.files = [...files].map(([p, bytes]) => ({ path: p, size: bytes.length, sha256: sha256(bytes) }));
  return [...[...files].map(([name, data]) => ({ name, data })), { name: 'manifest.json', data: JSON.stringify(manifest) }];
}

describe('importing a bundle', () => {
  let workspace: Workspace;
  let root: string;
  let cleanup: () => Promise<void>;
  let original: Article;
  let bundle: Bundle;
  beforeEach(async () => {
    ({ workspace, root, cleanup } = await sampleWorkspace());
    const sample = workspace.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!;
    const withAttribution = await workspace.articles.get(sample.id);
    await workspace.articles.save({
      id: sample.id,
      baseRevision: withAttribution.revision,
      body: { ...withAttribution.body, root: { ...withAttribution.body.root, children: [...withAttribution.body.root.children, paragraph(text('As the wire put it, '), attribution(SOURCE, 'para 3', text('talks resumed', ITALIC)), text('.'))] } },
    });
    original = await workspace.articles.get(sample.id);
    bundle = await buildBundle(workspace, sample.id, { at: AT, override: 'test' });
  });
  afterEach(() => cleanup());

  it('gives an equal article in another workspace, with its sources added to that library', async () => {
    const written = await writeBundle(bundle, path.join(root, 'exports'), { zip: true });
    const other = await Workspace.open(path.join(root, 'other'), { watch: false });
    try {
      for (const from of [written.zipFile!, written.folder]) {
        const imported = await importBundle(other, from);
        const article = await other.articles.get(imported.articleId);
        expect(imported.bundleArticleId).toBe(original.id);
        expect(fieldsOf(article)).toEqual(fieldsOf(original));
        expect(article.meta.status).toBe('draft');
        const toOriginal = new Map(imported.sources.map((s) => [s.id, s.bundleId]));
        expect(article.meta.sourceIds.map((id) => toOriginal.get(id))).toEqual(original.meta.sourceIds);
        const bodyBack = JSON.parse(JSON.stringify(article.body).replace(/"sourceId":"([^"]+)"/g, (_, id: string) => `"sourceId":"${toOriginal.get(id)}"`));
        expect(bodyBack).toEqual(original.body);
        expect(await sourcesOf(other, article.meta.sourceIds)).toEqual(await sourcesOf(workspace, original.meta.sourceIds));
      }
      // The second import found the first one's sources in the library and used them.
      expect(other.sources.list().sources).toHaveLength(original.meta.sourceIds.length);
    } finally {
      await other.close();
    }
  });

  it('re-uses the sources of its own library and gives the copy a new id', async () => {
    const written = await writeBundle(bundle, path.join(root, 'exports'), { zip: false });
    const sourcesBefore = workspace.sources.count;
    const imported = await importBundle(workspace, written.folder);
    expect(imported.articleId).not.toBe(original.id);
    expect(imported.sources.every((s) => s.reused && s.id === s.bundleId)).toBe(true);
    expect(workspace.sources.count).toBe(sourcesBefore);
    const copy = await workspace.articles.get(imported.articleId);
    expect(copy.body).toEqual(original.body);
    expect(copy.meta.sourceIds).toEqual(original.meta.sourceIds);
  });

  describe('refuses, writing nothing anywhere', () => {
    let before: string[];
    let counts: () => [number, number];
    beforeEach(async () => {
      counts = () => [workspace.articles.count, workspace.sources.count];
      before = await dataFilesUnder(root);
    });
    const refused = async (zip: Buffer | string, reason: RegExp) => {
      let target = zip;
      if (Buffer.isBuffer(zip)) {
        target = path.join(root, 'incoming.zip');
        await writeFile(target, zip);
      }
      const [articles, sources] = counts();
      const error = await importBundle(workspace, target as string).catch((e: unknown) => e);
      expect(error, String(reason)).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('invalid-request');
      expect((error as ApiError).message).toMatch(reason);
      expect(counts()).toEqual([articles, sources]);
      if (Buffer.isBuffer(zip)) await rm(target as string);
    };
    afterEach(async () => {
      expect(await dataFilesUnder(root)).toEqual(before);
    });

    const valid = () => bundle.files.map((f) => ({ name: f.path, data: f.bytes }));

    it('entries that would land outside the bundle, or links', async () => {
      const outside: Array<[string, RegExp]> = [
        ['../x', /outside the bundle/],
        ['/x', /absolute path/],
        ['a/../../x', /outside the bundle/],
        ['../bundle-evil/x', /outside the bundle/],
        ['./x', /outside the bundle/],
        ['a//x', /outside the bundle/],
        ['C:\\x', /backslash/],
        ['C:/x', /colon/],
        ['\\\\server\\share\\x', /backslash/],
      ];
      for (const [name, reason] of outside) await refused(craftZip([{ name, data: 'pwned' }, ...valid()]), reason);
      await refused(craftZip([...valid(), { name: 'sources/link.txt', data: '../../../etc/passwd', mode: 0o120777, stored: true }]), /link or a device/);
      // A name that stays inside but that the manifest does not list is not part of the bundle either.
      await refused(craftZip([...valid(), { name: 'bundle-evil/x', data: 'pwned' }]), /not listed in the manifest/);
      for (const place of ['x', 'bundle-evil', path.join('..', 'x')]) await expect(readFile(path.join(root, place))).rejects.toThrow();
    });

    it('zip bombs, checked while inflating whatever the headers declare', async () => {
      const zeros = Buffer.alloc(80 * 1024 * 1024);
      await refused(craftZip([{ name: 'sources/bomb.txt', data: zeros, declaredSize: 1_000 }, ...valid()]), /inflates past the limits/);
      const limits = { maxEntries: 5_000, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 };
      const third = Buffer.alloc(900 * 1024, 0x61);
      const total = craftZip([...['a', 'b', 'c'].map((n) => ({ name: `assets/${n}.txt`, data: third })), ...valid()]);
      await writeFile(path.join(root, 'total.zip'), total);
      await expect(importBundle(workspace, path.join(root, 'total.zip'), limits)).rejects.toThrow(/inflates past the limits|more than 2097152 bytes/);
      await expect(importBundle(workspace, path.join(root, 'total.zip'), { ...limits, maxEntries: 5 })).rejects.toThrow(/more than 5 files/);
      await rm(path.join(root, 'total.zip'));
    });

    it('truncated, damaged or tampered bundles', async () => {
      const zip = craftZip(valid());
      await refused(zip.subarray(0, Math.floor(zip.length * 0.6)), /no end record/);
      const damaged = Buffer.from(zip);
      damaged[200] = (damaged[200]! + 1) % 256;
      await refused(damaged, /cannot be inflated|does not match its size or checksum/);
      const tampered = valid().map((e) => (e.name === 'article.json' ? { ...e, data: new TextDecoder().decode(e.data).replace('Rotterdam', 'Amsterdam') } : e));
      await refused(craftZip(tampered), /article\.json does not match its sha-256/);
      await refused(craftZip(valid().filter((e) => e.name !== 'sources.json')), /sources\.json is listed in the manifest but missing/);
    });

    it('a bundle whose article the editor cannot open, before any source is added', async () => {
      const entries = rebundled(bundle, (files) => {
        const article = JSON.parse(new TextDecoder().decode(files.get('article.json'))) as { body: { root: { children: unknown[] } } };
        article.body.root.children.push({ type: 'hologram', version: 1, children: [] });
        files.set('article.json', new TextEncoder().encode(JSON.stringify(article)));
      });
      const other = await Workspace.open(path.join(root, 'empty'), { watch: false });
      const emptyBefore = await dataFilesUnder(path.join(root, 'empty'));
      try {
        await writeFile(path.join(root, 'bad.zip'), craftZip(entries));
        await expect(importBundle(other, path.join(root, 'bad.zip'))).rejects.toThrow(/cannot be opened by the editor/);
        expect([other.articles.count, other.sources.count]).toEqual([0, 0]);
        expect(await dataFilesUnder(path.join(root, 'empty'))).toEqual(emptyBefore);
      } finally {
        await other.close();
        await rm(path.join(root, 'bad.zip'));
        await rm(path.join(root, 'empty'), { recursive: true });
      }
    });

    it('a bundle folder holding a link, or a file its manifest does not list', async () => {
      const folder = path.join(root, 'folder-bundle');
      await writeBundle(bundle, folder, { zip: false });
      const inside = path.join(folder, bundle.slug);
      await symlink('/etc/passwd', path.join(inside, 'sources', 'passwd.txt'));
      await refused(inside, /link, not a file/);
      await rm(path.join(inside, 'sources', 'passwd.txt'));
      await mkdir(path.join(inside, 'extra'));
      await writeFile(path.join(inside, 'extra', 'note.txt'), 'hello');
      await refused(inside, /not listed in the manifest/);
      await rm(folder, { recursive: true });
    });
  });
});
