/**
 * The article's way through the desk: draft → in review → approved, and back. Every move
 * is made with the reviewer's name (and a note, or the reason to approve past open
 * claims) through the autosave's change path, so it lands after the edits typed before it
 * and the saves after it build on its revision. The history is read back from the file.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ArticleStatus, StatusChange } from '../../../shared/article';
import { ApiError } from '../../../shared/errors';
import { api } from '../api';
import type { Autosave } from '../article/use-autosave';

/** The approval the gate refused: how many claims are open, and the host's words. */
export interface Refusal {
  open: number;
  message: string;
}

export interface Workflow {
  history: StatusChange[];
  /** True while a move is on its way. */
  busy: boolean;
  refusal: Refusal | null;
  dismissRefusal: () => void;
  /**
   * Moves the article to `to`. False when the reviewer gave no name, or the gate refused an
   * approval (then `refusal` says why); throws on any other failure.
   */
  move: (to: ArticleStatus, why?: { note?: string; override?: string }) => Promise<boolean>;
  /** Sends approved copy back to review so it can be edited (recorded); false when no name was given. */
  reopenForEdit: () => Promise<boolean>;
}

interface WorkflowOptions {
  id: string;
  initialHistory: StatusChange[];
  change: Autosave['change'];
  ensureName: () => Promise<string | null>;
  /** The status the article has now, for the form to show. */
  onStatus: (status: ArticleStatus) => void;
}

export function useWorkflow({ id, initialHistory, change, ensureName, onStatus }: WorkflowOptions): Workflow {
  const [history, setHistory] = useState<StatusChange[]>(initialHistory);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const reloadHistory = useCallback(async () => {
    const article = await api.articles.get({ id }).catch(() => null);
    if (article) setHistory(article.review.history ?? []);
  }, [id]);

  const move = useCallback(
    async (to: ArticleStatus, why: { note?: string; override?: string } = {}) => {
      const by = await ensureName();
      if (!by) return false;
      setBusy(true);
      try {
        const note = why.note?.trim();
        const override = why.override?.trim();
        await change((baseRevision) =>
          api.articles.setStatus({ id, baseRevision, status: to, by, ...(note ? { note } : {}), ...(override ? { override } : {}) }),
        );
        setRefusal(null);
        onStatus(to);
        await reloadHistory();
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'refused' && to === 'approved' && !why.override) {
          setRefusal({ open: error.issues?.length ?? 0, message: error.message });
          return false;
        }
        throw new Error(`The status was not changed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      } finally {
        setBusy(false);
      }
    },
    [id, change, ensureName, onStatus, reloadHistory],
  );

  const reopenForEdit = useCallback(async () => {
    const by = await ensureName();
    if (!by) return false;
    setBusy(true);
    try {
      await change((baseRevision) => api.articles.save({ id, baseRevision, reopen: true, by }));
      setRefusal(null);
      onStatus('in-review');
      await reloadHistory();
      return true;
    } finally {
      setBusy(false);
    }
  }, [id, change, ensureName, onStatus, reloadHistory]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return useMemo(() => ({ history, busy, refusal, dismissRefusal, move, reopenForEdit }), [history, busy, refusal, dismissRefusal, move, reopenForEdit]);
}
