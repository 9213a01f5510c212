/**
 * How another part of the app (the command palette) asks the sidebar's search box to
 * search for some words: one listener, the search box while it is on screen.
 */
type Listener = (query: string) => void;

let listener: Listener | null = null;

/** Puts `query` in the library's search box and runs it. */
export function requestSearch(query: string): void {
  listener?.(query);
}

/** The search box listens while mounted; returns the unsubscribe. */
export function onSearchRequest(next: Listener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}
