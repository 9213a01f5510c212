/**
 * The options of Copydesk's windows, built in one place so the security settings can be
 * checked by a test without an Electron binary.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { isSafeLinkUrl } from '../shared/safe-url';

/** The origin the renderer is served from in the desktop app. */
export const APP_SCHEME = 'copydesk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** A new workspace's window, before it has a size of its own. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 840 };

/** Where the window opens and what it is called; everything else is fixed here. */
export interface WindowPlace {
  width: number;
  height: number;
  x?: number;
  y?: number;
  title?: string;
}

export function buildWindowOptions(preloadPath: string, place: WindowPlace = DEFAULT_WINDOW_SIZE): BrowserWindowConstructorOptions {
  return {
    width: place.width,
    height: place.height,
    ...(place.x !== undefined && place.y !== undefined ? { x: place.x, y: place.y } : {}),
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: place.title ?? 'Copydesk',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** True for a frame showing Copydesk's own renderer (the only sender IPC answers). */
export function isTrustedRendererUrl(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return parsed.origin === dev.origin;
  }
  return false;
}

/** Links that open in the system browser: the project's one link rule. */
export function isExternalLinkAllowed(url: string): boolean {
  return isSafeLinkUrl(url);
}
