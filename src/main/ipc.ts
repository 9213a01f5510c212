/**
 * IPC registration: one handler per contract method, each checking the sender frame
 * before the payload goes to the shared API handler (which validates it with the schema).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../shared/api-methods';
import type { ApiResult } from '../shared/errors';
import type { ApiHandler } from '../core/api/api-host';

/** The part of ipcMain used here, so tests can pass a recorder (no Electron binary there). */
export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

export function registerIpcHandlers(
  ipc: IpcRegistrar,
  handler: ApiHandler,
  isTrustedSender: (url: string | undefined) => boolean,
): () => void {
  for (const method of API_METHODS) {
    ipc.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, payload: unknown): Promise<ApiResult<unknown>> => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url)) {
        return { ok: false, error: { code: 'foreign-frame', message: `IPC from ${url ?? 'an unknown frame'} is not accepted.` } };
      }
      return handler(method, payload);
    });
  }
  return () => {
    for (const method of API_METHODS) ipc.removeHandler(ipcChannel(method));
  };
}
