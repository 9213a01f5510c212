/**
 * What the main pane shows (an article, the trash, a damaged file, or nothing) and how it
 * changes: the open article is left only once its edits are saved (use-leave freezes it
 * meanwhile), and of two switches asked for while it is being left, the last wins.
 */
import { useCallback, useRef, useState } from 'react';
import { api } from '../api';
import type { OpenArticle } from '../article/use-leave';
import { useCommand } from './command-registry';

export type View =
  | { kind: 'none' }
  | { kind: 'article'; id: string }
  | { kind: 'damaged'; slug: string }
  | { kind: 'trash' }
  /** The source library, with one source open (or none). */
  | { kind: 'sources'; id: string | null };

interface OpenArticleOptions {
  /** Loads the library list again. */
  refresh: () => Promise<void>;
  /** Says what went wrong in the sidebar, or null to clear it. */
  setError: (message: string | null) => void;
}

export function useOpenArticle({ refresh, setError }: OpenArticleOptions) {
  const [view, setView] = useState<View>({ kind: 'none' });
  const openArticle = useRef<OpenArticle | null>(null);
  const registerOpenArticle = useCallback((open: OpenArticle | null) => {
    openArticle.current = open;
  }, []);
  // Counts switches, so that of two clicks made while an article is being left the last wins.
  const switches = useRef(0);
  /** Where the user last asked to go while the open article could not be saved. */
  const blocked = useRef<View | null>(null);

  /**
   * Freezes the open article and saves it before leaving it; a draft left blank leaves
   * nothing behind. Nothing typed meanwhile can reach it, so nothing is lost or misplaced.
   */
  const leaveOpenArticle = useCallback(
    async (stillLeaving: () => boolean = () => true): Promise<boolean> => {
      const open = openArticle.current;
      if (!open) return true;
      if (!(await open.leave())) {
        setError('The open article has edits that could not be saved, so it stays open. See the message above its headline.');
        return false;
      }
      // A blank draft goes, unless the user went back to it meanwhile.
      if (open.isBlank() && stillLeaving()) await api.articles.delete({ id: open.id }).catch(() => undefined);
      return true;
    },
    [setError],
  );

  /** Shows another view once the open article's edits are saved; stays put if they cannot be. */
  const openView = useCallback(
    async (next: View) => {
      // The article already open (its row clicked again, the palette): stay on it, and take
      // back a switch away from it still under way.
      const open = openArticle.current;
      if (next.kind === 'article' && open?.id === next.id) {
        ++switches.current;
        blocked.current = null;
        open.resume();
        return;
      }
      const switchNumber = ++switches.current;
      if (!(await leaveOpenArticle(() => switchNumber === switches.current))) {
        blocked.current = next;
        return;
      }
      if (switchNumber !== switches.current) return;
      blocked.current = null;
      setError(null);
      setView(next);
    },
    [leaveOpenArticle, setError],
  );

  const newArticle = useCallback(async () => {
    try {
      const switchNumber = ++switches.current;
      // Leave the open article first, so a failing save does not leave empty drafts behind.
      if (!(await leaveOpenArticle()) || switchNumber !== switches.current) return;
      const article = await api.articles.create({});
      await refresh();
      // Another article was picked meanwhile: go there, and leave no empty draft behind.
      if (switchNumber !== switches.current) {
        await api.articles.delete({ id: article.id }).catch(() => undefined);
        return;
      }
      setView({ kind: 'article', id: article.id });
    } catch (e) {
      // Still on the article left: it takes edits again.
      openArticle.current?.resume();
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [refresh, leaveOpenArticle, setError]);

  // New article from the menu, the palette or Ctrl/Cmd+N; Ctrl/Cmd+S is every editor's
  // reflex: save now (instead of the browser's "Save page as").
  useCommand('new-article', () => void newArticle());
  useCommand('save', () => void openArticle.current?.flush());

  /** Shows a view at once; for when nothing is open, or the open article itself asks. */
  const show = setView;

  /**
   * The open article's edits were given up (or kept in its history): goes where the user
   * last asked to go, or to nothing.
   */
  const leaveUnsaved = useCallback(() => {
    const next = blocked.current ?? { kind: 'none' };
    blocked.current = null;
    return openView(next);
  }, [openView]);

  return { view, show, openView, newArticle, registerOpenArticle, leaveUnsaved };
}
