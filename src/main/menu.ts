/**
 * The application menu, as a template built from plain data so it can be tested.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newArticle: () => void;
  revealWorkspace: () => void;
}

export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Article', accelerator: 'CmdOrCtrl+N', click: actions.newArticle },
        { type: 'separator' },
        { label: 'Show Workspace Folder', click: actions.revealWorkspace },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
