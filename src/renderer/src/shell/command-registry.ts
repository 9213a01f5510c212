/**
 * The renderer's one place where commands (src/shared/commands.ts) meet the code that
 * carries them out. A feature registers a handler with `useCommand` while it is on screen;
 * the keyboard (one window listener, `useCommandShortcuts`), the desktop menu (the
 * `app.command` event) and the command palette all go through `runCommand`, so a shortcut,
 * a menu item and a palette entry can never do different things.
 *
 * Commands scoped to the editor are matched by the editor itself (Lexical's key commands),
 * not here: a body shortcut acts only while the body has focus.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { COMMANDS, isMacPlatform, matchesShortcut, type CommandId, type CommandSpec } from '../../../shared/commands';
import { api } from '../api';

type Handler = () => void;

/** The handlers of each command, newest last: the last one registered acts. */
const handlers = new Map<CommandId, Handler[]>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

/** Whether this page runs on a Mac (Command rather than Control). */
export const IS_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform || navigator.userAgent);

/** Whether this page runs in the desktop app (its preload bridge), where the main process carries out `runs: 'main'` commands. */
export const IN_DESKTOP = typeof window !== 'undefined' && 'copydesk' in window && !!window.copydesk;

/** The shortcut a command has in this window: in a browser tab, the one the browser lets through. */
export function acceleratorHere(command: CommandSpec): string | null {
  return !IN_DESKTOP && command.inBrowser ? command.inBrowser : command.accelerator;
}

/** Whether a key press is the command's shortcut here (in a browser tab, its browser one too). */
function matchesHere(event: KeyboardEvent, command: CommandSpec): boolean {
  return matchesShortcut(event, command, IS_MAC) || (!IN_DESKTOP && !!command.inBrowser && matchesShortcut(event, { accelerator: command.inBrowser }, IS_MAC));
}

/** Whether a command can be carried out in this window: main-process commands only in the desktop app. */
export function belongsHere(command: CommandSpec): boolean {
  return command.runs !== 'main' || IN_DESKTOP;
}

/** Registers `handler` for `id` while the calling component is mounted and `enabled`. */
export function useCommand(id: CommandId, handler: Handler, enabled = true): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const run: Handler = () => latest.current();
    handlers.set(id, [...(handlers.get(id) ?? []), run]);
    changed();
    return () => {
      handlers.set(
        id,
        (handlers.get(id) ?? []).filter((h) => h !== run),
      );
      changed();
    };
  }, [id, enabled]);
}

/** Carries out a command; false when nothing on screen can do it now. */
export function runCommand(id: CommandId): boolean {
  const list = handlers.get(id);
  const handler = list?.[list.length - 1];
  if (!handler) return false;
  handler();
  return true;
}

/** Whether something on screen can carry out the command now. */
export function canRun(id: CommandId): boolean {
  return (handlers.get(id)?.length ?? 0) > 0;
}

/** The commands that can run now, in the table's order (for the palette and the help panel). */
export function availableCommands(): CommandSpec[] {
  return COMMANDS.filter((command) => canRun(command.id));
}

/** Calls `listener` whenever a command gains or loses its handler; returns the unsubscribe. */
export function onCommandsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a key press happened in a Lexical editor (the article body). */
function insideEditor(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest('[data-lexical-editor="true"]') !== null;
}

/**
 * One window-wide listener for the app's shortcuts, and the desktop menu's commands. Mount
 * once, in the app shell.
 */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // Inside the body, the editor's own shortcut wins over an app command on the same keys
      // (Ctrl/Cmd+K there is the link editor, not the palette).
      if (insideEditor(event) && COMMANDS.some((command) => command.scope === 'editor' && matchesShortcut(event, command, IS_MAC))) return;
      for (const command of COMMANDS) {
        if (command.scope !== 'app' || !matchesHere(event, command)) continue;
        if (runCommand(command.id)) event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = api.on('app.command', ({ command }) => {
      runCommand(command);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, []);
}
