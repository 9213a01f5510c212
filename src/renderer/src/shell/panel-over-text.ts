/**
 * On a narrow window the review and sources panels open over the text; with the library
 * beside it too, the text would be left a sliver. While such a panel is open the library
 * steps aside (the sidebar's toggle brings it back), and returns when the panel closes.
 */
import { useEffect } from 'react';

const EVENT = 'copydesk:panel-over-text';

/** Says, while `over` holds, that a panel covers the text. */
export function usePanelOverText(over: boolean): void {
  useEffect(() => {
    if (!over) return;
    window.dispatchEvent(new CustomEvent<boolean>(EVENT, { detail: true }));
    return () => {
      window.dispatchEvent(new CustomEvent<boolean>(EVENT, { detail: false }));
    };
  }, [over]);
}

/** Calls `listener` when a panel starts or stops covering the text; returns the unsubscribe. */
export function onPanelOverText(listener: (over: boolean) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<boolean>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
