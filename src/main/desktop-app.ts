/**
 * The desktop app's windows: one window per open workspace, each with its own workspace,
 * API host and event subscriptions; IPC goes to the host of the window that sent it. This
 * file only connects Electron to the pure parts beside it (menu, context menu, launch
 * arguments, desktop state, close guard, dialogs, security), which carry the decisions
 * and are tested without an Electron binary. It is one room because it is the one place
 * that holds Electron objects for a workspace's whole life.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, Menu, screen, shell, type WebContents } from 'electron';
import { createApiHost, type ApiHost } from '../core/api/api-host';
import { openOrCreateWorkspace } from '../core/workspace/open-workspace';
import type { Workspace } from '../core/workspace/workspace';
import { API_EVENTS, ipcEventChannel } from '../shared/api-methods';
import type { CommandId } from '../shared/commands';
import { CloseGuard } from './close-guard';
import { buildContextMenuTemplate } from './context-menu';
import { placeWindow, withRecent, workspacesToReopen, type DesktopStateFile } from './desktop-state';
import { firstRunChoice, firstRunDialog, OPEN_WORKSPACE_DIALOG, UNSAVED_CLOSE_DIALOG, workspaceRefusedDialog } from './dialogs';
import { kindOfPath, parseLaunchArgs, type LaunchRequest } from './launch-args';
import { buildMenuTemplate } from './menu';
import { openExternalChecked } from './security';
import type { SpellcheckPlan } from './spellcheck';
import { APP_ORIGIN, buildWindowOptions, DEFAULT_WINDOW_SIZE } from './window-options';

export interface DesktopPaths {
  preload: string;
  sampleDir: string;
  documentsWorkspace: string;
}

interface WorkspaceWindow {
  root: string;
  window: BrowserWindow;
  workspace: Workspace;
  host: ApiHost;
  stop: Array<() => void>;
}

export class DesktopApp {
  private readonly windows = new Map<string, WorkspaceWindow>();
  private quitting = false;
  /** A quit was held up by a window saving its edits: carry it on once that window closes. */
  private quitHeldUp = false;

  constructor(
    private readonly paths: DesktopPaths,
    private readonly state: DesktopStateFile,
    private readonly spelling: SpellcheckPlan,
    private readonly devServerUrl: string | undefined,
  ) {}

  /** The API host of the window a call came from (IPC routing). */
  hostFor(webContentsId: number): ApiHost | null {
    for (const entry of this.windows.values()) if (entry.window.webContents.id === webContentsId) return entry.host;
    return null;
  }

  /** Opens what the first launch asks for: its arguments, else the workspaces open at the last quit, else the first-run choice. */
  async start(request: LaunchRequest, envWorkspace: string | undefined): Promise<void> {
    this.rebuildMenu();
    if (envWorkspace) {
      await this.openWorkspace(envWorkspace, { sample: true });
    } else {
      for (const target of request.targets) if (target.kind === 'workspace') await this.openWorkspace(target.path, { sample: false });
    }
    if (this.windows.size === 0) await this.reopenOrAsk();
    await this.handleLaunch({ targets: request.targets.filter((t) => t.kind !== 'workspace'), problems: request.problems });
  }

  /** A second launch's arguments (or a file the system opened): focus, open, import. */
  async handleLaunch(request: LaunchRequest): Promise<void> {
    if (request.problems.length) void dialog.showMessageBox({ type: 'warning', message: 'Copydesk could not open everything it was given.', detail: request.problems.join('\n') });
    for (const target of request.targets) {
      if (target.kind === 'workspace') {
        await this.openWorkspace(target.path, { sample: false });
        continue;
      }
      const entry = this.focused() ?? [...this.windows.values()][0];
      if (!entry) continue;
      await this.importInto(entry, target.kind, target.path);
    }
    if (!request.targets.length) this.focus(this.focused() ?? [...this.windows.values()][0]);
  }

  /** The workspaces open at the last quit (or the most recent one), else the first-run choice. */
  async reopenOrAsk(): Promise<void> {
    for (const root of workspacesToReopen(this.state.state)) {
      if (kindOfPath(root) === 'folder') await this.openWorkspace(root, { sample: false });
    }
    if (this.windows.size === 0) await this.askForWorkspace(null);
  }

  /** First run, or nothing left to reopen: Documents/Copydesk or another folder, the sample offered. */
  async askForWorkspace(reason: string | null): Promise<void> {
    while (this.windows.size === 0) {
      const answer = await dialog.showMessageBox(firstRunDialog(this.paths.documentsWorkspace, reason));
      const choice = firstRunChoice(answer.response, answer.checkboxChecked);
      if (choice.kind === 'quit') {
        app.quit();
        return;
      }
      let tried = false;
      if (choice.kind === 'documents') {
        tried = true;
        await this.openWorkspace(this.paths.documentsWorkspace, { sample: choice.sample });
      } else {
        const picked = await dialog.showOpenDialog(OPEN_WORKSPACE_DIALOG);
        tried = !picked.canceled && !!picked.filePaths[0];
        if (tried) await this.openWorkspace(picked.filePaths[0]!, { sample: choice.sample });
      }
      // Asked again: after a refusal (already explained) with a word on it, after a cancelled picker as at first.
      reason = tried && this.windows.size === 0 ? 'That workspace could not be opened. Where should Copydesk keep your articles?' : null;
    }
  }

  async chooseWorkspace(): Promise<void> {
    const parent = this.focused()?.window;
    const picked = parent ? await dialog.showOpenDialog(parent, OPEN_WORKSPACE_DIALOG) : await dialog.showOpenDialog(OPEN_WORKSPACE_DIALOG);
    if (!picked.canceled && picked.filePaths[0]) await this.openWorkspace(picked.filePaths[0], { sample: false });
  }

  /** Opens a workspace in its own window, or focuses the window that already has it. */
  async openWorkspace(folder: string, options: { sample: boolean }): Promise<boolean> {
    const root = path.resolve(folder);
    const open = this.windows.get(root);
    if (open) {
      this.focus(open);
      return true;
    }
    let workspace: Workspace;
    try {
      workspace = (await openOrCreateWorkspace(root, options.sample ? this.paths.sampleDir : null)).workspace;
    } catch (error) {
      // Held by another running Copydesk, a folder of other files, no permission: its message.
      await dialog.showMessageBox(workspaceRefusedDialog(root, error));
      return false;
    }
    this.createWindow(root, workspace);
    await this.remember((state) => ({ ...withRecent(state, root, new Date()), reopen: [...new Set([...state.reopen, root])] }));
    this.rebuildMenu();
    return true;
  }

  private createWindow(root: string, workspace: Workspace): void {
    const placement = placeWindow(this.state.state.windows[root], screen.getAllDisplays().map((display) => display.workArea), DEFAULT_WINDOW_SIZE);
    const window = new BrowserWindow(buildWindowOptions(this.paths.preload, { ...placement, title: `${path.basename(root)} — Copydesk` }));
    const host = createApiHost(workspace, {
      reveal: (file) => shell.showItemInFolder(file),
      windowState: {
        read: () => ({ sidebar: this.state.state.windows[root]?.sidebar }),
        write: (patch) => this.remember((state) => ({ ...state, windows: { ...state.windows, [root]: { ...state.windows[root], ...patch } } })),
      },
    });
    const entry: WorkspaceWindow = { root, window, workspace, host, stop: [] };
    this.windows.set(root, entry);
    const contents = window.webContents;

    for (const event of API_EVENTS) entry.stop.push(host.on(event, (payload) => contents.send(ipcEventChannel(event), payload)));
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    // The title names the workspace, so two windows can be told apart.
    window.on('page-title-updated', (event) => event.preventDefault());
    contents.on('context-menu', (_event, params) => this.showContextMenu(window, contents, params));

    const guard = new CloseGuard({
      retryClose: () => window.close(),
      askCloseAnyway: () => dialog.showMessageBoxSync(window, UNSAVED_CLOSE_DIALOG) === 0,
      stayed: () => {
        this.quitting = false;
        this.quitHeldUp = false;
      },
      setTimer: (run, ms) => setTimeout(run, ms),
      now: () => Date.now(),
    });
    contents.on('will-prevent-unload', (event) => {
      // In Electron, preventing this event is what lets the page unload.
      if (guard.onUnloadBlocked()) event.preventDefault();
      // Electron calls off a quit that a page held up; it goes on once this window closes.
      else if (this.quitting) this.quitHeldUp = true;
    });
    // The system is ending the session (Windows reports it): write what is waiting now.
    const saveNow = () => host.emit('app.command', { command: 'save' });
    window.on('query-session-end', saveNow);
    window.on('session-end', saveNow);

    window.on('close', () => {
      const bounds = window.getNormalBounds();
      void this.remember((state) => ({ ...state, windows: { ...state.windows, [root]: { ...state.windows[root], ...bounds, maximized: window.isMaximized() } } }));
    });
    window.on('closed', () => void this.closed(entry));
    void window.loadURL(this.devServerUrl ?? `${APP_ORIGIN}/index.html`);
    this.rebuildMenu();
  }

  private async closed(entry: WorkspaceWindow): Promise<void> {
    this.windows.delete(entry.root);
    for (const stop of entry.stop) stop();
    entry.host.dispose();
    // A window closed by hand is not reopened next time; those open at a quit are.
    if (!this.quitting) await this.remember((state) => ({ ...state, reopen: state.reopen.filter((root) => root !== entry.root) }));
    await entry.workspace.close().catch((error: unknown) => console.error(`Closing ${entry.root}:`, error));
    this.rebuildMenu();
    if (this.quitHeldUp) {
      this.quitHeldUp = false;
      app.quit();
    }
  }

  private async importInto(entry: WorkspaceWindow, kind: 'import-article' | 'import-bundle', file: string): Promise<void> {
    const result =
      kind === 'import-bundle'
        ? await entry.host.call('export.importBundle', { path: file })
        : await readFile(file).then(
            (bytes) => entry.host.call('articles.import', { fileName: path.basename(file), data: bytes.toString('base64') }),
            (error: unknown) => ({ ok: false as const, error: { code: 'not-found' as const, message: (error as Error).message } }),
          );
    if (!result.ok) {
      await dialog.showMessageBox(entry.window, { type: 'error', message: `Copydesk did not import ${path.basename(file)}.`, detail: result.error.message });
    }
    this.focus(entry);
  }

  private showContextMenu(window: BrowserWindow, contents: WebContents, params: Electron.ContextMenuParams): void {
    const template = buildContextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
        openLink: (url) => void openExternalChecked(url, (safe) => shell.openExternal(safe)),
        copyLink: (url) => clipboard.writeText(url),
      },
      this.spelling.enabled,
    );
    if (template.length) Menu.buildFromTemplate(template).popup({ window });
  }

  rebuildMenu(): void {
    const recent = this.state.state.recent.map((entry) => ({ path: entry.path, name: path.basename(entry.path) }));
    const template = buildMenuTemplate(
      { recent, spelling: this.spelling, developer: !app.isPackaged },
      {
        sendCommand: (id: CommandId) => this.focused()?.host.emit('app.command', { command: id }),
        openWorkspace: () => void this.chooseWorkspace(),
        openRecent: (root) => void this.openRecent(root),
        clearRecent: () => void this.remember((state) => ({ ...state, recent: [] })).then(() => this.rebuildMenu()),
        openDataFolder: () => void shell.openPath(this.focused()?.root ?? app.getPath('userData')),
        about: () => app.showAboutPanel(),
      },
      process.platform,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private async openRecent(root: string): Promise<void> {
    if (kindOfPath(root) !== 'folder') {
      await dialog.showMessageBox({ type: 'warning', message: `${root} is no longer there.`, detail: 'It was moved or deleted; it is taken off the recent list.' });
      await this.remember((state) => ({ ...state, recent: state.recent.filter((entry) => entry.path !== root) }));
      this.rebuildMenu();
      return;
    }
    await this.openWorkspace(root, { sample: false });
  }

  /** The app is quitting: windows that close now stay on the reopen list. */
  beginQuit(): void {
    this.quitting = true;
  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  get windowCount(): number {
    return this.windows.size;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.windows.values()].map((entry) => entry.workspace.close().catch(() => undefined)));
    await this.state.flush();
  }

  private focused(): WorkspaceWindow | undefined {
    const window = BrowserWindow.getFocusedWindow();
    return [...this.windows.values()].find((entry) => entry.window === window);
  }

  private focus(entry: WorkspaceWindow | undefined): void {
    if (!entry) return;
    if (entry.window.isMinimized()) entry.window.restore();
    entry.window.focus();
  }

  private async remember(change: Parameters<DesktopStateFile['update']>[0]): Promise<void> {
    await this.state.update(change).catch((error: unknown) => console.error('Copydesk could not write its desktop state:', error));
  }
}

/** Parses a launch's arguments against the file system. */
export function launchRequest(args: string[], cwd: string): LaunchRequest {
  return parseLaunchArgs(args, cwd, kindOfPath);
}
