/**
 * Search as you type: the query is sent 150 ms after typing pauses, answers to older
 * queries are dropped, and the index's state (ready, or indexing N of M) follows the
 * host's `search.status` events; a search made while indexing runs again once it is ready.
 */
import { useEffect, useState } from 'react';
import type { SearchResult, SearchStatus } from '../../../shared/library';
import { api } from '../api';

export const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 50;

export interface SearchAnswer extends SearchResult {
  /** The query this answers. */
  query: string;
}

export function useLibrarySearch(query: string) {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<SearchStatus | null>(null);

  useEffect(() => {
    void api.search.status({}).then(setStatus, () => undefined);
    return api.on('search.status', setStatus);
  }, []);

  const trimmed = query.trim();
  const ready = status?.state === 'ready';
  useEffect(() => {
    if (!trimmed) {
      setAnswer(null);
      setError(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api.search.query({ query: trimmed, limit: LIMIT }).then(
        (result) => {
          if (stale) return;
          setAnswer({ ...result, query: trimmed });
          setError(null);
        },
        (e: unknown) => {
          if (!stale) setError(e instanceof Error ? e.message : String(e));
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `ready` on purpose: a search answered while indexing runs again once the index is complete
  }, [trimmed, ready]);

  return { answer: trimmed ? answer : null, error: trimmed ? error : null, status };
}
