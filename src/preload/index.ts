/**
 * Exposes `window.copydesk`: one named method per contract method and a typed event
 * subscription. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from '../shared/api-client';
import { API_EVENTS, ipcChannel, ipcEventChannel } from '../shared/api-methods';
import type { ApiResult } from '../shared/errors';

const bridge = createBridge(
  (method, request) => ipcRenderer.invoke(ipcChannel(method), request) as Promise<ApiResult<unknown>>,
  (event, listener) => {
    if (!(API_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const channel = ipcEventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.off(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('copydesk', bridge);
