/**
 * The library: every article's summary and the files that cannot be read, loaded once and
 * then kept current from change events in a LibraryStore (so a save touches one row, not
 * the app); and the workspace's name and path.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { api } from '../api';
import { LibraryStore } from './library-store';

interface LibraryOptions {
  /** Says what went wrong loading the list, or null once it loads. */
  setError: (message: string | null) => void;
}

export function useLibrary({ setError }: LibraryOptions) {
  const [store] = useState(() => new LibraryStore());
  const [info, setInfo] = useState<ApiResponse<'workspace.info'> | null>(null);
  /** Why this page may not use the workspace (browser mode without a valid token). */
  const [locked, setLocked] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      store.reset(await api.articles.list({}));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'bad-token') setLocked(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, [setError, store]);

  useEffect(() => {
    void refresh();
    void api.workspace.info({}).then(setInfo, () => undefined);
    return api.on('library.changed', ({ changes }) => {
      if (!store.apply(changes)) void refresh();
    });
  }, [refresh, store]);

  return { store, info, locked, refresh };
}
