/**
 * Images travel with the article: the bundle carries each workspace image the body shows
 * under the name the page and the Markdown use; an image missing from the workspace stops
 * the export in the gate, named; a bundle imported into another workspace brings its
 * images along.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportGate } from '../../../../src/core/export/article-state';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import { importBundle } from '../../../../src/core/export/import-bundle';
import { writeBundle } from '../../../../src/core/export/write-bundle';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { body, paragraph, text } from '../../../fixtures/export/body-nodes';
import { tinyPng } from '../../../helpers/images';
import { AT, fileOf, jsonOf, sampleWorkspace, textOf } from './export-helpers';

const image = (asset: string, caption: string) => ({ type: 'image', version: 1, asset, alt: 'Cranes at dusk', caption, credit: 'Photo: J. Moreau' });

describe('images in a bundle', () => {
  let workspace: Workspace;
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ workspace, root, cleanup } = await sampleWorkspace()));
  afterEach(() => cleanup());

  it('carries each image under its asset name, shown by the page and the Markdown, listed in the manifest, and imported back', async () => {
    const png = tinyPng();
    const { asset } = await workspace.assets.put(png, 'cranes.png');
    const article = await workspace.articles.create({ headline: 'With a picture' }, body(paragraph(text('Above.')), image(asset, 'Cranes stood idle.'), image(asset, 'Again.')));
    expect((await exportGate(workspace, article.id)).problems).toEqual([]);
    const bundle = await buildBundle(workspace, article.id, { at: AT });
    expect(Buffer.from(fileOf(bundle, asset)).equals(png)).toBe(true);
    expect(bundle.files.filter((f) => f.path.startsWith('assets/'))).toHaveLength(1);
    expect(textOf(bundle, 'index.html')).toContain(`<img src="${asset}" alt="Cranes at dusk" />`);
    expect(textOf(bundle, 'article.md')).toContain(`![Cranes at dusk](${asset})`);
    expect((jsonOf(bundle, 'manifest.json').files as Array<{ path: string }>).map((f) => f.path)).toContain(asset);

    const written = await writeBundle(bundle, path.join(root, 'exports'), { zip: true });
    const other = await Workspace.open(path.join(root, 'other'), { watch: false });
    try {
      const imported = await importBundle(other, written.zipFile!);
      expect((await other.articles.get(imported.articleId)).body).toEqual(article.body);
      expect((await readFile(path.join(root, 'other', asset))).equals(png)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('stops at the gate when an image is missing, naming it and its caption', async () => {
    const { asset } = await workspace.assets.put(tinyPng(), 'cranes.png');
    const article = await workspace.articles.create({ headline: 'Lost picture' }, body(image(asset, 'Cranes stood idle.')));
    await rm(path.join(workspace.layout.root, asset));
    const { problems } = await exportGate(workspace, article.id);
    expect(problems.map((p) => p.code)).toEqual(['missing-image']);
    expect(problems[0]!.message).toMatch(/The image “Cranes stood idle\.” \(assets\/[0-9a-f]{64}\.png\) cannot go into the bundle: .*not in this workspace’s assets folder/);
    await expect(buildBundle(workspace, article.id, { at: AT })).rejects.toThrow(/not ready to publish/);
  });
});
