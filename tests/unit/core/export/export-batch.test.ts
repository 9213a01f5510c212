/**
 * A batch export goes through every article, reporting progress after each: one the gate
 * stops is reported with its problems, one that fails is reported with its reason, and
 * neither stops the others.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch, type BatchProgress } from '../../../../src/core/export';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { body, paragraph, text } from '../../../fixtures/export/body-nodes';
import { AT, filesUnder, sampleWorkspace } from './export-helpers';

describe('a batch export', () => {
  let workspace: Workspace;
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ workspace, root, cleanup } = await sampleWorkspace()));
  afterEach(() => cleanup());

  it('exports what it can, and reports what the gate stopped and what failed, with progress after each', async () => {
    const clean = await workspace.articles.create({ headline: 'A clean brief', kicker: 'Brief' }, body(paragraph(text('Nothing here needs a source.'))));
    const stopped = await workspace.articles.create({ headline: 'Still drafting' }, body(paragraph(text('The figure is TK.'))));
    const progress: BatchProgress[] = [];
    const outDir = path.join(root, 'exports');
    const summary = await exportBatch(workspace, [stopped.id, 'no-such-article', clean.id], { outDir, at: AT, zip: true, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { done: 1, total: 3, articleId: stopped.id, outcome: 'refused' },
      { done: 2, total: 3, articleId: 'no-such-article', outcome: 'failed' },
      { done: 3, total: 3, articleId: clean.id, outcome: 'exported' },
    ]);
    expect(summary.refused).toEqual([{ articleId: stopped.id, problems: [expect.objectContaining({ code: 'editor-note' })] }]);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.message).toMatch(/no-such-article/);
    expect(summary.exported).toEqual([{ articleId: clean.id, slug: clean.slug, folder: path.join(outDir, clean.slug), zipFile: path.join(outDir, `${clean.slug}.zip`) }]);
    expect(await filesUnder(outDir)).toContain(`${clean.slug}/manifest.json`);
    expect((await filesUnder(outDir)).some((name) => name.startsWith(stopped.slug))).toBe(false);
  });

  it('goes on past a failing write, and exports past the gate with a reason kept in each manifest', async () => {
    const ids = workspace.articles.list().articles.map((a) => a.id);
    const outDir = path.join(root, 'exports');
    let writes = 0;
    const summary = await exportBatch(workspace, ids, {
      outDir,
      at: AT,
      zip: false,
      override: 'Samples for the training day',
      writeFile: async (file, bytes) => {
        writes += 1;
        if (writes === 2) throw new Error('the disk said no');
        const { writeFile } = await import('node:fs/promises');
        await writeFile(file, bytes, { flag: 'wx' });
      },
    });
    expect(summary.failed.map((f) => f.message)).toEqual(['the disk said no']);
    expect(summary.exported).toHaveLength(ids.length - 1);
    for (const { folder } of summary.exported) {
      const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { gate?: { override: string } };
      // The approved sample passes the gate: nothing was overridden, so no reason is recorded.
      expect(manifest.gate?.override ?? null).toBe(folder.includes('lindemeer-heating') ? null : 'Samples for the training day');
    }
    expect((await filesUnder(outDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
