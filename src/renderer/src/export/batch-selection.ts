/**
 * The batch dialog's list: which articles it shows (by status and by words of the
 * headline), which it picks at first (the approved ones), and what its progress says.
 */
import type { ArticleStatus, ArticleListItem } from '../../../shared/article';
import { formatCount, statusLabel } from '../format';

export type StatusFilter = 'all' | ArticleStatus;

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'approved', 'in-review', 'draft'];

export function filterLabel(filter: StatusFilter): string {
  return filter === 'all' ? 'All' : statusLabel(filter);
}

/** What the dialog picks before the editor does: everything approved, the copy meant to go out. */
export function preselected(articles: readonly ArticleListItem[]): Set<string> {
  return new Set(articles.filter((a) => a.status === 'approved').map((a) => a.id));
}

export function countByStatus(articles: readonly ArticleListItem[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: articles.length, draft: 0, 'in-review': 0, approved: 0 };
  for (const article of articles) counts[article.status] += 1;
  return counts;
}

export function shownArticles(articles: readonly ArticleListItem[], filter: StatusFilter, query: string): ArticleListItem[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return articles.filter(
    (a) => (filter === 'all' || a.status === filter) && words.every((w) => `${a.headline} ${a.slug}`.toLocaleLowerCase().includes(w)),
  );
}

/** The ids to export, in the library's order (the host exports them in that order). */
export function selectedInOrder(articles: readonly ArticleListItem[], selected: ReadonlySet<string>): string[] {
  return articles.filter((a) => selected.has(a.id)).map((a) => a.id);
}

export const headlineOrUntitled = (headline: string | undefined) => (headline?.trim() ? headline : 'Untitled');

/** "Exporting 2 of 5: “Headline”" — the article at work is the next in order. */
export function progressLabel(done: number, ids: readonly string[], headlineOf: (id: string) => string): string {
  if (done >= ids.length) return `Exported ${done} of ${ids.length}; writing the summary…`;
  return `Exporting ${done + 1} of ${ids.length}: “${headlineOrUntitled(headlineOf(ids[done] ?? ''))}”`;
}

/** "1 exported · 2 refused · 0 failed" */
export function outcomeLine(exported: number, refused: number, failed: number): string {
  return [`${exported} exported`, `${refused} refused`, `${failed} failed`].join(' · ');
}

export function exportButtonLabel(count: number): string {
  return count ? `Export ${formatCount(count, 'article', 'articles')}` : 'Export';
}
