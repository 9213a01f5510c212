/**
 * Above the list: how it is sorted, and the filters (status, section, tag, byline,
 * language, claims not backed), each value with the number of articles it would show
 * beside the other filters. Filters that are on stay visible as chips that remove them.
 */
import { useMemo, useState } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { languageName, statusLabel } from '../format';
import { activeFilterCount, facetCounts, NO_FILTERS, SORT_LABELS, type FacetCount, type LibraryFilters, type LibraryView, type SortField } from './library-view';
import './LibraryControls.css';

interface LibraryControlsProps {
  articles: readonly ArticleListItem[];
  view: LibraryView;
  onView: (view: LibraryView) => void;
  /** Articles shown and in all. */
  shown: number;
  total: number;
  /** Opens the workspace's tags (rename and merge). */
  onManageTags?: () => void;
}

const DIRECTION_LABELS: Record<SortField, [string, string]> = {
  updated: ['Newest first', 'Oldest first'],
  headline: ['A to Z', 'Z to A'],
  status: ['Drafts first', 'Approved first'],
  words: ['Longest first', 'Shortest first'],
};

type TextFilter = 'section' | 'tag' | 'byline' | 'language';
const TEXT_FILTERS: Array<{ key: TextFilter; label: string; name?: (value: string) => string }> = [
  { key: 'section', label: 'Section' },
  { key: 'tag', label: 'Tag' },
  { key: 'byline', label: 'Byline' },
  // Shown by name ("English (6)"); filtered by the tag the article carries.
  { key: 'language', label: 'Language', name: languageName },
];

export function LibraryControls({ articles, view, onView, shown, total, onManageTags }: LibraryControlsProps) {
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(view.filters);
  const setFilters = (filters: Partial<LibraryFilters>) => onView({ ...view, filters: { ...view.filters, ...filters } });
  const direction = DIRECTION_LABELS[view.sort][view.ascending ? 0 : 1];
  return (
    <div className="library-controls">
      <div className="library-controls__row">
        <label className="library-controls__sort">
          <span className="visually-hidden">Sort by</span>
          <select aria-label="Sort by" value={view.sort} onChange={(e) => onView({ ...view, sort: e.target.value as SortField, ascending: true })}>
            {(Object.keys(SORT_LABELS) as SortField[]).map((field) => (
              <option key={field} value={field}>
                {SORT_LABELS[field]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="library-controls__direction"
          title={`${direction} (click to reverse)`}
          aria-label={`Order: ${direction}`}
          onClick={() => onView({ ...view, ascending: !view.ascending })}
        >
          {direction}
        </button>
        <button type="button" className={`library-controls__toggle${active ? ' library-controls__toggle--on' : ''}`} aria-expanded={open} onClick={() => setOpen(!open)}>
          Filters{active ? ` (${active})` : ''}
        </button>
      </div>
      {open && <FilterPanel articles={articles} filters={view.filters} onFilters={setFilters} onManageTags={onManageTags} />}
      {!open && active > 0 && <FilterChips filters={view.filters} onFilters={setFilters} />}
      {active > 0 && (
        <p className="library-controls__count" role="status">
          {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} articles
          <button type="button" className="link-button" onClick={() => onView({ ...view, filters: NO_FILTERS })}>
            Clear filters
          </button>
        </p>
      )}
    </div>
  );
}

function FilterPanel({
  articles,
  filters,
  onFilters,
  onManageTags,
}: {
  articles: readonly ArticleListItem[];
  filters: LibraryFilters;
  onFilters: (filters: Partial<LibraryFilters>) => void;
  onManageTags: (() => void) | undefined;
}) {
  const counts = useMemo(() => facetCounts(articles, filters), [articles, filters]);
  return (
    <div className="library-filters" role="group" aria-label="Filters">
      <label className="library-filters__field">
        <span>Status</span>
        <select value={filters.status ?? ''} onChange={(e) => onFilters({ status: (e.target.value || null) as LibraryFilters['status'] })}>
          <option value="">Any status</option>
          {counts.status.map(({ value, count }) => (
            <option key={value} value={value}>
              {statusLabel(value as 'draft')} ({count})
            </option>
          ))}
        </select>
      </label>
      {TEXT_FILTERS.map(({ key, label, name }) => (
        <FacetSelect key={key} label={label} value={filters[key]} values={counts[key]} name={name} onChange={(value) => onFilters({ [key]: value })} />
      ))}
      <label className="library-filters__check">
        <input type="checkbox" checked={filters.unbacked} onChange={(e) => onFilters({ unbacked: e.target.checked })} />
        <span>Has claims not backed ({counts.unbacked})</span>
      </label>
      {onManageTags && (
        <button type="button" className="link-button library-filters__manage" onClick={onManageTags}>
          Rename or merge tags…
        </button>
      )}
    </div>
  );
}

function FacetSelect({
  label,
  value,
  values,
  name = (v) => v,
  onChange,
}: {
  label: string;
  value: string | null;
  values: FacetCount[];
  name?: ((value: string) => string) | undefined;
  onChange: (value: string | null) => void;
}) {
  // A value chosen earlier that no article has now still shows, with 0.
  const shown = value !== null && !values.some((v) => v.value === value) ? [...values, { value, count: 0 }] : values;
  return (
    <label className="library-filters__field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} disabled={shown.length === 0}>
        <option value="">{shown.length === 0 ? `No ${label.toLowerCase()}s yet` : `Any ${label.toLowerCase()}`}</option>
        {shown.map((v) => (
          <option key={v.value} value={v.value}>
            {name(v.value)} ({v.count})
          </option>
        ))}
      </select>
    </label>
  );
}

function FilterChips({ filters, onFilters }: { filters: LibraryFilters; onFilters: (filters: Partial<LibraryFilters>) => void }) {
  const chips: Array<{ key: keyof LibraryFilters; text: string }> = [];
  if (filters.status) chips.push({ key: 'status', text: `Status: ${statusLabel(filters.status)}` });
  for (const { key, label, name } of TEXT_FILTERS) {
    const value = filters[key];
    if (value !== null) chips.push({ key, text: `${label}: ${name ? name(value) : value}` });
  }
  if (filters.unbacked) chips.push({ key: 'unbacked', text: 'Claims not backed' });
  return (
    <ul className="library-chips" aria-label="Filters on">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button type="button" className="chip" aria-label={`Remove filter ${chip.text}`} onClick={() => onFilters({ [chip.key]: chip.key === 'unbacked' ? false : null })}>
            {chip.text} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
