/**
 * The desktop app's dialogs, as plain data so their wording and their answers can be tested.
 */
import path from 'node:path';
import type { MessageBoxOptions, MessageBoxSyncOptions, OpenDialogOptions } from 'electron';
import { ApiError } from '../shared/errors';

/**
 * Asked when a window closes (or the app quits) and an article's edits could still not be
 * written after a few seconds of trying. Button 0 closes; Enter and Escape stay.
 */
export const UNSAVED_CLOSE_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Close anyway', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  title: 'Unsaved edits',
  message: 'An article has edits that Copydesk could not save.',
  detail: 'The article says why. Stay to fix it or copy your text elsewhere; Close anyway loses those edits.',
};

/** What to tell a person when the app cannot open a workspace. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return `Copydesk is not allowed to write to its workspace folder (${(error as NodeJS.ErrnoException).path ?? 'unknown'}). Check the folder's permissions, or choose another folder.`;
  }
  return `The workspace could not be opened: ${error instanceof Error ? error.message : String(error)}`;
}

/** The folder dialog of Open Workspace…: an existing workspace, or an empty folder for a new one. */
export const OPEN_WORKSPACE_DIALOG: OpenDialogOptions = {
  title: 'Open Workspace',
  buttonLabel: 'Open Workspace',
  message: 'Choose a Copydesk workspace, or an empty folder for a new one.',
  properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
};

/** What the first-run dialog's answer means. */
export type FirstRunChoice = { kind: 'documents'; sample: boolean } | { kind: 'choose'; sample: boolean } | { kind: 'quit' };

/**
 * The first launch (or a launch with no workspace it can reopen): where to keep the
 * articles, and whether to start with the sample newsroom, which is offered, not forced.
 */
export function firstRunDialog(documentsWorkspace: string, reason: string | null): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Welcome to Copydesk',
    message: reason ?? 'Where should Copydesk keep your articles?',
    detail: `A workspace is a folder of plain files you own. ${path.basename(path.dirname(documentsWorkspace))}/${path.basename(documentsWorkspace)} is suggested; any empty folder or existing workspace will do.`,
    buttons: [`Use ${documentsWorkspace}`, 'Choose Another Folder…', 'Quit'],
    defaultId: 0,
    cancelId: 2,
    checkboxLabel: 'Start a new workspace with the sample newsroom (4 analyses, 7 sources)',
    checkboxChecked: true,
    noLink: true,
  };
}

export function firstRunChoice(response: number, checkboxChecked: boolean): FirstRunChoice {
  if (response === 0) return { kind: 'documents', sample: checkboxChecked };
  if (response === 1) return { kind: 'choose', sample: checkboxChecked };
  return { kind: 'quit' };
}

/** Said when a workspace cannot be opened (another Copydesk holds it, a folder of other files…). */
export function workspaceRefusedDialog(root: string, error: unknown): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Workspace not opened',
    message: `Copydesk did not open ${root}.`,
    detail: startupFailureMessage(error),
    buttons: ['OK'],
  };
}
