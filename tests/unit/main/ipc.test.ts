/**
 * The desktop shell's IPC registration, driven through a recorder standing in for
 * ipcMain: there is no Electron binary on this machine (tests/electron runs the real app
 * where one exists).
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { registerIpcHandlers, type IpcRegistrar } from '../../../src/main/ipc';
import { isTrustedRendererUrl } from '../../../src/main/window-options';
import { API_METHODS, ipcChannel } from '../../../src/shared/api-methods';
import { exceedsRequestSize, MAX_REQUEST_BYTES } from '../../../src/shared/body-limits';
import { MAX_BODY_BYTES } from '../../../src/web/server';
import { tempDir } from '../../helpers/temp';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

let ws: Workspace;
let cleanup: () => Promise<void>;
const handlers = new Map<string, Listener>();
const recorder: IpcRegistrar = {
  handle: (channel: string, listener: unknown) => void handlers.set(channel, listener as Listener),
  removeHandler: (channel: string) => void handlers.delete(channel),
};
const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  ws = await Workspace.open(t.dir, { watch: false });
});
afterEach(async () => {
  handlers.clear();
  await ws.close();
  await cleanup();
});

describe('IPC registration', () => {
  it('registers one channel per contract method and removes them all', () => {
    const unregister = registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url) });
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('validates the payload and names the field at fault', async () => {
    registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url) });
    const result = await handlers.get(ipcChannel('articles.create'))!(from('copydesk://app/index.html'), { meta: { headline: ['x'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'meta.headline' }] } });
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('answers the app’s own frame', async () => {
    registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url) });
    const result = await handlers.get(ipcChannel('articles.create'))!(from('copydesk://app/index.html'), { meta: { headline: 'From IPC' } });
    expect(result).toMatchObject({ ok: true, value: { slug: 'from-ipc' } });
  });

  it('refuses frames that are not the app, before looking at the payload', async () => {
    registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url) });
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'copydesk://other/index.html', '']) {
      const result = await handlers.get(ipcChannel('articles.create'))!(from(url), { meta: { headline: 'sneaky' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'foreign-frame' } });
    }
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('refuses a frame inside the app’s page (an export preview), even on the app origin', async () => {
    registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url) });
    const subframe = { senderFrame: { url: 'copydesk://app/index.html', parent: { url: 'copydesk://app/index.html' } } } as unknown as IpcMainInvokeEvent;
    const result = await handlers.get(ipcChannel('articles.create'))!(subframe, { meta: { headline: 'From a frame' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'foreign-frame' } });
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('refuses a payload over the size cap before it is parsed, as browser mode does', async () => {
    registerIpcHandlers(recorder, { handlerFor: () => createApiHost(ws).call, isTrustedSender: (url) => isTrustedRendererUrl(url), maxPayloadBytes: 1024 });
    const result = await handlers.get(ipcChannel('articles.create'))!(from('copydesk://app/index.html'), { meta: { headline: 'x'.repeat(2000) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/larger than/) } });
    expect(ws.articles.list().articles).toEqual([]);
    expect(MAX_REQUEST_BYTES).toBe(MAX_BODY_BYTES);
  });

  it('sends each call to the workspace of the window that made it', async () => {
    const other = await tempDir();
    const second = await Workspace.open(other.dir, { watch: false });
    try {
      const hosts = new Map([
        [1, createApiHost(ws).call],
        [2, createApiHost(second).call],
      ]);
      registerIpcHandlers(recorder, { handlerFor: (event) => hosts.get(event.sender!.id) ?? null, isTrustedSender: (url) => isTrustedRendererUrl(url) });
      const fromWindow = (id: number) => ({ senderFrame: { url: 'copydesk://app/index.html' }, sender: { id } }) as unknown as IpcMainInvokeEvent;
      await handlers.get(ipcChannel('articles.create'))!(fromWindow(2), { meta: { headline: 'Second desk' } });
      expect(second.articles.list().articles.map((a) => a.headline)).toEqual(['Second desk']);
      expect(ws.articles.list().articles).toEqual([]);
      // A window with no workspace (yet) gets a plain refusal.
      expect(await handlers.get(ipcChannel('articles.list'))!(fromWindow(3), {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await second.close();
      await other.cleanup();
    }
  });
});

describe('the request size count', () => {
  it('counts strings, numbers, keys and bytes, and stops at the cap', () => {
    expect(exceedsRequestSize({ a: 'x'.repeat(100) }, 200)).toBe(false);
    expect(exceedsRequestSize({ a: 'x'.repeat(300) }, 200)).toBe(true);
    expect(exceedsRequestSize([new Uint8Array(500)], 200)).toBe(true);
    expect(exceedsRequestSize(Array.from({ length: 100 }, () => 1), 200)).toBe(true);
    // A huge array is not walked to its end.
    const huge = new Array(5_000_000).fill('word');
    const started = performance.now();
    expect(exceedsRequestSize(huge, 1024)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
