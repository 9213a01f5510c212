/**
 * The desktop shell as src/main/index.ts wires it: the window it opens, what it asks before
 * a window closes over unsaved edits, and what it denies. There is no Electron binary on
 * this machine, so the `electron` module is a recorder standing in for it (tests/electron
 * runs the real app where one exists); the workspace, the API host and the files are real.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../src/shared/api-methods';
import { RENDERER_CSP } from '../../../src/shared/csp';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  class WebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
    send(): void {}
  }
  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => [...BrowserWindow.all];
    static getFocusedWindow = () => BrowserWindow.all[0] ?? null;
    readonly webContents = new WebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {}
  }
  const recorded = {
    permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    quit: 0,
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    getAppPath: () => process.cwd(),
    getPath: () => {
      throw new Error('the test names the workspace with COPYDESK_WORKSPACE');
    },
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => void recorded.quit++,
    exit: () => undefined,
  });
  return {
    recorded,
    WebContents,
    module: {
      app,
      BrowserWindow,
      dialog: { showMessageBoxSync: vi.fn((_window: unknown, _options: unknown) => 1), showErrorBox: vi.fn() },
      ipcMain: {
        handle: (channel: string, listener: Listener) => void recorded.ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
      },
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.schemes.push(...schemes),
        handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => void recorded.protocolHandlers.set(scheme, handler),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => void (recorded.permissionRequest = handler),
          setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => void (recorded.permissionCheck = handler),
        },
      },
      shell: { openExternal: vi.fn((_url: string) => Promise.resolve()), openPath: vi.fn((_path: string) => Promise.resolve('')) },
    },
  };
});
vi.mock('electron', () => electron.module);

const { BrowserWindow, app, dialog, shell } = electron.module;
const { recorded } = electron;

/** A stand-in for an Electron event: records whether the shell called preventDefault. */
const event = () => {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
};

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-desktop-'));
  vi.stubEnv('COPYDESK_WORKSPACE', path.join(parent, 'workspace'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1), { timeout: 20_000 });
  expect(dialog.showErrorBox).not.toHaveBeenCalled();
});

afterAll(async () => {
  // Quitting closes the workspace (lock, index, watcher) before the app goes.
  const quitting = event();
  app.emit('will-quit', quitting);
  expect(quitting.prevented).toBe(true);
  await vi.waitFor(() => expect(recorded.quit).toBe(1), { timeout: 20_000 });
  vi.unstubAllEnvs();
  await rm(parent, { recursive: true, force: true });
});

describe('the desktop window', () => {
  it('is opened with context isolation and the sandbox, no Node in the page, on the app origin', () => {
    const [window] = BrowserWindow.all;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.js$/),
    });
    expect(window!.loadedUrl).toBe('copydesk://app/index.html');
  });

  it('asks before closing over unsaved edits, and stays unless told to close', () => {
    const [window] = BrowserWindow.all;
    const answers = [
      { button: 'Stay', closes: false },
      { button: 'Close anyway', closes: true },
    ];
    for (const { button, closes } of answers) {
      dialog.showMessageBoxSync.mockClear();
      let options: { buttons: string[]; defaultId: number; cancelId: number } | undefined;
      dialog.showMessageBoxSync.mockImplementationOnce((_window, o) => {
        options = o as typeof options;
        return options!.buttons.indexOf(button);
      });
      const unload = event();
      window!.webContents.emit('will-prevent-unload', unload);
      expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
      // In Electron, preventing will-prevent-unload is what lets the window close.
      expect(unload.prevented, `after ${button}`).toBe(closes);
      // Enter and Escape both pick Stay.
      expect(options!.buttons[options!.defaultId]).toBe('Stay');
      expect(options!.buttons[options!.cancelId]).toBe('Stay');
    }
  });

  it('serves the renderer from the app scheme, with the CSP', async () => {
    expect(recorded.schemes).toEqual([expect.objectContaining({ scheme: 'copydesk', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const response = await recorded.protocolHandlers.get('copydesk')!({ url: 'copydesk://app/index.html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('answers IPC on the contract channels only', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });
});

describe('what the desktop shell denies', () => {
  it('every permission a page asks for', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) recorded.permissionRequest!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck!()).toBe(false);
  });

  it('navigation away from the app, webviews and new windows; only web and mail links open, in the system browser', () => {
    const contents = new electron.WebContents();
    app.emit('web-contents-created', event(), contents);

    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'copydesk://other/index.html']) {
      const navigation = event();
      contents.emit('will-navigate', navigation, url);
      expect(navigation.prevented, url).toBe(true);
    }
    const own = event();
    contents.emit('will-navigate', own, 'copydesk://app/index.html');
    expect(own.prevented).toBe(false);

    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);

    shell.openExternal.mockClear();
    for (const url of ['https://example.org/report', 'mailto:desk@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share']) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.org/report', 'mailto:desk@example.org']);
  });
});
