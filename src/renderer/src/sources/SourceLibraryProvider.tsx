/**
 * The workspace's source library for every part of the app that shows sources (the
 * sidebar's count, the article's panel, the attribution card, the library pane): the list
 * loaded once and kept current from `sources.changed`, and whole sources (with their
 * snapshot) fetched when needed and remembered until they change.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Source, SourceSummary } from '../../../shared/source';
import { api } from '../api';
import { applySourceChanges, type SourceLibraryList } from './apply-source-changes';

export interface SourceLibrary {
  /** Null until the first list arrives. */
  list: SourceLibraryList | null;
  /** Why the list could not be loaded. */
  error: string | null;
  byId: ReadonlyMap<string, SourceSummary>;
  /** Loads the list again; after every change made here, and when a view opens. */
  refresh: () => Promise<void>;
  /** A whole source, snapshot included; asked for once until it changes. */
  getSource: (id: string) => Promise<Source>;
}

const SourceLibraryContext = createContext<SourceLibrary | null>(null);

export function SourceLibraryProvider({ children }: { children: ReactNode }) {
  const [list, setList] = useState<SourceLibraryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<SourceLibraryList | null>(null);
  const cache = useRef(new Map<string, Promise<Source>>());

  const refresh = useCallback(async () => {
    try {
      const listed = await api.sources.list({});
      // A source whose summary is unchanged keeps its object (and its snapshot, fetched
      // once); one that changed or went is asked for again when next needed.
      const known = new Map((listRef.current?.sources ?? []).map((s) => [s.id, s]));
      const sources = listed.sources.map((fresh) => {
        const old = known.get(fresh.id);
        known.delete(fresh.id);
        if (old && JSON.stringify(old) === JSON.stringify(fresh)) return old;
        cache.current.delete(fresh.id);
        return fresh;
      });
      for (const gone of known.keys()) cache.current.delete(gone);
      const next = { sources, damaged: listed.damaged };
      listRef.current = next;
      setList(next);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return api.on('sources.changed', ({ changes }) => {
      for (const change of changes) {
        if (change.id) cache.current.delete(change.id);
        else cache.current.clear();
      }
      const current = listRef.current;
      const next = current && applySourceChanges(current, changes);
      if (next) {
        listRef.current = next;
        setList(next);
      } else {
        void refresh();
      }
    });
  }, [refresh]);

  const getSource = useCallback((id: string) => {
    let known = cache.current.get(id);
    if (!known) {
      known = api.sources.get({ id });
      cache.current.set(id, known);
      known.catch(() => cache.current.delete(id));
    }
    return known;
  }, []);

  const value = useMemo<SourceLibrary>(
    () => ({ list, error, byId: new Map((list?.sources ?? []).map((s) => [s.id, s])), refresh, getSource }),
    [list, error, refresh, getSource],
  );
  return <SourceLibraryContext.Provider value={value}>{children}</SourceLibraryContext.Provider>;
}

export function useSourceLibrary(): SourceLibrary {
  const library = useContext(SourceLibraryContext);
  if (!library) throw new Error('useSourceLibrary needs a SourceLibraryProvider above it.');
  return library;
}

/**
 * One whole source, fetched again whenever its summary changes (a new version on disk);
 * null while it loads. A source the library no longer lists is said to be gone.
 */
export function useSource(id: string | null): { source: Source | null; error: string | null } {
  const { getSource, byId, list } = useSourceLibrary();
  const summary = id ? byId.get(id) : undefined;
  const listed = list !== null;
  const [state, setState] = useState<{ id: string | null; source: Source | null; error: string | null }>({ id: null, source: null, error: null });
  useEffect(() => {
    if (!id) return;
    if (listed && !summary) {
      setState({ id, source: null, error: 'This source is no longer in the library.' });
      return;
    }
    let current = true;
    getSource(id).then(
      (source) => current && setState({ id, source, error: null }),
      (e: unknown) => current && setState({ id, source: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [id, summary, listed, getSource]);
  return state.id === id ? { source: state.source, error: state.error } : { source: null, error: null };
}
