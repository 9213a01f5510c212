/**
 * The desktop app's lifecycle: one Copydesk per user (a second launch hands its arguments
 * to the first), the session locked down, spellcheck kept offline, the renderer served
 * over copydesk://app/, IPC wired to the window's own workspace, quitting only once every
 * window has let go. The windows themselves are desktop-app.ts; the decisions are in the
 * pure modules beside it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { serveAppRequest } from './app-protocol';
import { DesktopApp, launchRequest } from './desktop-app';
import { DesktopStateFile } from './desktop-state';
import { startupFailureMessage } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { userArgs, type LaunchTarget } from './launch-args';
import { guardWebContents, lockDownSession } from './security';
import { applySpellcheck, planSpellcheck } from './spellcheck';
import { APP_SCHEME, isTrustedRendererUrl } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = path.join(__dirname, '../renderer');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');

let desktop: DesktopApp | undefined;
// Files the system asks to open (macOS), which may arrive before the app is ready.
const openedEarly: LaunchTarget[] = [];

app.on('open-file', (event, file) => {
  event.preventDefault();
  const request = launchRequest([file], process.cwd());
  if (desktop) void desktop.handleLaunch(request);
  else openedEarly.push(...request.targets);
});

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, {
    isTrustedUrl: (url) => isTrustedRendererUrl(url, devServerUrl),
    openExternal: (url) => shell.openExternal(url),
  });
});

/** Dictionaries the app ships, copied where Chromium reads them before it would fetch anything. */
function setUpSpellcheck() {
  const dictionaryDir = path.join(resourcesDir, 'dictionaries');
  const files = existsSync(dictionaryDir) ? readdirSync(dictionaryDir) : [];
  const plan = planSpellcheck({ platform: process.platform, dictionaryDir, dictionaryFiles: files, preferred: app.getPreferredSystemLanguages() });
  if (plan.checker === 'hunspell') {
    const target = path.join(app.getPath('userData'), 'Dictionaries');
    mkdirSync(target, { recursive: true });
    for (const file of files) if (file.endsWith('.bdic') && !existsSync(path.join(target, file))) copyFileSync(path.join(dictionaryDir, file), path.join(target, file));
  }
  applySpellcheck(session.defaultSession, plan, process.platform);
  return plan;
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession, devServerUrl);
  const spelling = setUpSpellcheck();
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, request.method));
  app.setAboutPanelOptions({ applicationName: 'Copydesk', applicationVersion: app.getVersion(), copyright: 'An offline editorial workbench' });

  const state = await DesktopStateFile.load(path.join(app.getPath('userData'), 'desktop-state.json'));
  if (state.setAside) {
    void dialog.showMessageBox({
      type: 'warning',
      message: 'Copydesk could not read the list of your recent workspaces and windows.',
      detail: `${state.setAside.reason}. It starts afresh; the old file is kept at ${state.setAside.file}.`,
    });
  }
  desktop = new DesktopApp(
    {
      preload: path.join(__dirname, '../preload/index.js'),
      sampleDir: path.join(resourcesDir, 'sample-workspace'),
      documentsWorkspace: path.join(app.getPath('documents'), 'Copydesk'),
    },
    state,
    spelling,
    devServerUrl,
  );
  const windows = desktop;
  registerIpcHandlers(ipcMain, {
    isTrustedSender: (url) => isTrustedRendererUrl(url, devServerUrl),
    handlerFor: (event) => (event.sender ? (windows.hostFor(event.sender.id)?.call ?? null) : null),
  });
  const first = launchRequest(userArgs(process.argv, app.isPackaged), process.cwd());
  await desktop.start({ targets: [...first.targets, ...openedEarly], problems: first.problems }, process.env.COPYDESK_WORKSPACE);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void windows.reopenOrAsk();
  });
}

app.on('before-quit', () => desktop?.beginQuit());

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin' || desktop?.isQuitting) app.quit();
});

let closedDown = false;
app.on('will-quit', (event) => {
  if (closedDown || !desktop) return;
  event.preventDefault();
  closedDown = true;
  void desktop.shutdown().finally(() => app.quit());
});

// One Copydesk per user: a second launch hands its arguments to the first and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void desktop?.handleLaunch(launchRequest(userArgs(argv, app.isPackaged), workingDirectory));
  });
  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Copydesk could not start', startupFailureMessage(error));
    app.exit(1);
  });
}
