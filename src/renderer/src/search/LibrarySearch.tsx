/**
 * The library's search box (Ctrl/Cmd+Shift+F): words, "phrases in quotes" and field
 * filters (`tag:energy status:draft`), the filters it understood shown as chips under it.
 * Escape empties it; the down arrow goes to the first hit.
 */
import { useEffect, useRef } from 'react';
import { shortcutLabel, commandById } from '../../../shared/commands';
import { parseSearchQuery, type FilterField } from '../../../shared/search-query';
import { IS_MAC, useCommand } from '../shell/command-registry';
import { onSearchRequest } from './search-request';
import './Search.css';

const FILTER_LABELS: Record<FilterField, string> = { tag: 'Tag', status: 'Status', section: 'Section', byline: 'Byline', lang: 'Language' };

interface LibrarySearchProps {
  query: string;
  onQuery: (query: string) => void;
  /** Moves focus to the first hit (down arrow in the box). */
  onFocusHits: () => void;
}

export function LibrarySearch({ query, onQuery, onFocusHits }: LibrarySearchProps) {
  const input = useRef<HTMLInputElement>(null);
  useCommand('search', () => {
    input.current?.focus();
    input.current?.select();
  });
  useEffect(
    () =>
      onSearchRequest((asked) => {
        onQuery(asked);
        input.current?.focus();
      }),
    [onQuery],
  );
  const parsed = parseSearchQuery(query);
  const filters = (Object.entries(parsed.filters) as Array<[FilterField, string[]]>).flatMap(([field, values]) => values.map((value) => ({ field, value })));
  const shortcut = shortcutLabel(commandById('search').accelerator, IS_MAC);
  return (
    <div className="library-search">
      <input
        ref={input}
        type="search"
        className="library-search__input"
        aria-label="Search articles"
        aria-describedby="library-search-hint"
        placeholder={`Search articles (${shortcut})`}
        value={query}
        spellCheck={false}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            onQuery('');
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onFocusHits();
          }
        }}
      />
      {filters.length > 0 ? (
        <ul className="library-search__filters" aria-label="Search filters">
          {filters.map((f) => (
            <li key={`${f.field}:${f.value}`} className="chip chip--static">
              {FILTER_LABELS[f.field]}: {f.value}
            </li>
          ))}
          {parsed.phrases.map((phrase) => (
            <li key={`phrase:${phrase}`} className="chip chip--static">
              Exactly: “{phrase}”
            </li>
          ))}
        </ul>
      ) : (
        <p className="library-search__hint" id="library-search-hint">
          {query ? (parsed.phrases.length ? `Exactly: ${parsed.phrases.map((p) => `“${p}”`).join(', ')}` : 'Headlines, deks, text, tags, bylines and sources.') : 'Try tag:energy status:draft, or "exact words" in quotes.'}
        </p>
      )}
    </div>
  );
}
