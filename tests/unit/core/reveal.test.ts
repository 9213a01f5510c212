/** Reveal in Folder through the API host, on a real workspace in a temp folder; the shell's `show` is a recorder. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { tempDir } from '../../helpers/temp';

let ws: Workspace;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { watch: false });
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

describe('workspace.reveal', () => {
  it('shows an article’s file, and a bundle folder of the workspace, through the shell', async () => {
    const shown: string[] = [];
    const host = createApiHost(ws, { reveal: (file) => shown.push(file) });
    const article = await ws.articles.create({ headline: 'Harbour pilots warn' });
    expect(await host.call('workspace.reveal', { articleId: article.id })).toEqual({ ok: true, value: { path: path.join(dir, 'articles', 'harbour-pilots-warn.json'), shown: true } });
    await mkdir(path.join(dir, 'exports', 'harbour-pilots-warn'), { recursive: true });
    await host.call('workspace.reveal', { path: path.join(dir, 'exports', 'harbour-pilots-warn') });
    await host.call('workspace.reveal', { path: 'exports/harbour-pilots-warn' });
    expect(shown).toEqual([path.join(dir, 'articles', 'harbour-pilots-warn.json'), path.join(dir, 'exports', 'harbour-pilots-warn'), path.join(dir, 'exports', 'harbour-pilots-warn')]);
  });

  it('refuses anything outside the workspace, and what is not there, showing nothing', async () => {
    const shown: string[] = [];
    const host = createApiHost(ws, { reveal: (file) => shown.push(file) });
    await writeFile(path.join(path.dirname(dir), 'outside.txt'), 'x').catch(() => undefined);
    for (const request of [{ path: '../outside.txt' }, { path: '/etc/passwd' }, { path: path.join(dir, '..') }]) {
      expect(await host.call('workspace.reveal', request), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await host.call('workspace.reveal', { path: 'exports/nothing-here' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await host.call('workspace.reveal', { articleId: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(shown).toEqual([]);
  });

  it('gives the path instead where the shell cannot show folders (browser mode)', async () => {
    const host = createApiHost(ws);
    const article = await ws.articles.create({ headline: 'Quay figures' });
    expect(await host.call('workspace.reveal', { articleId: article.id })).toEqual({ ok: true, value: { path: path.join(dir, 'articles', 'quay-figures.json'), shown: false } });
  });
});

describe('workspace.windowState', () => {
  it('keeps nothing where the shell has nowhere to keep it (browser mode)', async () => {
    const host = createApiHost(ws);
    expect(await host.call('workspace.windowState', { sidebar: 'collapsed' })).toEqual({ ok: true, value: { sidebar: null, kept: false } });
  });
});
