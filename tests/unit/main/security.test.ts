/**
 * Electron's checklist as src/main/security.ts applies it to a session and to each web
 * contents. Recorders stand in for Session and WebContents (no Electron binary here);
 * src/main/index.ts applies these same functions (desktop-shell.test.ts checks that).
 */
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, lockDownSession, NETWORK_URL_PATTERNS, openExternalChecked, type GuardableContents, type LockableSession } from '../../../src/main/security';
import { isTrustedRendererUrl } from '../../../src/main/window-options';

type Listener = (...args: never[]) => unknown;

function recordingSession() {
  const recorded = {
    request: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    check: undefined as undefined | ((...args: unknown[]) => boolean),
    device: undefined as undefined | ((...args: unknown[]) => boolean),
    listeners: new Map<string, Listener>(),
    filter: undefined as undefined | { urls: string[] },
    beforeRequest: undefined as undefined | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
  };
  const session: LockableSession = {
    setPermissionRequestHandler: (handler) => void (recorded.request = handler),
    setPermissionCheckHandler: (handler) => void (recorded.check = handler),
    setDevicePermissionHandler: (handler) => void (recorded.device = handler),
    on: (event, listener) => recorded.listeners.set(event, listener as Listener),
    webRequest: {
      onBeforeRequest: (filter, listener) => {
        recorded.filter = filter;
        recorded.beforeRequest = listener;
      },
    },
  };
  return { session, recorded };
}

const event = () => {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
};

describe('the session', () => {
  it('denies every permission request and check, every device and every download', () => {
    const { session, recorded } = recordingSession();
    lockDownSession(session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midiSysex', 'openExternal', 'fullscreen']) {
      recorded.request!(null, permission, (granted) => answers.push(granted));
    }
    expect(answers.every((granted) => granted === false)).toBe(true);
    expect(answers).toHaveLength(8);
    expect(recorded.check!(null, 'media', 'copydesk://app', {})).toBe(false);
    expect(recorded.device!({ deviceType: 'usb' })).toBe(false);
    const download = event();
    (recorded.listeners.get('will-download') as (e: typeof download) => void)(download);
    expect(download.prevented).toBe(true);
  });

  it('cancels every request the page makes to the web, except the dev server in development', () => {
    const { session, recorded } = recordingSession();
    lockDownSession(session);
    expect(recorded.filter!.urls).toEqual(NETWORK_URL_PATTERNS);
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      recorded.beforeRequest!({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
    expect(cancelled('wss://example.org/socket')).toBe(true);
    expect(cancelled('http://localhost:5173/src/main.tsx')).toBe(true);

    const dev = recordingSession();
    lockDownSession(dev.session, 'http://localhost:5173');
    let answer: boolean | undefined;
    dev.recorded.beforeRequest!({ url: 'http://localhost:5173/src/main.tsx' }, ({ cancel }) => (answer = cancel));
    expect(answer).toBe(false);
    dev.recorded.beforeRequest!({ url: 'http://localhost:5174/' }, ({ cancel }) => (answer = cancel));
    expect(answer).toBe(true);
  });
});

function recordingContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler) => void (openHandler = handler),
  } as GuardableContents;
  return { contents, listeners, open: (url: string) => openHandler!({ url }) };
}

describe('each web contents', () => {
  const options = (openExternal = vi.fn((_url: string) => Promise.resolve())) => ({ isTrustedUrl: (url: string) => isTrustedRendererUrl(url), openExternal });

  it('refuses navigation and redirects away from the app', () => {
    const { contents, listeners } = recordingContents();
    guardWebContents(contents, options());
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'copydesk://other/index.html', 'javascript:alert(1)', 'data:text/html,<script>1</script>']) {
        const e = event();
        (listeners.get(name) as (e: unknown, url: string) => void)(e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const home = event();
      (listeners.get(name) as (e: unknown, url: string) => void)(home, 'copydesk://app/index.html');
      expect(home.prevented).toBe(false);
    }
  });

  it('refuses to attach a webview', () => {
    const { contents, listeners } = recordingContents();
    guardWebContents(contents, options());
    const e = event();
    (listeners.get('will-attach-webview') as (e: unknown) => void)(e);
    expect(e.prevented).toBe(true);
  });

  it('denies window.open, handing only http, https and mailto links to the system browser', () => {
    const openExternal = vi.fn((_url: string) => Promise.resolve());
    const { contents, open } = recordingContents();
    guardWebContents(contents, options(openExternal));
    const urls = ['https://example.org/report', 'mailto:desk@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', ' \thttps://example.org/x', 'not a url'];
    for (const url of urls) expect(open(url), url).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.org/report', 'mailto:desk@example.org', 'https://example.org/x']);
  });

  it('never calls openExternal with what it did not check', () => {
    const openExternal = vi.fn((_url: string) => Promise.resolve());
    expect(openExternalChecked('vbscript:msgbox', openExternal)).toBe(false);
    expect(openExternalChecked(42, openExternal)).toBe(false);
    expect(openExternalChecked('HTTPS://EXAMPLE.ORG', openExternal)).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });
});
