/**
 * The desktop app: opens the workspace, serves the renderer over copydesk://app/, and
 * wires the contract to IPC. Kept thin; the work is done in src/core.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createApiHost } from '../core/api/api-host';
import { openOrCreateWorkspace } from '../core/workspace/open-workspace';
import type { Workspace } from '../core/workspace/workspace';
import { API_EVENTS, ipcEventChannel } from '../shared/api-methods';
import { serveAppRequest } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { startupFailureMessage, UNSAVED_CLOSE_DIALOG } from './dialogs';
import { APP_ORIGIN, APP_SCHEME, buildWindowOptions, isExternalLinkAllowed, isTrustedRendererUrl } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = path.join(__dirname, '../renderer');
const sampleDir = app.isPackaged
  ? path.join(process.resourcesPath, 'sample-workspace')
  : path.join(app.getAppPath(), 'resources', 'sample-workspace');

let workspace: Workspace | undefined;

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedRendererUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(path.join(__dirname, '../preload/index.js')));
  window.once('ready-to-show', () => window.show());
  // The page holds back closing while edits are unsaved; let the user decide.
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNSAVED_CLOSE_DIALOG) === 0) event.preventDefault();
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  const root = process.env.COPYDESK_WORKSPACE ?? path.join(app.getPath('documents'), 'Copydesk');
  const opened = await openOrCreateWorkspace(root, sampleDir);
  workspace = opened.workspace;
  const host = createApiHost(workspace);
  registerIpcHandlers(ipcMain, host.call, (url) => isTrustedRendererUrl(url, devServerUrl));
  // Events reach windows only after the host checked them against the event contract.
  for (const event of API_EVENTS) {
    if (event === 'app.command') continue;
    host.on(event, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(ipcEventChannel(event), payload);
    });
  }
  // A menu command goes to the window it was given in.
  host.on('app.command', (payload) => BrowserWindow.getFocusedWindow()?.webContents.send(ipcEventChannel('app.command'), payload));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          newArticle: () => host.emit('app.command', { command: 'new-article' }),
          revealWorkspace: () => void shell.openPath(root),
        },
        process.platform,
      ),
    ),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!workspace) return;
  const closing = workspace;
  workspace = undefined;
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});

// One Copydesk per user: a second launch brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Copydesk could not start', startupFailureMessage(error));
    app.exit(1);
  });
}
