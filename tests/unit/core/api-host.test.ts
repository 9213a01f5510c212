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

describe('events through the host', () => {
  it('reach listeners checked against the event contract', async () => {
    const host = createApiHost(ws);
    const seen: unknown[] = [];
    const off = host.on('library.changed', (payload) => seen.push(payload));
    await host.call('articles.create', { meta: { headline: 'Evented' } });
    expect(seen).toMatchObject([{ changes: [{ kind: 'added', slug: 'evented', origin: 'app', summary: { headline: 'Evented' } }] }]);
    off();
    await host.call('articles.create', { meta: { headline: 'Unheard' } });
    expect(seen).toHaveLength(1);
    host.dispose();
  });

  it('holds back an event that breaks the contract, and says so', () => {
    const problems: string[] = [];
    const host = createApiHost(ws, { onEventRefused: (_event, problem) => problems.push(problem) });
    const seen: unknown[] = [];
    host.on('app.command', (payload) => seen.push(payload));
    expect(() => host.emit('app.command', { command: 'format-disk' } as never)).toThrow(/app\.command event broke the contract: command/);
    host.emit('app.command', { command: 'new-article' });
    expect(seen).toEqual([{ command: 'new-article' }]);
    // A change the workspace reports with a malformed summary never reaches a listener.
    const heard: unknown[] = [];
    host.on('library.changed', (payload) => heard.push(payload));
    (ws as unknown as { emitter: { emit: (name: string, value: unknown) => void } }).emitter.emit('library', [{ kind: 'exploded', slug: 1 }]);
    expect(heard).toEqual([]);
    expect(problems[0]).toMatch(/changes\.0\.kind/);
    host.dispose();
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const host = createApiHost(ws);
    expect(() => host.on('files.leaked' as never, () => undefined)).toThrow(/no event called "files.leaked"/);
    host.dispose();
  });
});
