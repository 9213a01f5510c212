/**
 * The library's view (sort and filters, kept per workspace in this browser's storage) and
 * the order of the rows it gives, kept up to date one row at a time after saves.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_VIEW, loadView, orderArticles, saveView, updateOrder, type LibraryView } from './library-view';
import type { LibrarySnapshot, LibraryStore } from './library-store';

export function useLibraryView(workspacePath: string | null) {
  const [view, setViewState] = useState<LibraryView>(DEFAULT_VIEW);
  // The view stored for this workspace, once its path is known.
  useEffect(() => {
    if (workspacePath) setViewState(loadView(workspacePath));
  }, [workspacePath]);
  const setView = useCallback(
    (next: LibraryView) => {
      setViewState(next);
      if (workspacePath) saveView(workspacePath, next);
    },
    [workspacePath],
  );
  return { view, setView };
}

/**
 * The ids the list shows, in order, remembered between renders: sorted once, then moved
 * one row at a time as articles change. The same inputs always give the same order, so
 * asking twice (as React may) is harmless.
 */
class OrderCache {
  private last: { version: number; view: LibraryView; order: string[] } | null = null;

  order(store: LibraryStore, snapshot: LibrarySnapshot | null, view: LibraryView): readonly string[] {
    if (!snapshot) return [];
    const previous = this.last;
    if (previous && previous.view === view && previous.version === snapshot.version) return previous.order;
    let order: string[] | null = null;
    if (previous && previous.view === view) {
      const changed = store.changedSince(previous.version);
      if (changed) order = updateOrder(previous.order, changed, snapshot.byId, view);
    }
    order ??= orderArticles(snapshot.articles, view);
    this.last = { version: snapshot.version, view, order };
    return order;
  }
}

export function useArticleOrder(store: LibraryStore, snapshot: LibrarySnapshot | null, view: LibraryView): readonly string[] {
  const [cache] = useState(() => new OrderCache());
  return cache.order(store, snapshot, view);
}
