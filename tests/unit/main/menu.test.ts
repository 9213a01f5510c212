/**
 * The application menu as src/main/menu.ts builds it, per platform. The template is plain
 * data (no Electron binary here); its snapshot per platform is the reviewed shape of the
 * menu, and the tests below say what must hold whatever the snapshot.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../src/main/menu';
import { COMMANDS, type CommandId } from '../../../src/shared/commands';

const state = {
  recent: [
    { path: '/home/desk/Copydesk', name: 'Copydesk' },
    { path: '/home/desk/Elections', name: 'Elections' },
  ],
  spelling: { summary: 'Spelling: en-GB (offline)' },
  developer: false,
};

function actions() {
  return {
    sendCommand: vi.fn((_id: CommandId) => undefined),
    openWorkspace: vi.fn(),
    openRecent: vi.fn((_path: string) => undefined),
    clearRecent: vi.fn(),
    openDataFolder: vi.fn(),
    about: vi.fn(),
  } satisfies MenuActions;
}

/** Every item, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

/** The template as JSON, clicks shown as a marker. */
function shape(template: MenuItemConstructorOptions[]): unknown {
  return JSON.parse(JSON.stringify(template, (key, value: unknown) => (key === 'click' ? '[click]' : value)));
}

const top = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label?.replace('&', '') === label)!;
const sub = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`has the reviewed shape on ${platform}`, async () => {
      await expect(JSON.stringify(shape(buildMenuTemplate(state, actions(), platform)), null, 2) + '\n').toMatchFileSnapshot(`__snapshots__/menu-${platform}.json`);
    });
  }

  it('takes every label and accelerator of a command from the command table', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const byId = items(buildMenuTemplate(state, actions(), platform)).filter((item) => item.id && COMMANDS.some((c) => c.id === item.id));
      expect(byId.length).toBeGreaterThan(15);
      for (const item of byId) {
        const spec = COMMANDS.find((c) => c.id === item.id)!;
        expect(item.label).toBe(spec.label);
        expect(item.accelerator ?? null).toBe(spec.accelerator);
      }
    }
  });

  it('has File, Edit, View, Window and Help with the issue’s items', () => {
    const template = buildMenuTemplate(state, actions(), 'linux');
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(sub(top(template, 'File')).map((i) => i.label ?? i.type ?? i.role)).toEqual([
      'New Article',
      'Open Workspace…',
      'Open Recent',
      'separator',
      'Import…',
      'Add Source…',
      'Export…',
      'separator',
      'Save Now',
      'Reveal in Folder',
      'separator',
      'Close Window',
      'separator',
      'quit',
    ]);
    const edit = sub(top(template, 'Edit'));
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
    expect(edit.map((i) => i.label).filter(Boolean)).toEqual(['Find', 'Replace', 'Spelling: en-GB (offline)']);
    const view = sub(top(template, 'View'));
    expect(view.map((i) => i.label).filter(Boolean)).toEqual(['Library', 'Sources', 'Review Mode', 'Toggle Sidebar', 'Toggle Dark Theme', 'Command Palette…']);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(sub(top(template, 'Help')).map((i) => i.label).filter(Boolean)).toEqual(['Keyboard Shortcuts', 'Open Data Folder', 'About Copydesk']);
  });

  it('sends page commands to the window, and runs the main process’s own', () => {
    const act = actions();
    const all = items(buildMenuTemplate(state, act, 'linux'));
    all.find((i) => i.id === 'new-article')!.click!({} as never, undefined, {} as never);
    all.find((i) => i.id === 'find')!.click!({} as never, undefined, {} as never);
    all.find((i) => i.id === 'review-mode')!.click!({} as never, undefined, {} as never);
    expect(act.sendCommand.mock.calls.map(([id]) => id)).toEqual(['new-article', 'find', 'review-mode']);
    all.find((i) => i.id === 'open-workspace')!.click!({} as never, undefined, {} as never);
    all.find((i) => i.id === 'open-data-folder')!.click!({} as never, undefined, {} as never);
    all.find((i) => i.id === 'about')!.click!({} as never, undefined, {} as never);
    expect([act.openWorkspace, act.openDataFolder, act.about].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(act.sendCommand).toHaveBeenCalledTimes(3);
    // Close Window is the window's own role, not a click.
    const close = all.find((i) => i.id === 'close-window')!;
    expect(close).toMatchObject({ role: 'close', accelerator: 'CmdOrCtrl+W' });
    expect(close.click).toBeUndefined();
  });

  it('lists recent workspaces, opens one, and clears them; says so when there are none', () => {
    const act = actions();
    const recent = sub(items(buildMenuTemplate(state, act, 'win32')).find((i) => i.id === 'open-recent')!);
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['Copydesk', 'Elections', 'separator', 'Clear Recent']);
    recent[1]!.click!({} as never, undefined, {} as never);
    expect(act.openRecent).toHaveBeenCalledWith('/home/desk/Elections');
    recent[3]!.click!({} as never, undefined, {} as never);
    expect(act.clearRecent).toHaveBeenCalledTimes(1);
    const none = sub(items(buildMenuTemplate({ ...state, recent: [] }, act, 'win32')).find((i) => i.id === 'open-recent')!);
    expect(none).toEqual([{ label: 'No Recent Workspaces', enabled: false }]);
  });

  it('leaves page shortcuts to the page on Windows and Linux (one key press, one run), and registers its own', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const all = items(buildMenuTemplate(state, actions(), platform));
      expect(all.find((i) => i.id === 'new-article')).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
      expect(all.find((i) => i.id === 'open-workspace')!.registerAccelerator).toBeUndefined();
    }
    const mac = items(buildMenuTemplate(state, actions(), 'darwin'));
    expect(mac.find((i) => i.id === 'new-article')!.registerAccelerator).toBeUndefined();
  });

  it('follows macOS conventions on darwin: the app menu first, About there, no Quit in File, Speech in Edit', () => {
    const template = buildMenuTemplate(state, actions(), 'darwin');
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Copydesk', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const appMenu = sub(template[0]!);
    expect(appMenu[0]).toMatchObject({ id: 'about', label: 'About Copydesk' });
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(sub(top(template, 'File')).some((i) => i.role === 'quit')).toBe(false);
    expect(sub(top(template, 'Help')).some((i) => i.id === 'about')).toBe(false);
    expect(sub(top(template, 'Edit')).some((i) => i.label === 'Speech')).toBe(true);
    // Windows and Linux: About in Help, Quit in File, no app menu.
    const linux = buildMenuTemplate(state, actions(), 'linux');
    expect(sub(top(linux, 'Help')).some((i) => i.id === 'about')).toBe(true);
  });

  it('offers the developer tools only outside a packaged app', () => {
    expect(items(buildMenuTemplate(state, actions(), 'linux')).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(items(buildMenuTemplate({ ...state, developer: true }, actions(), 'linux')).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
