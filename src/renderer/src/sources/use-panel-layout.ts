/**
 * Whether the sources panel shows. On a wide window it sits beside the text, open or
 * collapsed as the user last left it (remembered); under 1,100 px it would squeeze the
 * text below a comfortable measure, so it is a toggle that opens over the text.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'copydesk-sources-panel';
export const NARROW_WINDOW = '(max-width: 1099px)';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'collapsed';
  } catch {
    return true;
  }
}

/** Whether the window is under 1,100 px wide, following it as it is resized. */
export function useNarrowWindow(onChange?: () => void): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_WINDOW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_WINDOW);
    const changed = () => {
      setNarrow(query.matches);
      onChange?.();
    };
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [onChange]);
  return narrow;
}

const closeOnResize = (close: (open: boolean) => void) => () => close(false);

export function usePanelLayout() {
  const [wideOpen, setWideOpen] = useState(stored);
  const [narrowOpen, setNarrowOpen] = useState(false);
  const [onResize] = useState(() => closeOnResize(setNarrowOpen));
  const narrow = useNarrowWindow(onResize);
  const setOpen = useCallback(
    (open: boolean) => {
      if (narrow) return setNarrowOpen(open);
      setWideOpen(open);
      try {
        window.localStorage.setItem(KEY, open ? 'open' : 'collapsed');
      } catch {
        // A full or blocked storage only costs remembering it.
      }
    },
    [narrow],
  );
  return { narrow, open: narrow ? narrowOpen : wideOpen, setOpen };
}
