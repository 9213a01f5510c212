/**
 * The batch dialog's picker: status filters with their counts, a search by headline, the
 * shown articles with a checkbox each, and a box that picks or drops all of those shown.
 */
import { useEffect, useRef } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { formatCount, statusLabel } from '../format';
import { countByStatus, filterLabel, headlineOrUntitled, shownArticles, STATUS_FILTERS, type StatusFilter } from './batch-selection';

interface BatchArticleListProps {
  articles: readonly ArticleListItem[];
  selected: ReadonlySet<string>;
  onSelected: (next: Set<string>) => void;
  filter: StatusFilter;
  onFilter: (filter: StatusFilter) => void;
  query: string;
  onQuery: (query: string) => void;
}

export function BatchArticleList({ articles, selected, onSelected, filter, onFilter, query, onQuery }: BatchArticleListProps) {
  const counts = countByStatus(articles);
  const shown = shownArticles(articles, filter, query);
  const pickedShown = shown.filter((a) => selected.has(a.id)).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = pickedShown > 0 && pickedShown < shown.length;
  }, [pickedShown, shown.length]);

  const toggle = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const articleId of ids) {
      if (on) next.add(articleId);
      else next.delete(articleId);
    }
    onSelected(next);
  };

  return (
    <div className="batch-pick">
      <div className="batch-pick__bar">
        <div className="export-filters" role="group" aria-label="Show articles">
          {STATUS_FILTERS.map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} className={filter === f ? 'active' : ''} onClick={() => onFilter(f)}>
              {filterLabel(f)} <span className="export-filters__count">{counts[f]}</span>
            </button>
          ))}
        </div>
        <input
          type="search"
          className="batch-pick__search"
          aria-label="Find by headline"
          placeholder="Find by headline"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
      </div>
      <div className="batch-pick__all">
        <label className="export-check">
          <input ref={all} type="checkbox" disabled={!shown.length} checked={shown.length > 0 && pickedShown === shown.length} onChange={(e) => toggle(shown.map((a) => a.id), e.target.checked)} />
          All shown ({shown.length})
        </label>
        <span className="batch-pick__count" aria-live="polite">
          {formatCount(selected.size, 'article', 'articles')} selected
        </span>
      </div>
      {shown.length ? (
        <ul className="batch-pick__list" aria-label="Articles to export">
          {shown.map((a) => (
            <li key={a.id}>
              <label className="batch-pick__row">
                <input type="checkbox" checked={selected.has(a.id)} onChange={(e) => toggle([a.id], e.target.checked)} />
                <span className="batch-pick__headline">{headlineOrUntitled(a.headline)}</span>
                <span className={`pill status--${a.status}`}>{statusLabel(a.status)}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="batch-pick__empty">
          {!articles.length
            ? 'The workspace has no articles yet.'
            : query.trim()
              ? `No ${filter === 'all' ? '' : `${filterLabel(filter).toLowerCase()} `}article has “${query.trim()}” in its headline.`
              : `No article is ${filterLabel(filter).toLowerCase()}.`}{' '}
          {articles.length > 0 && (
            <button type="button" className="link-button" onClick={() => { onFilter('all'); onQuery(''); }}>
              Show all articles
            </button>
          )}
        </p>
      )}
    </div>
  );
}
