/**
 * The library: every article's summary and the files that cannot be read, loaded once and
 * then kept current from change events; and the workspace's name and path.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { api } from '../api';
import { applyLibraryChanges, type Library } from './apply-changes';

interface LibraryOptions {
  /** Says what went wrong loading the list, or null once it loads. */
  setError: (message: string | null) => void;
}

export function useLibrary({ setError }: LibraryOptions) {
  const [library, setLibrary] = useState<Library | null>(null);
  const [info, setInfo] = useState<ApiResponse<'workspace.info'> | null>(null);
  /** Why this page may not use the workspace (browser mode without a valid token). */
  const [locked, setLocked] = useState<string | null>(null);
  // The list as last set, for applying change events without waiting for a render.
  const libraryRef = useRef<Library | null>(null);

  const refresh = useCallback(async () => {
    try {
      const listed = await api.articles.list({});
      libraryRef.current = listed;
      setLibrary(listed);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'bad-token') setLocked(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, [setError]);

  useEffect(() => {
    void refresh();
    void api.workspace.info({}).then(setInfo, () => undefined);
    return api.on('library.changed', ({ changes }) => {
      const current = libraryRef.current;
      const next = current && applyLibraryChanges(current, changes);
      if (next) {
        libraryRef.current = next;
        setLibrary(next);
      } else {
        void refresh();
      }
    });
  }, [refresh]);

  return { library, info, locked, refresh };
}
