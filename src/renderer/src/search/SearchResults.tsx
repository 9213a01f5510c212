/**
 * What a search found, in place of the list: each hit with its kicker, headline and a
 * passage with the matched words marked; the index's state while it is being built; and,
 * when nothing matches, a plain sentence saying so.
 */
import { forwardRef, type KeyboardEvent } from 'react';
import type { SearchHit, SearchStatus } from '../../../shared/library';
import { formatCount, statusLabel } from '../format';
import type { LibrarySnapshot } from '../library/library-store';
import { snippetParts } from './snippet-parts';
import type { SearchAnswer } from './use-library-search';

interface SearchResultsProps {
  query: string;
  answer: SearchAnswer | null;
  error: string | null;
  status: SearchStatus | null;
  snapshot: LibrarySnapshot;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

const FIELD_NAMES: Record<SearchHit['fields'][number], string> = { headline: 'headline', dek: 'dek', body: 'text', tags: 'tags', bylines: 'byline', sources: 'sources' };

/** Up and down arrows move between hits; up from the first goes back to the box. */
function moveBetweenHits(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const hits = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.search-hit')];
  const at = hits.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowUp' && at === 0) document.querySelector<HTMLInputElement>('.library-search__input')?.focus();
  else hits[Math.max(0, Math.min(hits.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

export const SearchResults = forwardRef<HTMLUListElement, SearchResultsProps>(function SearchResults({ query, answer, error, status, snapshot, selectedId, onOpen }, ref) {
  const indexing = status?.state === 'indexing' || answer?.state === 'indexing';
  const waiting = !answer || answer.query !== query.trim();
  return (
    <section className="search-results" aria-label="Search results" aria-busy={waiting || undefined}>
      <p className="search-results__status" role="status">
        {error
          ? `Search failed: ${error}`
          : waiting
            ? 'Searching…'
            : answer.total === 0
              ? `Nothing matches “${answer.query}”.`
              : `${formatCount(answer.total, 'article matches', 'articles match')}${answer.total > answer.hits.length ? `; the best ${answer.hits.length} are shown` : ''}.`}
      </p>
      {indexing && (
        <p className="search-results__indexing">
          Indexing…{status && status.total > 0 ? ` ${status.indexed.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} articles` : ''}; results may miss some until it is done.
        </p>
      )}
      {answer && answer.total === 0 && !waiting && (
        <p className="search-results__advice">Check the spelling, use fewer words, or remove a filter such as tag: or status:.</p>
      )}
      {answer && answer.hits.length > 0 && (
        <ul className="search-results__list" ref={ref} onKeyDown={moveBetweenHits}>
          {answer.hits.map((hit) => {
            const article = snapshot.byId.get(hit.id);
            return (
              <li key={hit.id}>
                <button
                  type="button"
                  className={`search-hit${hit.id === selectedId ? ' search-hit--selected' : ''}`}
                  aria-current={hit.id === selectedId ? 'true' : undefined}
                  onClick={() => onOpen(hit.id)}
                >
                  {article && (article.kicker || article.section) && <span className="library__kicker">{[article.kicker, article.section].filter(Boolean).join(' · ')}</span>}
                  {/* A passage that is the headline itself is marked in the headline, not shown twice. */}
                  {article && hit.snippet.text.trim() === article.headline.trim() ? (
                    <span className="search-hit__headline">
                      <Marked snippet={hit.snippet} />
                    </span>
                  ) : (
                    <>
                      <span className="search-hit__headline">{article?.headline || 'Untitled'}</span>
                      {hit.snippet.text && (
                        <span className="search-hit__snippet">
                          <Marked snippet={hit.snippet} />
                        </span>
                      )}
                    </>
                  )}
                  <span className="library__meta">
                    {article && <span className={`pill status--${article.status}`}>{statusLabel(article.status)}</span>}
                    <span>in {hit.fields.map((f) => FIELD_NAMES[f]).join(', ')}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});

/** A passage with its matched words in <mark>. */
function Marked({ snippet }: { snippet: SearchHit['snippet'] }) {
  return (
    <>
      {snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
