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
    const unregister = registerIpcHandlers(recorder, createApiHost(ws).call, (url) => isTrustedRendererUrl(url));
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('validates the payload and names the field at fault', async () => {
    registerIpcHandlers(recorder, createApiHost(ws).call, (url) => isTrustedRendererUrl(url));
    const result = await handlers.get(ipcChannel('articles.create'))!(from('copydesk://app/index.html'), { meta: { headline: ['x'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'meta.headline' }] } });
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('answers the app’s own frame', async () => {
    registerIpcHandlers(recorder, createApiHost(ws).call, (url) => isTrustedRendererUrl(url));
    const result = await handlers.get(ipcChannel('articles.create'))!(from('copydesk://app/index.html'), { meta: { headline: 'From IPC' } });
    expect(result).toMatchObject({ ok: true, value: { slug: 'from-ipc' } });
  });

  it('refuses frames that are not the app, before looking at the payload', async () => {
    registerIpcHandlers(recorder, createApiHost(ws).call, (url) => isTrustedRendererUrl(url));
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'copydesk://other/index.html', '']) {
      const result = await handlers.get(ipcChannel('articles.create'))!(from(url), { meta: { headline: 'sneaky' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'foreign-frame' } });
    }
    expect(ws.articles.list().articles).toEqual([]);
  });
});
