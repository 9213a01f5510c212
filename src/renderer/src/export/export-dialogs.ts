/**
 * Which export dialog is open, if any. The Article ▾ menu and the sidebar's foot ask for
 * one; ExportDialogs, mounted once, shows it. A store of its own because the menu that asks
 * closes (and unmounts) as the dialog opens.
 */
import { useSyncExternalStore } from 'react';

export type ExportDialogRequest =
  /** One article: the gate's verdict, the preview, the options. */
  | { kind: 'article'; id: string }
  /** Several articles, picked from the library. */
  | { kind: 'batch' }
  /** A bundle (.zip) brought back as a new draft. */
  | { kind: 'import' };

let current: ExportDialogRequest | null = null;
/** Where focus goes back when the dialog closes. */
let returnTo: HTMLElement | null = null;
const listeners = new Set<() => void>();

function set(next: ExportDialogRequest | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * Opens a dialog, remembering where focus was: a menu item gives it back to its menu's
 * button (the menu closes), and one export dialog opened from another gives it back to
 * where the first came from.
 */
export function openExportDialog(request: ExportDialogRequest): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const menu = active?.closest('[role="menu"]');
  if (menu) returnTo = menu.parentElement?.querySelector<HTMLElement>('[aria-haspopup="menu"]') ?? null;
  else if (!active?.closest('dialog')) returnTo = active;
  set(request);
}

export function closeExportDialog(): void {
  const closing = current;
  const remembered = returnTo;
  returnTo = null;
  set(null);
  // After the dialog has gone (it hands focus back to what it saw, which may be gone too).
  requestAnimationFrame(() => {
    const target = remembered?.isConnected && remembered !== document.body ? remembered : closing?.kind === 'article' ? articleMenuButton(closing.id) : null;
    target?.focus({ preventScroll: true });
  });
}

/** The Article ▾ button of the open article: where an article's export returns when the menu item is gone. */
function articleMenuButton(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-article-id="${CSS.escape(id)}"] [aria-haspopup="menu"]`);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useExportDialog(): ExportDialogRequest | null {
  return useSyncExternalStore(subscribe, () => current);
}
