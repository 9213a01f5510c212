/**
 * Crash recovery for the open article: its unsaved state (fields and body) is written to
 * IndexedDB once typing pauses (300 ms without an edit, or every 2 s for someone who
 * never pauses, then in an idle moment: serializing a long body is whole-document work
 * that must not run per keystroke) and cleared once a save is confirmed. On
 * open, a record left behind by a killed page or app, with text that differs from the
 * file, is offered: recover (the file's text is kept as a version first, then the
 * recovered text is put on screen and saved) or discard.
 */
import { $getRoot, type EditorState, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Article, ArticleMeta, ArticleMetaPatch } from '../../../shared/article';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { plainTextFromBody } from '../../../document/plain-text';
import { api } from '../api';
import { shownMeta } from '../article/article-meta';
import type { SaveState } from '../article/use-autosave';
import { clearRecovery, readRecovery, writeRecovery, type RecoveryRecord } from './recovery-store';

/** The pause in typing after which the unsaved state is written. */
const PAUSE_MS = 300;
/** Someone who never pauses is still written this often. */
const MAX_WAIT_MS = 2000;
/** Serializing a long body takes a few milliseconds: it waits for an idle moment, this long at most. */
const IDLE_WAIT_MS = 700;

/** Runs `task` when the page is idle (or after `timeout`); where there is no idle callback, at once. */
function whenIdle(task: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else task();
}

interface RecoveryOptions {
  article: Article;
  meta: ArticleMeta;
  editorRef: RefObject<LexicalEditor | null>;
  saveState: SaveState;
  hasPending: () => boolean;
  /** Puts recovered fields on screen and into the next save. */
  applyMeta: (patch: ArticleMetaPatch) => void;
}

/** JSON with its keys sorted: the same content gives the same string, whoever wrote it. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function sameText(record: RecoveryRecord, article: Article): boolean {
  const fields = shownMeta(article.meta);
  const metaSame = Object.entries(record.meta).every(([key, value]) => canonical(value) === canonical(fields[key as keyof ArticleMetaPatch]));
  return metaSame && (record.body === null || canonical(record.body) === canonical(article.body));
}

export function useCrashRecovery({ article, meta, editorRef, saveState, hasPending, applyMeta }: RecoveryOptions) {
  const [offer, setOffer] = useState<RecoveryRecord | null>(null);
  const dirty = useRef(false);
  const body = useRef<EditorState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const metaRef = useRef(meta);
  const { id, revision } = article;

  // A record left from before is offered, unless it holds the file's own text.
  useEffect(() => {
    let live = true;
    void readRecovery(id).then((record) => {
      if (!live || !record) return;
      if (sameText(record, article)) void clearRecovery(id);
      else setOffer(record);
    });
    return () => {
      live = false;
    };
    // Read once per version of the article opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, revision]);

  const write = useCallback(() => {
    timer.current = undefined;
    if (!dirty.current) return;
    const state = body.current;
    const serialized = state ? bodyOfEditorState(state) : null;
    const text = serialized ? plainTextFromBody(serialized) : '';
    void writeRecovery({
      articleId: id,
      at: Date.now(),
      baseRevision: revision,
      meta: shownMeta(metaRef.current),
      body: serialized,
      preview: `${metaRef.current.headline ? `${metaRef.current.headline} — ` : ''}${text}`.slice(0, 300),
    });
  }, [id, revision]);

  /** When the oldest edit not yet written was made: the pause never stretches past the max wait. */
  const since = useRef<number | null>(null);
  const schedule = useCallback(() => {
    dirty.current = true;
    const now = Date.now();
    since.current ??= now;
    clearTimeout(timer.current);
    const wait = Math.min(PAUSE_MS, Math.max(0, since.current + MAX_WAIT_MS - now));
    timer.current = setTimeout(() => {
      since.current = null;
      whenIdle(write, IDLE_WAIT_MS);
    }, wait);
  }, [write]);

  /** The body changed on screen. */
  const noteBody = useCallback(
    (state: EditorState) => {
      body.current = state;
      schedule();
    },
    [schedule],
  );

  // The fields changed on screen (not on the first render, nor a change of status).
  useEffect(() => {
    const before = metaRef.current;
    metaRef.current = meta;
    if (before !== meta && canonical(shownMeta(before)) !== canonical(shownMeta(meta))) schedule();
  }, [meta, schedule]);

  // A confirmed save with nothing left pending: nothing to recover any more.
  const savedAt = saveState.kind === 'saved' ? saveState.at : null;
  useEffect(() => {
    if (savedAt === null || hasPending()) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    since.current = null;
    dirty.current = false;
    void clearRecovery(id);
  }, [id, savedAt, hasPending]);

  // A page that is hidden or closed writes what is waiting at once, not 300 ms later.
  useEffect(() => {
    const now = () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      write();
    };
    const onHidden = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHidden);
      clearTimeout(timer.current);
    };
  }, [write]);

  const recover = useCallback(async () => {
    if (!offer) return;
    // The file's text stays in the versions list.
    await api.articles.keepVersion({ id }).catch(() => undefined);
    applyMeta(offer.meta);
    const editor = editorRef.current;
    if (editor && offer.body) {
      editor.setEditorState(editor.parseEditorState(JSON.stringify(offer.body)));
      // Marked as an edit, so the change listeners (the autosave) take it up.
      editor.update(() => $getRoot().markDirty());
      editor.focus();
    }
    setOffer(null);
  }, [offer, id, applyMeta, editorRef]);

  const discard = useCallback(() => {
    setOffer(null);
    void clearRecovery(id);
  }, [id]);

  return { offer, recover, discard, noteBody };
}
