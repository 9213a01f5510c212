/**
 * The workflow's rules on an article file, as pure functions: an edit of approved copy
 * reopens it (only when confirmed) and is recorded; a status change is recorded with who,
 * when, a note and any override; a reviewer's decision replaces an earlier one on the same
 * claim. The store reads, checks the revision and writes; these say what is written.
 */
import type { ArticleFile, ArticleMetaPatch, ArticleStatus, ClaimDecision, LexicalBody, StatusChange } from '../../shared/article';
import { ApiError } from '../../shared/errors';

/** The article's review with one more status change at the end of its history. */
function withHistory(article: ArticleFile, change: StatusChange): ArticleFile['review'] {
  return { ...article.review, history: [...(article.review.history ?? []), change] };
}

/** The article with an edit applied; approved copy is refused unless `reopen`, then sent back to review. */
export function editedArticle(
  article: ArticleFile,
  edit: { meta?: ArticleMetaPatch | undefined; body?: LexicalBody | undefined; reopen?: boolean | undefined; by?: string | undefined },
  name: string,
  now: string,
): ArticleFile {
  const reopening = article.meta.status === 'approved';
  if (reopening && !edit.reopen) {
    throw new ApiError('refused', `“${article.meta.headline || name}” is approved. Editing it sends it back to review; confirm that to go on.`, [
      { path: 'reopen', message: 'editing approved copy needs confirmation' },
    ]);
  }
  return {
    ...article,
    meta: { ...article.meta, ...edit.meta, ...(reopening ? { status: 'in-review' as const } : {}), updatedAt: now },
    body: edit.body ?? article.body,
    review: reopening ? withHistory(article, { from: 'approved', to: 'in-review', by: edit.by || 'unknown', at: now, note: 'Edited after approval' }) : article.review,
  };
}

/** The article moved to another status, the move recorded. */
export function movedArticle(
  article: ArticleFile,
  move: { status: ArticleStatus; by?: string | undefined; note?: string | undefined; override?: string | undefined },
  now: string,
): ArticleFile {
  const change: StatusChange = {
    from: article.meta.status,
    to: move.status,
    by: move.by?.trim() || 'unknown',
    at: now,
    ...(move.note?.trim() ? { note: move.note.trim() } : {}),
    ...(move.override?.trim() ? { override: move.override.trim() } : {}),
  };
  return { ...article, meta: { ...article.meta, status: move.status, updatedAt: now }, review: withHistory(article, change) };
}

/** The article with a reviewer's decision on a claim (replacing an earlier one), or without it for null. */
export function decidedArticle(
  article: ArticleFile,
  decision: { claimId: string; decision: ClaimDecision | null; comment?: string | undefined; by: string; text?: string | undefined },
  now: string,
): ArticleFile {
  const others = article.review.decisions.filter((d) => d.claimId !== decision.claimId);
  const decisions = decision.decision
    ? [
        ...others,
        {
          claimId: decision.claimId,
          decision: decision.decision,
          by: decision.by,
          at: now,
          ...(decision.comment?.trim() ? { comment: decision.comment.trim() } : {}),
          ...(decision.text ? { text: decision.text } : {}),
        },
      ]
    : others;
  return { ...article, review: { ...article.review, decisions } };
}
