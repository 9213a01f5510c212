/**
 * The source library: every source of the workspace with its type, site, date, snapshot
 * and how many articles cite it, searchable; one opened beside the list (SourceDetail).
 * Files that cannot be read are listed first, with the reason. Kept current from
 * `sources.changed` (SourceLibraryProvider) and the article list.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { formatCount } from '../format';
import { focusWhenShown } from './focus-when-shown';
import { NewSourceDialog } from './NewSourceDialog';
import { takeNewSourceRequest } from './new-source-request';
import { useCommand } from '../shell/command-registry';
import { SourceDetail, type DeletedReport } from './SourceDetail';
import { useSourceLibrary } from './SourceLibraryProvider';
import { searchSources, siteAndDate, snapshotSize } from './source-search';
import { typeLabel } from './source-fields';
import './SourceLibraryPane.css';

interface SourceLibraryPaneProps {
  selectedId: string | null;
  articles: readonly ArticleListItem[];
  onSelect: (id: string | null) => void;
  onOpenArticle: (id: string) => void;
}

/** What became of the last source deleted, said at the top of the list. */
function deletedNotice({ title, detachedFrom }: DeletedReport): string {
  if (!detachedFrom.length) return `Deleted “${title}”: its file is in the workspace’s trash (.copydesk/trash). No article cited it.`;
  const names = detachedFrom.map((a) => `“${a.headline || 'Untitled'}”`).join(', ');
  return `Deleted “${title}” and detached it from ${formatCount(detachedFrom.length, 'article', 'articles')} (${names}): the attributions to it are gone, the words stay. Its file is in the workspace’s trash (.copydesk/trash).`;
}

export function SourceLibraryPane({ selectedId, articles, onSelect, onOpenArticle }: SourceLibraryPaneProps) {
  const { list, error, refresh } = useSourceLibrary();
  // What other programs did since the list was loaded shows when the pane opens.
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const [query, setQuery] = useState('');
  // Opened with its New source dialog when Add Source… brought the user here.
  const [adding, setAdding] = useState(takeNewSourceRequest);
  useCommand('add-source', () => setAdding(true));
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(() => searchSources(list?.sources ?? [], query), [list, query]);
  const citing = useMemo(() => {
    const bySource = new Map<string, ArticleListItem[]>();
    for (const article of articles) for (const id of article.sourceIds) bySource.set(id, [...(bySource.get(id) ?? []), article]);
    return bySource;
  }, [articles]);

  return (
    <div className="source-library">
      <section className="source-library__list" aria-label="Source library">
        <header className="source-library__head">
          <h2>Sources</h2>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            New source…
          </button>
        </header>
        <input
          type="search"
          className="source-library__search"
          aria-label="Search sources"
          placeholder="Search by title, site, author or id"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {notice && (
          <div className="banner banner--info" role="status">
            <span>{notice}</span>
            <button type="button" onClick={() => setNotice(null)}>
              OK
            </button>
          </div>
        )}
        {error && (
          <p className="banner banner--warning" role="alert">
            The source library could not be loaded: {error}
          </p>
        )}
        {list && list.damaged.length > 0 && (
          <div className="source-library__damaged" role="region" aria-label="Source files that cannot be read">
            <h3>Cannot be read ({list.damaged.length})</h3>
            <ul>
              {list.damaged.map((d) => (
                <li key={d.slug}>
                  <span className="source-library__damaged-file">⚠ {d.file}</span>
                  <span>{d.reason}. Copydesk leaves it as it is; repair it in a text editor and it comes back.</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="source-library__count muted">
          {list ? (query.trim() ? `${shown.length} of ${formatCount(list.sources.length, 'source', 'sources')}` : formatCount(list.sources.length, 'source', 'sources')) : 'Loading…'}
        </p>
        {list && list.sources.length === 0 && (
          <div className="source-library__empty">
            <p>No sources yet.</p>
            <p className="muted">Add the reports, pages and interviews your articles rest on: paste their text, import a file, or fetch a web page.</p>
          </div>
        )}
        <ul className="source-rows">
          {shown.map((source) => {
            const cited = citing.get(source.id)?.length ?? 0;
            return (
              <li key={source.id}>
                <button
                  type="button"
                  className={`source-row${source.id === selectedId ? ' source-row--selected' : ''}`}
                  aria-current={source.id === selectedId ? 'true' : undefined}
                  data-source-row={source.id}
                  onClick={() => onSelect(source.id)}
                >
                  <span className="source-row__title">{source.title || source.id}</span>
                  <span className="source-row__meta">{[typeLabel(source.type), siteAndDate(source)].filter(Boolean).join(' · ')}</span>
                  <span className="source-row__meta">
                    {source.snapshotChars ? snapshotSize(source.snapshotChars) : <span className="badge badge--warning">no snapshot</span>}
                    <span> · </span>
                    {cited ? `cited by ${formatCount(cited, 'article', 'articles')}` : 'not cited'}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="source-library__detail" aria-label="Source">
        {selectedId ? (
          <SourceDetail
            key={selectedId}
            id={selectedId}
            citing={citing.get(selectedId) ?? []}
            onOpenArticle={onOpenArticle}
            onDeleted={(report) => {
              setNotice(deletedNotice(report));
              onSelect(null);
            }}
          />
        ) : (
          <div className="pane-message pane-message--quiet">
            <h2>Pick a source</h2>
            <p>Its fields, its snapshot, and the articles that cite it show here.</p>
          </div>
        )}
      </section>
      {adding && (
        <NewSourceDialog
          purpose="library"
          onClose={() => setAdding(false)}
          onAdded={(ids) => {
            setAdding(false);
            if (ids[0]) {
              onSelect(ids[0]);
              focusWhenShown(`.source-row[data-source-row="${CSS.escape(ids[0])}"]`);
            }
          }}
        />
      )}
    </div>
  );
}
