/**
 * The desktop shell as src/main/index.ts and desktop-app.ts wire it: the windows they open,
 * the session they lock down, IPC routed to each window's own workspace, the menu, a
 * second launch's arguments, what is remembered, quitting. There is no Electron binary on
 * this machine, so the `electron` module is a recorder standing in for it (tests/electron
 * runs the real app where one exists); the workspaces, the API hosts and the files are real.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel, ipcEventChannel } from '../../../src/shared/api-methods';
import { RENDERER_CSP } from '../../../src/shared/csp';
import type { ElectronRecorder } from '../../helpers/electron-recorder';

const electron = vi.hoisted(() => ({ current: null as unknown as ElectronRecorder }));
vi.mock('electron', async () => {
  const { createElectronRecorder } = await import('../../helpers/electron-recorder');
  electron.current = createElectronRecorder();
  return electron.current.module;
});

// Loads the recorder now, so the tests below can hold its parts; src/main sees the same one.
await import('electron');
const { BrowserWindow, app, dialog, shell } = electron.current.module;
const { recorded } = electron.current;

/** A stand-in for an Electron event: records whether the shell called preventDefault. */
const event = () => {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
};
const ipc = (method: (typeof API_METHODS)[number], senderId: number, payload: unknown) =>
  recorded.ipcHandlers.get(ipcChannel(method))!({ senderFrame: { url: 'copydesk://app/index.html', parent: null }, sender: { id: senderId } }, payload) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-desktop-'));
  recorded.userData = path.join(parent, 'user-data');
  recorded.documents = path.join(parent, 'Documents');
  await mkdir(recorded.userData);
  vi.stubEnv('COPYDESK_WORKSPACE', path.join(parent, 'workspace'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1), { timeout: 20_000 });
  expect(dialog.showErrorBox).not.toHaveBeenCalled();
});

afterAll(async () => {
  // Quitting closes every workspace (lock, index, watcher) before the app goes.
  app.emit('before-quit', event());
  const quitsBefore = recorded.quit;
  const quitting = event();
  app.emit('will-quit', quitting);
  expect(quitting.prevented).toBe(true);
  await vi.waitFor(() => expect(recorded.quit).toBe(quitsBefore + 1), { timeout: 20_000 });
  vi.unstubAllEnvs();
  await rm(parent, { recursive: true, force: true });
});

