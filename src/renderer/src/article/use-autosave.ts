/**
 * Autosave: edits are gathered (meta fields as a patch, the body as the latest editor
 * state) and written one second after typing stops, one save at a time, each on top of
 * the revision the last one returned. A save that fails keeps the edits for the next try.
 * Only a failure that may pass by itself (RETRYABLE_ERROR_CODES: the host unreachable or
 * busy, an old token) is retried, with growing pauses. One that cannot pass (a conflict, a
 * read-only workspace, a file gone or damaged) is not sent again until the user asks (Try
 * now, Ctrl+S, a switch); after an invalid request, the next edit may mend it and is saved.
 */
import type { EditorState } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleMetaPatch } from '../../../shared/article';
import type { ApiResponse } from '../../../shared/contract';
import { ApiError, RETRYABLE_ERROR_CODES, type ApiErrorCode } from '../../../shared/errors';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { api } from '../api';

export type SaveState =
  | { kind: 'saved'; at: number | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; code: ApiErrorCode }
  | { kind: 'conflict'; message: string };

export const AUTOSAVE_IDLE_MS = 1000;
/** Someone who never pauses is still saved this often. */
export const AUTOSAVE_MAX_WAIT_MS = 4000;
const RETRY_MS = [2_000, 5_000, 15_000, 30_000];

/** What a save, and a change made beside the saves (status, slug), hands back. */
export type SaveResult = ApiResponse<'articles.save'>;

export interface Autosave {
  state: SaveState;
  editMeta: (patch: ArticleMetaPatch) => void;
  editBody: (state: EditorState) => void;
  /** Saves now if anything is pending; true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /**
   * Saves what is pending, then makes a change of its own call (status, slug) on top of
   * the revision saved; saves wait for it and build on the revision it returns. Rejects
   * when the pending edits cannot be saved, or when the change is refused.
   */
  change: (apply: (baseRevision: string) => Promise<SaveResult>) => Promise<SaveResult>;
  /** Takes a revision from outside (after a reload from disk). */
  setRevision: (revision: string) => void;
  /** True while edits are waiting to be written. */
  hasPending: () => boolean;
  /** Forgets the pending edits (and the failure that kept them), once they are kept elsewhere or given up. */
  discard: () => void;
}

/** How long a save due by the max wait waits for an idle moment, at most. */
const IDLE_WAIT_MS = 500;

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
  else task();
}

