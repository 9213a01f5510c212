import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHandler } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { API_METHODS } from '../../../src/shared/api-methods';
import { contract } from '../../../src/shared/contract';
import { tempDir } from '../../helpers/temp';

let ws: Workspace;
let handle: ApiHandler;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  ws = await Workspace.open(t.dir, { watch: false });
  handle = createApiHost(ws).call;
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

describe('the API handler', () => {
  it('has a request and response schema for every method', () => {
    expect(Object.keys(contract).sort()).toEqual([...API_METHODS].sort());
  });

  it('calls the workspace with a valid payload', async () => {
    const created = await handle('articles.create', { meta: { headline: 'Hello' } });
    expect(created).toMatchObject({ ok: true, value: { slug: 'hello', meta: { headline: 'Hello' } } });
    const listed = await handle('articles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { articles: [{ headline: 'Hello' }] } });
  });

  it('names the field at fault in a malformed payload', async () => {
    expect(await handle('articles.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'id' }] },
    });
    const bad = await handle('articles.save', { id: '8b0a8c57-3f52-4d3e-9a53-0a0b8d1f2c3e', baseRevision: 'x', meta: { headline: 7 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'meta.headline' }] } });
    if (!bad.ok) expect(bad.error.message).toMatch(/meta\.headline/);
    expect(await handle('articles.save', { id: '8b0a8c57-3f52-4d3e-9a53-0a0b8d1f2c3e', baseRevision: 'x', body: { root: 'nope' } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'body.root' }] },
    });
    expect(await handle('articles.setStatus', { id: '8b0a8c57-3f52-4d3e-9a53-0a0b8d1f2c3e', baseRevision: 'x', status: 'published' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'status' }] },
    });
    // The status has its own method, where a gate can refuse it; a save cannot slip it in.
    const slipped = await handle('articles.create', { meta: { status: 'approved' } });
    expect(slipped).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'meta' }] } });
    if (!slipped.ok) expect(slipped.error.message).toMatch(/status/);
  });

  it('refuses unknown fields, unknown methods and non-object payloads', async () => {
    expect(await handle('articles.list', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle('articles.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await handle('articles.get', 'a string')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('changes nothing on a refused call', async () => {
    await handle('articles.create', { meta: { headline: 'Only one' } });
    await handle('articles.create', { meta: { headline: 12 } });
    await handle('articles.delete', { id: 'not-a-uuid' });
    expect(ws.articles.list().articles.map((a) => a.headline)).toEqual(['Only one']);
  });
});
