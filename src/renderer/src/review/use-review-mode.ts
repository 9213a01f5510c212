/**
 * Whether review mode is on: the right column shows the review panel instead of the
 * sources. Remembered across articles and launches (a reviewer goes through several in a
 * row); Ctrl/Cmd+Shift+R switches it from anywhere in the window.
 */
import { useCallback, useState } from 'react';
import { useCommand } from '../shell/command-registry';

const KEY = 'copydesk-review-mode';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
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

  // Ctrl/Cmd+Shift+R (the browser's own reloads the page; here it is review mode), the
  // View menu and the palette.
  useCommand('review-mode', () =>
    setModeState((on) => {
      try {
        window.localStorage.setItem(KEY, on ? 'off' : 'on');
      } catch {
        // A full or blocked storage only costs remembering it.
      }
      return !on;
    }),
  );

  return { mode, setMode };
}
