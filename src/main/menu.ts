/**
 * The application menu, built as plain data from the one command table
 * (src/shared/commands.ts), so its labels and accelerators are the editor's own and the
 * whole template can be snapshotted per platform without an Electron binary.
 *
 * A command the page carries out is sent to the focused window as `app.command`; one
 * marked `runs: 'main'` (a folder dialog, a window) is done here. On Windows and Linux the
 * page's own shortcut listener handles the keys of page commands, so their accelerators
 * are shown but not registered with the system (`registerAccelerator: false`): one key
 * press, one run. On macOS the page sees a key first and the menu only gets what it left.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { commandById, type CommandId } from '../shared/commands';
import type { SpellcheckPlan } from './spellcheck';

export interface RecentWorkspace {
  path: string;
  name: string;
}

/** What the menu shows that changes while the app runs. */
export interface MenuState {
  recent: readonly RecentWorkspace[];
  spelling: Pick<SpellcheckPlan, 'summary'>;
  /** Offers the developer tools (never in a packaged app). */
  developer: boolean;
}

export interface MenuActions {
  /** Sends a page command to the focused window. */
  sendCommand: (id: CommandId) => void;
  openWorkspace: () => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
  openDataFolder: () => void;
  about: () => void;
}

type Item = MenuItemConstructorOptions;

export function buildMenuTemplate(state: MenuState, actions: MenuActions, platform: NodeJS.Platform): Item[] {
  const isMac = platform === 'darwin';
  const mainRun: Partial<Record<CommandId, () => void>> = {
    'open-workspace': actions.openWorkspace,
    'open-data-folder': actions.openDataFolder,
    about: actions.about,
  };

  /** A menu item for a command of the table. */
  const command = (id: CommandId): Item => {
    const spec = commandById(id);
    const item: Item = { id, label: spec.label };
    if (spec.accelerator) {
      item.accelerator = spec.accelerator;
      if (spec.runs !== 'main' && !isMac) item.registerAccelerator = false;
    }
    item.click = mainRun[id] ?? (() => actions.sendCommand(id));
    return item;
  };
  const separator: Item = { type: 'separator' };

  const recent: Item[] = state.recent.length
    ? [
        ...state.recent.map((workspace): Item => ({ label: workspace.name, sublabel: workspace.path, toolTip: workspace.path, click: () => actions.openRecent(workspace.path) })),
        separator,
        { label: 'Clear Recent', click: actions.clearRecent },
      ]
    : [{ label: 'No Recent Workspaces', enabled: false }];

  const appMenu: Item = {
    label: 'Copydesk',
    submenu: [
      command('about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: Item = {
    label: isMac ? 'File' : '&File',
    submenu: [
      command('new-article'),
      command('open-workspace'),
      { id: 'open-recent', label: 'Open Recent', submenu: recent },
      separator,
      command('import-article'),
      command('add-source'),
      command('export'),
      separator,
      command('save'),
      command('reveal-in-folder'),
      separator,
      { ...withoutClick(command('close-window')), role: 'close' },
      ...(isMac ? [] : [separator, { role: 'quit' } as Item]),
    ],
  };

  const edit: Item = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      command('find'),
      command('replace'),
      separator,
      { label: state.spelling.summary, enabled: false },
      ...(isMac ? [separator, { label: 'Speech', submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] } as Item] : []),
    ],
  };

  const view: Item = {
    label: isMac ? 'View' : '&View',
    submenu: [
      command('show-library'),
      command('show-sources'),
      command('review-mode'),
      separator,
      command('toggle-sidebar'),
      command('toggle-theme'),
      command('command-palette'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(state.developer ? [separator, { role: 'toggleDevTools' } as Item] : []),
    ],
  };

  const help: Item = {
    label: isMac ? 'Help' : '&Help',
    role: 'help',
    submenu: [command('keyboard-shortcuts'), separator, command('open-data-folder'), ...(isMac ? [] : [separator, command('about')])],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help];
}

/** A role item must not carry a click: Electron would run the click instead of the role. */
function withoutClick(item: Item): Item {
  const { click: _click, ...rest } = item;
  return rest;
}
