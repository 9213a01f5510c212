/**
 * Whether review mode is on: the right column shows the review panel instead of the
 * sources. Remembered across articles and launches (a reviewer goes through several in a
 * row); Ctrl/Cmd+Shift+R switches it from anywhere in the window.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'copydesk-review-mode';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** True for Ctrl+Shift+R (Cmd+Shift+R on a Mac). */
export function isReviewShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'key'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'r';
}

export function useReviewMode() {
  const [mode, setModeState] = useState(stored);
  const setMode = useCallback((on: boolean) => {
    setModeState(on);
    try {
      window.localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // A full or blocked storage only costs remembering it.
    }
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isReviewShortcut(event)) return;
      // The browser's own Ctrl+Shift+R reloads the page; here it is review mode.
      event.preventDefault();
      setModeState((on) => {
        try {
          window.localStorage.setItem(KEY, on ? 'off' : 'on');
        } catch {
          // As above.
        }
        return !on;
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { mode, setMode };
}
