/**
 * Choosing an article to relate: a search box over the library (full text, the same
 * search as the sidebar's) with the hits as a listbox; Enter or a click relates the one
 * chosen, Escape closes the picker.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/library';
import { api } from '../api';
import { statusLabel } from '../format';
import { useLibraryStore } from '../library/library-store';
import { SEARCH_DEBOUNCE_MS } from '../search/use-library-search';

interface RelatedPickerProps {
  /** Articles not to offer (this one, and those related already). */
  exclude: ReadonlySet<string>;
  onPick: (id: string) => void;
  onClose: () => void;
}

export function RelatedPicker({ exclude, onPick, onClose }: RelatedPickerProps) {
  const store = useLibraryStore();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const words = query.trim();
    if (!words) {
      setHits(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api.search.query({ query: words, limit: 12 }).then(
        (r) => !stale && setHits(r.hits),
        () => !stale && setHits([]),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const byId = store.get()?.byId;
  const shown = (hits ?? []).filter((h) => !exclude.has(h.id) && byId?.has(h.id)).slice(0, 8);
  const activeIndex = Math.min(active, shown.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length) setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = shown[activeIndex];
      if (hit) onPick(hit.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="related-picker">
      <input
        autoFocus
        className="related-picker__input"
        role="combobox"
        aria-label="Find an article to relate"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? `${listId}-${activeIndex}` : undefined}
        placeholder="Find an article by its words…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {hits && shown.length === 0 && <p className="related-picker__none">No other article matches “{query.trim()}”.</p>}
      {shown.length > 0 && (
        <ul className="related-picker__list" id={listId} role="listbox" aria-label="Articles to relate">
          {shown.map((hit, i) => {
            const article = byId?.get(hit.id);
            return (
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                className={`related-picker__option${i === activeIndex ? ' related-picker__option--active' : ''}`}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => onPick(hit.id)}
              >
                <span className="related-picker__headline">{article?.headline || 'Untitled'}</span>
                <span className="related-picker__meta">{[article?.section, article ? statusLabel(article.status) : ''].filter(Boolean).join(' · ')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