export function useAutosave(id: string, initialRevision: string, onSaved: (result: SaveResult) => void): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const revision = useRef(initialRevision);
  const pendingMeta = useRef<ArticleMetaPatch | null>(null);
  const pendingBody = useRef<EditorState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const failures = useRef(0);
  /** When the oldest unsaved edit was made; the idle wait never stretches past the max wait. */
  const pendingSince = useRef<number | null>(null);
  /** Whether the last save that finished reached the disk. */
  const lastOk = useRef(true);
  const retry = useRef<() => void>(() => undefined);
  /** Set once the article is closed: a save that fails then is not retried by a timer. */
  const closed = useRef(false);
  /**
   * The code of a failure that sending the same edits again cannot mend: saves nobody asked
   * for wait until the user asks, or (after an invalid request) until the next edit.
   */
  const stuck = useRef<ApiErrorCode | null>(null);
  const onSavedRef = useRef(onSaved);
  useLayoutEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const hasPending = useCallback(() => pendingMeta.current !== null || pendingBody.current !== null, []);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    // Wait for every save in flight, not just one: another caller may start the next.
    let waited = false;
    while (inFlight.current) {
      waited = true;
      await inFlight.current;
    }
    // The save just waited for failed: report it rather than send the same edits again.
    if (waited && !lastOk.current) return false;
    if (!hasPending()) return lastOk.current;
    const meta = pendingMeta.current;
    const bodyState = pendingBody.current;
    pendingMeta.current = null;
    pendingBody.current = null;
    pendingSince.current = null;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const result = await api.articles.save({
          id,
          baseRevision: revision.current,
          ...(meta ? { meta } : {}),
          ...(bodyState ? { body: bodyOfEditorState(bodyState) } : {}),
        });
        revision.current = result.revision;
        failures.current = 0;
        lastOk.current = true;
        stuck.current = null;
        onSavedRef.current(result);
        setState(hasPending() ? { kind: 'unsaved' } : { kind: 'saved', at: Date.now() });
        return true;
      } catch (error) {
        // Keep the edits: merge them back under anything typed meanwhile.
        pendingMeta.current = meta || pendingMeta.current ? { ...meta, ...pendingMeta.current } : null;
        pendingBody.current ??= bodyState;
        // The next edit waits for the usual pause, rather than being sent at once.
        pendingSince.current = Date.now();
        lastOk.current = false;
        const message = error instanceof Error ? error.message : String(error);
        const code: ApiErrorCode = error instanceof ApiError ? error.code : 'internal';
        stuck.current = RETRYABLE_ERROR_CODES.has(code) ? null : code;
        if (code === 'conflict') {
          setState({ kind: 'conflict', message });
        } else {
          setState({ kind: 'error', message, code });
          // The host may be back in a moment (a busy disk, a restart, a new token); try again by itself.
          if (RETRYABLE_ERROR_CODES.has(code) && !closed.current) {
            const pause = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)]!;
            failures.current += 1;
            timer.current = setTimeout(() => retry.current(), pause);
          }
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    return ok;
  }, [id, hasPending]);

  /** Saves until nothing is pending (edits typed during a save included), or a save fails. */
  const flush = useCallback(async (): Promise<boolean> => {
    // Asked for (Try now, Ctrl+S, a switch): sent even after a failure that stopped the autosave.
    stuck.current = null;
    for (let round = 0; round < 5; round++) {
      if (!(await saveNow())) return false;
      while (inFlight.current) await inFlight.current;
      if (!lastOk.current) return false;
      if (!hasPending()) return true;
    }
    return false;
  }, [saveNow, hasPending]);

  /** A save nobody asked for (a pause in typing, a retry, a hidden page): not while stuck. */
  const saveByItself = useCallback(() => {
    if (stuck.current === null) void saveNow();
  }, [saveNow]);
  useLayoutEffect(() => {
    retry.current = saveByItself;
  }, [saveByItself]);

  const change = useCallback(
    async (apply: (baseRevision: string) => Promise<SaveResult>): Promise<SaveResult> => {
      if (!(await flush())) throw new Error('the article has edits that could not be saved yet; they are still here.');
      while (inFlight.current) await inFlight.current;
      const applied = apply(revision.current).then((result) => {
        revision.current = result.revision;
        onSavedRef.current(result);
        return result;
      });
      // Saves that start meanwhile wait for the change, whether it goes through or not.
      const gate = applied.then(
        () => true,
        () => true,
      );
      inFlight.current = gate;
      try {
        return await applied;
      } finally {
        if (inFlight.current === gate) inFlight.current = null;
      }
    },
    [flush],
  );

  const schedule = useCallback(() => {
    // This edit may be what mends an invalid request; nothing else typed can mend the rest.
    if (stuck.current === 'invalid-request') stuck.current = null;
    const waiting = stuck.current !== null;
    // The same state object when nothing changes: no re-render of the article per keystroke.
    // A failure that stops the autosave stays on screen while the user types on.
    setState((current) =>
      current.kind === 'conflict' || current.kind === 'unsaved' || (current.kind === 'error' && waiting) ? current : { kind: 'unsaved' },
    );
    const now = Date.now();
    pendingSince.current ??= now;
    clearTimeout(timer.current);
    if (waiting) return;
    const wait = Math.min(AUTOSAVE_IDLE_MS, Math.max(0, pendingSince.current + AUTOSAVE_MAX_WAIT_MS - now));
    // Due by the max wait, the writer is still typing: the save (which serializes the whole
    // body) waits for an idle moment between keys rather than landing on one.
    timer.current = setTimeout(wait < AUTOSAVE_IDLE_MS ? () => whenIdle(saveByItself) : saveByItself, wait);
  }, [saveByItself]);

  const editMeta = useCallback(
    (patch: ArticleMetaPatch) => {
      pendingMeta.current = { ...pendingMeta.current, ...patch };
      schedule();
    },
    [schedule],
  );

  const editBody = useCallback(
    (editorState: EditorState) => {
      pendingBody.current = editorState;
      schedule();
    },
    [schedule],
  );

  const setRevision = useCallback((next: string) => {
    revision.current = next;
  }, []);

  const discard = useCallback(() => {
    clearTimeout(timer.current);
    pendingMeta.current = null;
    pendingBody.current = null;
    pendingSince.current = null;
    stuck.current = null;
    // What failed was dropped with the edits: nothing is left unsaved, and leaving may go ahead.
    lastOk.current = true;
    failures.current = 0;
    setState({ kind: 'saved', at: null });
  }, []);

  // Leaving the page with edits pending: save, and let the browser ask the user to wait.
  useEffect(() => {
    closed.current = false;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasPending() && !inFlight.current) return;
      void saveNow();
      event.preventDefault();
    };
    // A hidden page may be frozen or closed next (a laptop lid, a switched tab): save now.
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && hasPending()) saveByItself();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
      clearTimeout(timer.current);
      // Closed with edits still waiting (the app leaves an article only once they are
      // saved, so this is the exception): write them now rather than drop them.
      closed.current = true;
      if (hasPending()) void saveNow();
    };
  }, [saveNow, saveByItself, hasPending]);

  return { state, editMeta, editBody, flush, change, setRevision, hasPending, discard };
}