describe('the desktop window', () => {
  it('is opened with context isolation and the sandbox, no Node in the page, on the app origin, named after its workspace', () => {
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
    expect(window!.options.title).toBe('workspace — Copydesk');
    expect(window!.loadedUrl).toBe('copydesk://app/index.html');
  });

  it('keeps a window with unsaved edits open and retries the close while the page saves', async () => {
    const [window] = BrowserWindow.all;
    dialog.showMessageBoxSync.mockClear();
    const unload = event();
    window!.webContents.emit('will-prevent-unload', unload);
    // Not prevented: in Electron, preventing will-prevent-unload is what lets the window close.
    expect(unload.prevented).toBe(false);
    await vi.waitFor(() => expect(window!.closeCalls).toBe(1));
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled();
  });

  it('serves the renderer from the app scheme, with the CSP', async () => {
    expect(recorded.schemes).toEqual([expect.objectContaining({ scheme: 'copydesk', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const response = await recorded.protocolHandlers.get('copydesk')!({ url: 'copydesk://app/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect((await recorded.protocolHandlers.get('copydesk')!({ url: 'copydesk://app/..%2f..%2fpackage.json', method: 'GET' })).status).toBe(404);
  });

  it('answers IPC on the contract channels only, for the workspace of the window that asked', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    const [window] = BrowserWindow.all;
    const info = await ipc('workspace.info', window!.webContents.id, {});
    expect(info).toMatchObject({ ok: true, value: { path: path.join(parent, 'workspace') } });
    expect(await ipc('workspace.info', 9999, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('remembers the workspace as recent and to reopen, in userData', async () => {
    await vi.waitFor(async () => {
      const state = JSON.parse(await readFile(path.join(recorded.userData, 'desktop-state.json'), 'utf8'));
      expect(state.recent[0].path).toBe(path.join(parent, 'workspace'));
      expect(state.reopen).toEqual([path.join(parent, 'workspace')]);
    });
  });
});

describe('what the desktop shell denies', () => {
  it('every permission a page asks for, every device, every request to the web', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) recorded.permissionRequest!(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck!()).toBe(false);
    expect(recorded.devicePermission!()).toBe(false);
    let cancelled: boolean | undefined;
    recorded.beforeRequest!({ url: 'https://tracker.example/' }, ({ cancel }) => (cancelled = cancel));
    expect(cancelled).toBe(true);
  });

  it('the spellchecker’s downloads: its dictionaries come from a local folder, and with none shipped it is off', () => {
    expect(recorded.spellcheck[0]![0]).toBe('url');
    expect(String(recorded.spellcheck[0]![1])).toMatch(/^file:\/\/.*resources\/dictionaries\/$/);
    expect(recorded.spellcheck).toContainEqual(['enabled', false]);
  });

  it('navigation away from the app, webviews and new windows; only web and mail links open, in the system browser', () => {
    const contents = new electron.current.WebContents();
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

describe('menus and launches', () => {
  it('sends the menu’s New Article to the focused window as app.command', () => {
    const [window] = BrowserWindow.all;
    window!.focus();
    const file = recorded.menu!.find((m) => m.label === '&File')!;
    file.submenu!.find((item) => item.id === 'new-article')!.click!();
    expect(window!.webContents.sent).toContainEqual([ipcEventChannel('app.command'), { command: 'new-article' }]);
  });

  it('a second launch naming a document imports it into the focused window’s workspace', async () => {
    const [window] = BrowserWindow.all;
    const note = path.join(parent, 'harbour-notes.md');
    await writeFile(note, '# Harbour pilots warn of night-shift gaps\n\nThe port authority said the rosters were “under review”.\n');
    app.emit('second-instance', event(), ['electron', process.cwd(), note], parent);
    await vi.waitFor(async () => {
      const list = await ipc('articles.list', window!.webContents.id, {});
      expect((list.value as { articles: Array<{ headline: string }> }).articles.map((a) => a.headline)).toContain('Harbour pilots warn of night-shift gaps');
    });
  });

  it('reveals an article’s file in the system’s file manager (Reveal in Folder)', async () => {
    const [window] = BrowserWindow.all;
    const list = await ipc('articles.list', window!.webContents.id, {});
    const article = (list.value as { articles: Array<{ id: string; slug: string }> }).articles[0]!;
    expect(await ipc('workspace.reveal', window!.webContents.id, { articleId: article.id })).toMatchObject({ ok: true, value: { shown: true } });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(path.join(parent, 'workspace', 'articles', `${article.slug}.json`));
    shell.showItemInFolder.mockClear();
    expect(await ipc('workspace.reveal', window!.webContents.id, { path: '/etc' })).toMatchObject({ ok: false });
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('a second launch naming a folder opens that workspace in a window of its own, with its own IPC', async () => {
    const second = path.join(parent, 'elections');
    await mkdir(second);
    app.emit('second-instance', event(), ['electron', process.cwd(), second], parent);
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(2), { timeout: 20_000 });
    const window = BrowserWindow.all[1]!;
    expect(window.options.title).toBe('elections — Copydesk');
    const info = await ipc('workspace.info', window.webContents.id, {});
    expect(info).toMatchObject({ ok: true, value: { path: second, articleCount: 0 } });
    // The same folder again: the window it has is focused, no second one.
    app.emit('second-instance', event(), ['electron', process.cwd(), second], parent);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(BrowserWindow.all).toHaveLength(2);
    expect(BrowserWindow.focused).toBe(window);
  });
});

describe('a second launch with nothing to open', () => {
  it('brings the running Copydesk’s window forward', async () => {
    BrowserWindow.focused = null;
    app.emit('second-instance', event(), ['electron', process.cwd()], parent);
    await vi.waitFor(() => expect(BrowserWindow.focused).toBe(BrowserWindow.all[0]));
  });
});

describe('a workspace another Copydesk holds', () => {
  it('is refused with the lock’s own message, and no window opens', async () => {
    // Another running process holds the lock (a real process, so the lock cannot be judged stale).
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const held = path.join(parent, 'held-desk');
      await mkdir(path.join(held, '.copydesk'), { recursive: true });
      await mkdir(path.join(held, 'articles'));
      await writeFile(path.join(held, '.copydesk', 'lock'), JSON.stringify({ pid: holder.pid, host: hostname(), startedAt: '2026-11-28T08:00:00.000Z' }));
      const windows = BrowserWindow.all.length;
      dialog.showMessageBox.mockClear();
      app.emit('second-instance', event(), ['electron', process.cwd(), held], parent);
      await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
      const options = dialog.showMessageBox.mock.calls[0]![0] as { message: string; detail: string };
      expect(options.message).toBe(`Copydesk did not open ${held}.`);
      expect(options.detail).toMatch(new RegExp(`open in another Copydesk process \\(pid ${holder.pid}`));
      expect(BrowserWindow.all).toHaveLength(windows);
    } finally {
      holder.kill();
    }
  });
});

describe('the window layout per workspace', () => {
  it('keeps each workspace’s library shown or hidden, in desktop-state.json', async () => {
    const [first, second] = BrowserWindow.all;
    expect(await ipc('workspace.windowState', first!.webContents.id, {})).toEqual({ ok: true, value: { sidebar: null, kept: true } });
    expect(await ipc('workspace.windowState', second!.webContents.id, { sidebar: 'collapsed' })).toEqual({ ok: true, value: { sidebar: 'collapsed', kept: true } });
    expect(await ipc('workspace.windowState', first!.webContents.id, {})).toMatchObject({ value: { sidebar: null } });
    expect(await ipc('workspace.windowState', second!.webContents.id, {})).toMatchObject({ value: { sidebar: 'collapsed' } });
    await vi.waitFor(async () => {
      const state = JSON.parse(await readFile(path.join(recorded.userData, 'desktop-state.json'), 'utf8'));
      expect(state.windows[path.join(parent, 'elections')].sidebar).toBe('collapsed');
    });
    expect(await ipc('workspace.windowState', second!.webContents.id, { sidebar: 'sideways' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('closing and quitting', () => {
  it('remembers a window’s place when it closes, and carries on a quit a saving window held up', async () => {
    const window = BrowserWindow.all[1]!;
    const root = path.join(parent, 'elections');
    window.emit('close', event());
    await vi.waitFor(async () => {
      const state = JSON.parse(await readFile(path.join(recorded.userData, 'desktop-state.json'), 'utf8'));
      expect(state.windows[root]).toEqual({ x: 30, y: 40, width: 1111, height: 777, maximized: false, sidebar: 'collapsed' });
    });
    // Quitting: the page holds the unload while it saves, so Electron calls the quit off…
    app.emit('before-quit', event());
    const held = event();
    window.webContents.emit('will-prevent-unload', held);
    expect(held.prevented).toBe(false);
    const quits = recorded.quit;
    // …and once the window has closed (the save went through), the quit goes on.
    window.emit('closed');
    await vi.waitFor(() => expect(recorded.quit).toBe(quits + 1));
    // A workspace open at a quit is opened again next time.
    const state = JSON.parse(await readFile(path.join(recorded.userData, 'desktop-state.json'), 'utf8'));
    expect(state.reopen).toContain(root);
  });
});
