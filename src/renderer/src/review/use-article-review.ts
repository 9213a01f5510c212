/**
 * Puts the open article's review together: review mode, the live check of the text on
 * screen, the reviewer's name, decisions and the workflow (both written through the
 * autosave's change path, so they never race a save), and the report.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { ArticleStatus, ClaimDecision, StatusChange } from '../../../shared/article';
import type { ReviewedClaim } from '../../../shared/review';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { api } from '../api';
import type { Autosave } from '../article/use-autosave';
import type { ClaimFilter } from './claim-status';
import type { ArticleReview } from './ReviewContext';
import { downloadText } from './download';
import { useReviewCheck } from './use-review-check';
import { useReviewMode } from './use-review-mode';
import { useReviewerName } from './use-reviewer-name';
import { useWorkflow } from './use-workflow';

interface ReviewOptions {
  id: string;
  status: ArticleStatus;
  initialHistory: StatusChange[];
  editorRef: RefObject<LexicalEditor | null>;
  autosave: Pick<Autosave, 'change' | 'flush'>;
  onStatus: (status: ArticleStatus) => void;
}

export function useArticleReview({ id, status, initialHistory, editorRef, autosave, onStatus }: ReviewOptions): ArticleReview {
  const { mode, setMode } = useReviewMode();
  const [filter, setFilter] = useState<ClaimFilter>('all');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [highlights, setHighlights] = useState(true);
  const readBody = useCallback(() => {
    const editor = editorRef.current;
    return editor ? bodyOfEditorState(editor.getEditorState()) : undefined;
  }, [editorRef]);
  const checked = useReviewCheck(id, mode, readBody);
  const reviewer = useReviewerName();
  const { change, flush } = autosave;
  const workflow = useWorkflow({ id, initialHistory, change, ensureName: reviewer.ensure, onStatus });
  const { ensure } = reviewer;
  const { showDecision, recheck } = checked;

  const decide = useCallback(
    async (claim: ReviewedClaim, decision: ClaimDecision | null, comment?: string) => {
      const by = await ensure();
      if (!by) return;
      const note = comment?.trim();
      await change((baseRevision) =>
        api.review.decide({ id, baseRevision, claimId: claim.id, decision, by, text: claim.text, ...(note ? { comment: note } : {}) }),
      );
      showDecision(
        claim.id,
        decision ? { claimId: claim.id, decision, by, at: new Date().toISOString(), text: claim.text, ...(note ? { comment: note } : {}) } : null,
      );
      recheck();
    },
    [id, change, ensure, showDecision, recheck],
  );

  const showOpen = useCallback(() => {
    setMode(true);
    setFilter('open');
  }, [setMode]);

  const downloadReport = useCallback(
    async (format: 'html' | 'md') => {
      // The report is of the article as saved: what is on screen goes first.
      if (!(await flush())) throw new Error('The article has edits that could not be saved yet, so the report would miss them.');
      const { text, fileName } = await api.review.report({ id, format });
      downloadText(text, fileName, format === 'html' ? 'text/html' : 'text/markdown');
    },
    [id, flush],
  );

  return useMemo(
    () => ({
      id,
      status,
      mode,
      setMode,
      checked,
      filter,
      setFilter,
      activeId,
      setActiveId,
      highlights,
      setHighlights,
      reviewer,
      workflow,
      decide,
      showOpen,
      downloadReport,
    }),
    [id, status, mode, setMode, checked, filter, activeId, highlights, reviewer, workflow, decide, showOpen, downloadReport],
  );
}
