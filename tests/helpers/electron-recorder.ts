/**
 * A recorder standing in for the `electron` module in tests of src/main/index.ts: there is
 * no Electron binary on this machine (tests/electron runs the real app where one exists).
 * Windows, web contents, the session, dialogs, the menu, the protocol and IPC record what
 * the shell does with them; tests drive them by emitting the events Electron would.
 *
 *   const electron = vi.hoisted(() => ({ current: null as ElectronRecorder | null }));
 *   vi.mock('electron', async () => (electron.current = (await import('../../helpers/electron-recorder')).createElectronRecorder()).module);
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export type ElectronRecorder = ReturnType<typeof createElectronRecorder>;

export function createElectronRecorder() {
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
  let nextId = 1;
  class WebContents extends Emitter {
    readonly id = nextId++;
    readonly sent: Array<[string, unknown]> = [];
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
  }
  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static focused: BrowserWindow | null = null;
    static getAllWindows = () => [...BrowserWindow.all];
    static getFocusedWindow = () => BrowserWindow.focused;
    readonly webContents = new WebContents();
    loadedUrl: string | undefined;
    closeCalls = 0;
    constructor(readonly options: { title?: string; width: number; webPreferences?: Record<string, unknown> }) {
      super();
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {}
    focus(): void {
      BrowserWindow.focused = this;
    }
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 30, y: 40, width: 1111, height: 777 });
    close(): void {
      this.closeCalls++;
    }
  }
  const recorded = {
    permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    devicePermission: undefined as undefined | (() => boolean),
    beforeRequest: undefined as undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    spellcheck: [] as Array<[string, unknown]>,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    menu: undefined as undefined | Array<{ label?: string; submenu?: Array<{ id?: string; click?: () => void }> }>,
    quit: 0,
    userData: '',
    documents: '',
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    getAppPath: () => process.cwd(),
    getPath: (name: string) => (name === 'userData' ? recorded.userData : name === 'documents' ? recorded.documents : '/nowhere'),
    getPreferredSystemLanguages: () => ['en-GB'],
    getVersion: () => '0.1.0',
    setAboutPanelOptions: () => undefined,
    showAboutPanel: () => undefined,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => void recorded.quit++,
    exit: () => undefined,
  });
  const defaultSession = Object.assign(new Emitter(), {
    setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => void (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => void (recorded.permissionCheck = handler),
    setDevicePermissionHandler: (handler: typeof recorded.devicePermission) => void (recorded.devicePermission = handler),
    webRequest: { onBeforeRequest: (_filter: unknown, listener: typeof recorded.beforeRequest) => void (recorded.beforeRequest = listener) },
    setSpellCheckerDictionaryDownloadURL: (url: string) => void recorded.spellcheck.push(['url', url]),
    setSpellCheckerEnabled: (enabled: boolean) => void recorded.spellcheck.push(['enabled', enabled]),
    setSpellCheckerLanguages: (languages: string[]) => void recorded.spellcheck.push(['languages', languages]),
  });
  return {
    recorded,
    WebContents,
    module: {
      app,
      BrowserWindow,
      clipboard: { writeText: vi.fn() },
      dialog: {
        showMessageBoxSync: vi.fn((_window: unknown, _options: unknown) => 1),
        showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
        showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
        showErrorBox: vi.fn(),
      },
      ipcMain: {
        handle: (channel: string, listener: Listener) => void recorded.ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => template,
        setApplicationMenu: (menu: typeof recorded.menu) => void (recorded.menu = menu),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.schemes.push(...schemes),
        handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => void recorded.protocolHandlers.set(scheme, handler),
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      session: { defaultSession },
      shell: { openExternal: vi.fn((_url: string) => Promise.resolve()), openPath: vi.fn((_path: string) => Promise.resolve('')), showItemInFolder: vi.fn((_path: string) => undefined) },
    },
  };
}
