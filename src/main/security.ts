/**
 * Electron's security checklist for sessions and web contents, in functions that take the
 * few methods they use (so tests drive them with recorders; there is no Electron binary
 * here): every permission request and check denied, no device access, no downloads, no
 * request to the web from the page, navigation and redirects away from the app refused,
 * webviews refused, window.open denied with safe links handed to the system browser.
 */
import { safeLinkUrl } from '../shared/safe-url';

/** The part of Electron's Session this module sets. */
export interface LockableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Schemes the page could use to reach a network: refused before a byte leaves. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * Denies every permission, device and download, and every web request the page makes
 * (the CSP already forbids them; this is the second lock). `devServerUrl` is the one
 * exception, for `electron-vite dev` only.
 */
export function lockDownSession(session: LockableSession, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    let origin: string | null = null;
    try {
      origin = new URL(details.url).origin;
    } catch {
      origin = null;
    }
    callback({ cancel: !(devOrigin && origin === devOrigin) });
  });
}

/** The part of Electron's WebContents this module sets. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsGuardOptions {
  /** True for the app's own pages (copydesk://app/, or the dev server). */
  isTrustedUrl: (url: string) => boolean;
  /** Electron's shell.openExternal; only ever called by `openExternalChecked`. */
  openExternal: (url: string) => Promise<void>;
}

/** Opens a link in the system browser only if its scheme is http, https or mailto; true when opened. */
export function openExternalChecked(url: unknown, openExternal: (url: string) => Promise<void>): boolean {
  const safe = safeLinkUrl(url);
  if (!safe) return false;
  openExternal(safe).catch((error: unknown) => console.error(`Copydesk could not open ${safe}:`, error));
  return true;
}

/** Guards one web contents: no navigation or redirect away from the app, no webview, no new window. */
export function guardWebContents(contents: GuardableContents, options: ContentsGuardOptions): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!options.isTrustedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalChecked(url, options.openExternal);
    return { action: 'deny' };
  });
}
