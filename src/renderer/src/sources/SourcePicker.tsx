/**
 * Picks a source as you type: the article's own sources first, then the library (by title,
 * site, author or id), and a "New source…" entry at the end. Arrows move, Enter takes the
 * highlighted one, Escape leaves. A combobox with its listbox, for screen readers too.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { searchSources, siteAndDate } from './source-search';
import './SourcePicker.css';

const NEW = '__new__';
const LIBRARY_SHOWN = 50;

interface SourcePickerProps {
  /** Shown first, under "This article"; the library under it leaves them out. */
  attached?: readonly SourceSummary[];
  library: readonly SourceSummary[];
  /** Not offered at all (already attached, when attaching). */
  exclude?: ReadonlySet<string>;
  label: string;
  placeholder: string;
  /** Highlighted when the picker opens (the source an attribution has now). */
  initialId?: string | null;
  autoFocus?: boolean;
  /** The highlighted source changed (arrows, a click, typing). */
  onActive?: (source: SourceSummary | null) => void;
  /** A source clicked. */
  onChoose: (source: SourceSummary) => void;
  /** Enter on a source. */
  onSubmit: (source: SourceSummary) => void;
  /** "New source…": offered when given. */
  /** "+ New source…" picked; with what was typed in the search, to start its title. */
  onNew?: (typed: string) => void;
  onEscape?: () => void;
}

export function SourcePicker(props: SourcePickerProps) {
  const { attached = [], library, exclude, label, placeholder, initialId, autoFocus, onActive, onChoose, onSubmit, onNew, onEscape } = props;
  const [query, setQuery] = useState('');
  const listId = useId();
  const own = useMemo(() => searchSources(attached, query), [attached, query]);
  const others = useMemo(() => {
    const skip = new Set([...(exclude ?? []), ...attached.map((s) => s.id)]);
    // With sources of its own, the article's picker shows the library only when asked.
    if (attached.length && !query.trim()) return [];
    return searchSources(library.filter((s) => !skip.has(s.id)), query).slice(0, LIBRARY_SHOWN);
  }, [attached, library, exclude, query]);
  const options = useMemo(() => [...own, ...others], [own, others]);
  const ids = useMemo(() => [...options.map((s) => s.id), ...(onNew ? [NEW] : [])], [options, onNew]);
  const [activeId, setActiveId] = useState<string | null>(initialId ?? null);
  // A suggestion that arrives after opening (found by reading snapshots) is taken until the user moves.
  const moved = useRef(false);
  useEffect(() => {
    if (initialId && !moved.current) setActiveId(initialId);
  }, [initialId]);
  const active = activeId && ids.includes(activeId) ? activeId : (ids[0] ?? null);

  const activeSource = options.find((s) => s.id === active) ?? null;
  // The parent hears of the highlighted source whatever moved it (arrows, a click, typing).
  const onActiveRef = useRef(onActive);
  useEffect(() => {
    onActiveRef.current = onActive;
  }, [onActive]);
  useEffect(() => {
    onActiveRef.current?.(activeSource);
  }, [activeSource]);

  const activate = (id: string | null) => {
    moved.current = true;
    setActiveId(id);
  };
  const optionId = (id: string) => `${listId}-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!ids.length) return;
      const at = active ? ids.indexOf(active) : -1;
      const next = ids[(at + (event.key === 'ArrowDown' ? 1 : -1) + ids.length) % ids.length]!;
      activate(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active === NEW) onNew?.(query.trim());
      else {
        const source = options.find((s) => s.id === active);
        if (source) onSubmit(source);
      }
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    }
  };

  const renderOption = (source: SourceSummary) => (
    <li
      key={source.id}
      id={optionId(source.id)}
      role="option"
      aria-selected={source.id === active}
      className={`picker__option${source.id === active ? ' picker__option--active' : ''}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        activate(source.id);
        onChoose(source);
      }}
    >
      <span className="picker__title">{source.title || source.id}</span>
      <span className="picker__meta">
        {[siteAndDate(source), source.authors].filter(Boolean).join(' · ') || source.id}
        {source.snapshotChars === 0 && <span className="picker__warning"> · no snapshot</span>}
      </span>
    </li>
  );

  return (
    <div className="picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active) : undefined}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveId(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} className="picker__list">
        {own.length > 0 && (
          <li role="presentation" className="picker__group">
            This article
          </li>
        )}
        {own.map(renderOption)}
        {others.length > 0 && (
          <li role="presentation" className="picker__group">
            {attached.length ? 'Library' : 'Source library'}
          </li>
        )}
        {others.map(renderOption)}
        {!options.length && (
          <li role="presentation" className="picker__empty">
            {query.trim() ? `No source matches “${query.trim()}”.` : library.length ? 'Every source in the library is attached.' : 'The source library is empty.'}
          </li>
        )}
        {onNew && (
          <li
            id={optionId(NEW)}
            role="option"
            aria-selected={active === NEW}
            className={`picker__option picker__option--new${active === NEW ? ' picker__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onNew(query.trim())}
          >
            {query.trim() ? `+ New source “${query.trim()}”…` : '+ New source…'}
          </li>
        )}
      </ul>
      {attached.length > 0 && !query.trim() && library.length > attached.length && (
        <p className="picker__hint">Type to search the whole library; a source picked from it is attached.</p>
      )}
    </div>
  );
}
