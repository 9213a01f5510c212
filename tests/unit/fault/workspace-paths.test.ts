/**
 * Where a workspace may live: a path with spaces, non-ASCII and very long names, and
 * articles whose headlines make the longest file names; and a workspace moved while
 * open (a clear message, nothing lost, nothing recreated where it was).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../helpers/temp';

async function call<T>(api: ReturnType<typeof createApiHost>, method: string, payload: unknown): Promise<T> {
  const result = await api.call(method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('a workspace on an unusual path', () => {
  it('works under spaces, non-ASCII and very long folder names, with the longest headlines', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      // Folder names near the 255-byte limit, nested past 1,000 characters of path.
      const long = (label: string) => `${label} ${'ä'.repeat(60)} ${'x'.repeat(60)}`;
      const root = path.join(dir, 'Redacção 2026', long('Ünïcode desk'), long('編輯部 archive'), long('semana 48'), 'Work space');
      expect(Buffer.byteLength(root)).toBeGreaterThan(600);
      await mkdir(root, { recursive: true });
      const ws = await Workspace.open(root);
      const api = createApiHost(ws);
      try {
        const headlines = ['Ação climática: o que muda em 2027', '東京の港湾労働者が「条件付き」で合意した理由'.repeat(20), 'ü'.repeat(500), 'A'.repeat(500)];
        for (const headline of headlines) {
          const created = await call<{ id: string; slug: string; revision: string }>(api, 'articles.create', { meta: { headline: headline.slice(0, 500), tags: ['port'] } });
          expect(Buffer.byteLength(`${created.slug}.json`), created.slug).toBeLessThanOrEqual(200);
          const saved = await call<{ revision: string }>(api, 'articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf('“We will sign,” said Ana Brito. 99,000 households.') });
          const renamed = await call<{ slug: string }>(api, 'articles.rename', { id: created.id, slug: `${headline.slice(0, 180)} v2` });
          expect(Buffer.byteLength(`${renamed.slug}.json`)).toBeLessThanOrEqual(200);
          const { trashId } = await call<{ trashId: string }>(api, 'articles.delete', { id: created.id });
          await call(api, 'trash.restore', { trashId });
          expect(saved.revision).toBeTruthy();
        }
        await call(api, 'sources.add', { fields: { title: 'Relatório do porto ü'.repeat(30), type: 'report' }, snapshot: { text: 'O porto disse 12 navios.', origin: 'pasted' } });
        const ids = (await call<{ articles: Array<{ id: string }> }>(api, 'articles.list', {})).articles.map((a) => a.id);
        const exported = await call<{ exported: unknown[]; failed: unknown[] }>(api, 'export.articles', { ids, zip: true, override: 'paths test' });
        expect(exported.failed).toEqual([]);
        expect(exported.exported).toHaveLength(headlines.length);
      } finally {
        api.dispose();
        await ws.close();
      }
      const again = await Workspace.open(root);
      expect(again.articles.list().articles).toHaveLength(4);
      expect(again.articles.list().damaged).toEqual([]);
      expect(again.sources.list().sources).toHaveLength(1);
      await again.close();
    } finally {
      await cleanup();
    }
  });
});

describe('a workspace moved while open', () => {
  it('says so when saving, keeps every saved byte where the folder went, and recreates nothing where it was', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const root = path.join(dir, 'desk');
      const ws = await Workspace.open(root);
      const api = createApiHost(ws);
      try {
        const created = await call<{ id: string; slug: string; revision: string }>(api, 'articles.create', { meta: { headline: 'Harbour pilots' } });
        const saved = await call<{ revision: string }>(api, 'articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf('Saved before the move.') });
        const moved = path.join(dir, 'moved desk');
        await rename(root, moved);
        const refused = await api.call('articles.save', { id: created.id, baseRevision: saved.revision, body: bodyOf('Typed after the move.') });
        expect(refused.ok).toBe(false);
        if (!refused.ok) {
          expect(refused.error.message).toMatch(/workspace folder .*desk.* is no longer there/);
          expect(refused.error.message).toMatch(/moved, renamed or removed/);
          expect(refused.error.message).toMatch(/Nothing was written/);
        }
        const create = await api.call('articles.create', { meta: { headline: 'After the move' } });
        expect(create.ok).toBe(false);
        expect(existsSync(root) ? await readdir(root, { recursive: true }) : [], 'nothing recreated at the old place').toEqual([]);
        expect(await readFile(path.join(moved, 'articles', 'harbour-pilots.json'), 'utf8')).toContain('Saved before the move.');
        expect((await readdir(path.join(moved, 'articles'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      } finally {
        api.dispose();
        await ws.close().catch(() => undefined);
      }
    } finally {
      await cleanup();
    }
  });
});
