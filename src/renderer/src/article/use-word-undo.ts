/**
 * Undo and redo for a header field by word runs, as a native text box does: typing a word
 * (and the space after it) is one step, a pause or a jump starts another, a paste or a
 * deletion run is its own. The field's value lives in React state (it autosaves), so the
 * browser's own undo cannot be trusted with it.
 */
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { IS_MAC } from '../shell/command-registry';

type Kind = 'word' | 'space' | 'delete' | 'other';

const PAUSE_MS = 1000;
const MAX_STEPS = 200;

/** What kind of edit turned `before` into `after`. */
function kindOf(before: string, after: string): Kind {
  if (after.length === before.length + 1) {
    let i = 0;
    while (i < before.length && before[i] === after[i]) i++;
    return /[\p{L}\p{N}]/u.test(after[i]!) ? 'word' : 'space';
  }
  if (after.length < before.length) return 'delete';
  return 'other';
}

/** Where the caret goes after an undo: the end of what differs. */
function caretAfter(before: string, after: string): number {
  let suffix = 0;
  while (suffix < before.length && suffix < after.length && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return after.length - suffix;
}

export function useWordUndo(value: string, commit: (value: string) => void) {
  const past = useRef<string[]>([]);
  const future = useRef<string[]>([]);
  const last = useRef<{ kind: Kind; at: number } | null>(null);
  const current = useRef(value);
  useLayoutEffect(() => {
    current.current = value;
  }, [value]);

  /** `ownStep`: this change is a step of its own whatever came before (a quote set after it was typed). */
  const change = useCallback(
    (next: string, ownStep = false) => {
      const before = current.current;
      if (next === before) return;
      const kind = kindOf(before, next);
      const now = Date.now();
      const previous = last.current;
      // A new step: the first edit, a pause, another kind of edit, a new word after a space, any paste.
      const startsStep =
        ownStep || !previous || now - previous.at > PAUSE_MS || kind === 'other' || (kind === 'word' && previous.kind === 'space') || (kind === 'delete') !== (previous.kind === 'delete');
      if (startsStep) {
        past.current.push(before);
        if (past.current.length > MAX_STEPS) past.current.shift();
      }
      future.current = [];
      last.current = { kind, at: now };
      current.current = next;
      commit(next);
    },
    [commit],
  );

  const travel = useCallback(
    (from: string[], to: string[], target: HTMLInputElement | HTMLTextAreaElement) => {
      const restored = from.pop();
      if (restored === undefined) return false;
      to.push(current.current);
      last.current = null;
      const caret = caretAfter(current.current, restored);
      current.current = restored;
      commit(restored);
      requestAnimationFrame(() => target.setSelectionRange(caret, caret));
      return true;
    },
    [commit],
  );

  const keyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const primary = IS_MAC ? event.metaKey : event.ctrlKey;
      if (!primary || event.altKey) return;
      const key = event.key.toLowerCase();
      const undo = key === 'z' && !event.shiftKey;
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !IS_MAC);
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo) travel(past.current, future.current, event.currentTarget);
      else travel(future.current, past.current, event.currentTarget);
    },
    [travel],
  );

  return { change, keyDown };
}
