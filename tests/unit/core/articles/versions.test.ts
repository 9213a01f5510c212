import { readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHost, type ApiHandler } from '../../../../src/core/api/api-host';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../../helpers/temp';

let ws: Workspace;
let dir: string;
let handle: ApiHandler;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  dir = t.dir;
  ws = await Workspace.open(t.dir, { watch: false });
  handle = createApiHost(ws).call;
});
afterEach(async () => {
  vi.useRealTimers();
  await ws.close();
  await cleanup();
});

async function call<T>(method: Parameters<ApiHandler>[0], payload: unknown): Promise<T> {
  const result = await handle(method, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function draft(text: string) {
  const created = await ws.articles.create({ headline: 'Harbour talks' });
  const saved = await ws.articles.save({ id: created.id, baseRevision: created.revision, body: bodyOf(text) });
  return { id: created.id, revision: saved.revision };
}

describe('article versions', () => {
  it('keeps a version when edits settle, at most every few minutes and never the same text twice', async () => {
    const { id, revision } = await draft('Negotiators met on Monday.');
    expect(await call('articles.keepSettledVersion', { id })).toEqual({ kept: true });
    // Too soon after the last one.
    const next = await ws.articles.save({ id, baseRevision: revision, body: bodyOf('Negotiators met on Tuesday.') });
    expect(await call('articles.keepSettledVersion', { id })).toEqual({ kept: false });
    // Later: kept; and again later without a change: not kept.
    const later = Date.now() + 4 * 60 * 1000;
    vi.useFakeTimers({ now: later, toFake: ['Date'] });
    expect(await call('articles.keepSettledVersion', { id })).toEqual({ kept: true });
    vi.setSystemTime(later + 4 * 60 * 1000);
    expect(await call('articles.keepSettledVersion', { id })).toEqual({ kept: false });

    const { versions } = await call<{ versions: Array<{ kind: string; preview: string; words: number; size: number; headline: string; at: string }> }>('articles.versions', { id });
    expect(versions.map((v) => v.preview)).toEqual(['Negotiators met on Tuesday.', 'Negotiators met on Monday.']);
    expect(versions[0]).toMatchObject({ kind: 'settled', words: 4, headline: 'Harbour talks' });
    expect(versions[0]!.size).toBeGreaterThan(100);
    expect(Date.parse(versions[0]!.at)).toBeGreaterThan(Date.parse(versions[1]!.at));
    expect(next.revision).toBeTruthy();
  });

  it('restores a version as a new save and keeps the text it replaces', async () => {
    const { id } = await draft('First draft of the lede.');
    await call('articles.keepSettledVersion', { id });
    const current = await ws.articles.get(id);
    const edited = await ws.articles.save({ id, baseRevision: current.revision, meta: { headline: 'Changed' }, body: bodyOf('A rewrite nobody liked.') });
    const [first] = (await ws.articles.versions(id));
    const restored = await call<{ revision: string }>('articles.restoreVersion', { id, versionId: first!.versionId, baseRevision: edited.revision });

    const after = await ws.articles.get(id);
    expect(after.revision).toBe(restored.revision);
    expect(after.meta.headline).toBe('Harbour talks');
    expect(JSON.stringify(after.body)).toContain('First draft of the lede.');
    const kinds = (await ws.articles.versions(id)).map((v) => [v.kind, v.preview]);
    expect(kinds).toEqual([
      ['before-restore', 'A rewrite nobody liked.'],
      ['settled', 'First draft of the lede.'],
    ]);
    // A stale base revision is a conflict, and nothing changes.
    const stale = await handle('articles.restoreVersion', { id, versionId: first!.versionId, baseRevision: edited.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ws.articles.versions(id)).length).toBe(2);
  });

  it('keeps the text before every status change', async () => {
    const { id, revision } = await draft('Ready for the desk.');
    await call('articles.setStatus', { id, baseRevision: revision, status: 'in-review', by: 'Ana' });
    const versions = await ws.articles.versions(id);
    expect(versions.map((v) => [v.kind, v.preview])).toEqual([['before-status', 'Ready for the desk.']]);
  });

  it('reads one version whole, and refuses names that are not versions', async () => {
    const { id } = await draft('Pay is nearly settled.');
    await ws.articles.keepSettled(id);
    const [only] = await ws.articles.versions(id);
    const version = await call<{ text: string; file: string; meta: { headline: string } }>('articles.version', { id, versionId: only!.versionId });
    expect(version.text).toBe('Pay is nearly settled.');
    expect(version.meta.headline).toBe('Harbour talks');
    expect(version.file).toBe(`.copydesk/history/${id}/${only!.versionId}`);
    for (const bad of ['../../articles/harbour-talks.json', 'notes.txt', '20261128T000000000Z-whatever.json']) {
      expect(await handle('articles.version', { id, versionId: bad })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await handle('articles.version', { id, versionId: '20200101T000000000Z-settled.json' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists a version file that cannot be read as unreadable instead of failing the list', async () => {
    const { id } = await draft('Text.');
    const folder = path.join(dir, '.copydesk', 'history', id);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '20200101T000000000Z-settled.json'), '{ not json');
    const versions = await ws.articles.versions(id);
    expect(versions).toMatchObject([{ versionId: '20200101T000000000Z-settled.json', readable: false }]);
    expect(await handle('articles.version', { id, versionId: versions[0]!.versionId })).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await readdir(folder)).toEqual(['20200101T000000000Z-settled.json']);
  });
});
