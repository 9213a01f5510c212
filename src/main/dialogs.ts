/**
 * The desktop app's dialogs, as plain data so their wording can be tested.
 */
import type { MessageBoxSyncOptions } from 'electron';
import { ApiError } from '../shared/errors';

/** Asked when a window closes while an article still has edits being saved. Button 0 closes. */
export const UNSAVED_CLOSE_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Close anyway', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  title: 'Unsaved edits',
  message: 'An article has edits that are not saved yet.',
  detail: 'Stay to let Copydesk finish saving (or to see why it cannot). Close anyway loses those edits.',
};

/** What to tell a person when the app cannot open its workspace. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return `Copydesk is not allowed to write to its workspace folder (${(error as NodeJS.ErrnoException).path ?? 'unknown'}). Check the folder's permissions, or set COPYDESK_WORKSPACE to another folder.`;
  }
  return `The workspace could not be opened: ${error instanceof Error ? error.message : String(error)}`;
}
