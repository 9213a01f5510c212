/**
 * The renderer's API: `window.copydesk` in the desktop app, HTTP in browser mode; the
 * same typed, named methods either way.
 */
import { createApiClient, type CopydeskBridge } from '../../shared/api-client';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    copydesk?: CopydeskBridge;
  }
}

export const api = createApiClient(window.copydesk ?? createHttpBridge());
