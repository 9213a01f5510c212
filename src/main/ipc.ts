/**
 * IPC registration: one handler per contract method. Each call is checked in this order
 * before the API host (which validates the payload with the method's schema) sees it:
 * the sender frame is the app's own page (the top frame, on the app origin); the payload
 * is within the request size cap that browser mode also applies; the window has a
 * workspace open. Each window has its own workspace, so the call goes to the host of the
 * window that sent it.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../shared/api-methods';
import { exceedsRequestSize, MAX_REQUEST_BYTES } from '../shared/body-limits';
import type { ApiResult } from '../shared/errors';
import type { ApiHandler } from '../core/api/api-host';

/** The part of ipcMain used here, so tests can pass a recorder (no Electron binary there). */
export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The fields of an invoke event the checks read. */
export type IpcSenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender?: { id: number } };

export interface IpcOptions {
  /** True for the app's own page. */
  isTrustedSender: (url: string | undefined) => boolean;
  /** The API host of the window that sent the call, or null when it has none. */
  handlerFor: (event: IpcSenderEvent) => ApiHandler | null;
  maxPayloadBytes?: number;
}

/** Why a call is refused before it reaches the host, or null when it may go ahead. */
export function refuseIpcCall(event: IpcSenderEvent, payload: unknown, options: Pick<IpcOptions, 'isTrustedSender' | 'maxPayloadBytes'>): ApiResult<never> | null {
  const frame = event.senderFrame;
  const url = frame?.url;
  // Only the page itself: a subframe (an export preview, say) never talks to the host.
  const isTop = !!frame && (frame.parent === null || frame.parent === undefined);
  if (!isTop || !options.isTrustedSender(url)) {
    return { ok: false, error: { code: 'foreign-frame', message: `IPC from ${url || 'an unknown frame'} is not accepted.` } };
  }
  const cap = options.maxPayloadBytes ?? MAX_REQUEST_BYTES;
  if (exceedsRequestSize(payload, cap)) {
    return { ok: false, error: { code: 'invalid-request', message: `The request is larger than ${Math.round(cap / 1024 / 1024)} MB.` } };
  }
  return null;
}

export function registerIpcHandlers(ipc: IpcRegistrar, options: IpcOptions): () => void {
  for (const method of API_METHODS) {
    ipc.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, payload: unknown): Promise<ApiResult<unknown>> => {
      const refused = refuseIpcCall(event, payload, options);
      if (refused) return refused;
      const handler = options.handlerFor(event);
      if (!handler) return { ok: false, error: { code: 'unavailable', message: 'This window has no workspace open yet.' } };
      return handler(method, payload);
    });
  }
  return () => {
    for (const method of API_METHODS) ipc.removeHandler(ipcChannel(method));
  };
}
