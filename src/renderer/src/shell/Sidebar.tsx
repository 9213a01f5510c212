/**
 * The left column: the app and workspace names, New article, what went wrong, the library
 * (sort, filters and the virtualized list), and at its foot the count of articles, the
 * source library, the trash and export. It reads the library store itself, so a save
 * redraws the sidebar's changed row and not the app around it.
 */
import { useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { ExportFoot } from '../export/ExportFoot';
import { formatCount } from '../format';
import { ArticleList } from '../library/ArticleList';
import { LibraryControls } from '../library/LibraryControls';
import { activeFilterCount } from '../library/library-view';
import { useLibrarySnapshot, type LibraryStore } from '../library/library-store';
import { useArticleOrder, useLibraryView } from '../library/use-library-view';
import { LibrarySearch } from '../search/LibrarySearch';
import { SearchResults } from '../search/SearchResults';
import { useLibrarySearch } from '../search/use-library-search';
import { useSourceLibrary } from '../sources/SourceLibraryProvider';
import { TagManager } from '../tags/TagManager';
import { TeamFoot } from '../team/TeamFoot';
import { useCommand } from './command-registry';
import type { View } from './use-open-article';
import './Sidebar.css';

interface SidebarProps {
  info: ApiResponse<'workspace.info'> | null;
  store: LibraryStore;
  error: string | null;
  view: View;
  onNewArticle: () => void;
  onOpen: (view: View) => void;
}

export function Sidebar({ info, store, error, view, onNewArticle, onOpen }: SidebarProps) {
  const sources = useSourceLibrary().list;
  const sourceProblems = sources?.damaged.length ?? 0;
  const snapshot = useLibrarySnapshot(store);
  const { view: listView, setView: setListView } = useLibraryView(info?.path ?? null);
  const order = useArticleOrder(store, snapshot, listView);
  const total = snapshot?.articles.length ?? 0;
  const filtered = activeFilterCount(listView.filters) > 0;
  const [query, setQuery] = useState('');
  const search = useLibrarySearch(query);
  const hitsRef = useRef<HTMLUListElement>(null);
  const searching = query.trim() !== '';
  const [managingTags, setManagingTags] = useState(false);
  // Ctrl/Cmd+1: into the library, on its one Tab stop (or the first hit while searching).
  useCommand('show-library', () => {
    const into = ['.library__list [tabindex="0"]', '.search-hit', '.library-search__input'].map((selector) => document.querySelector<HTMLElement>(selector)).find(Boolean);
    into?.focus();
  });
  return (
    <aside className="sidebar">
      <div className="sidebar__head">
        <div className="brand">
          <span className="brand__mark">C</span>
          <div>
            <div className="brand__name">Copydesk</div>
            <div className="brand__workspace" title={info?.path}>
              {info ? info.name : '…'}
            </div>
          </div>
        </div>
        <button type="button" className="primary" onClick={onNewArticle}>
          New article
        </button>
      </div>
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      <LibrarySearch query={query} onQuery={setQuery} onFocusHits={() => hitsRef.current?.querySelector<HTMLElement>('.search-hit')?.focus()} />
      {snapshot && searching && (
        <SearchResults
          ref={hitsRef}
          query={query}
          answer={search.answer}
          error={search.error}
          status={search.status}
          snapshot={snapshot}
          selectedId={view.kind === 'article' ? view.id : null}
          onOpen={(id) => onOpen({ kind: 'article', id })}
        />
      )}
      {snapshot && !searching && (
        <>
          <LibraryControls
            articles={snapshot.articles}
            view={listView}
            onView={setListView}
            shown={order.length}
            total={total}
            onManageTags={() => setManagingTags(true)}
          />
          <ArticleList
            snapshot={snapshot}
            order={order}
            selectedId={view.kind === 'article' ? view.id : null}
            selectedDamaged={view.kind === 'damaged' ? view.slug : null}
            empty={total === 0 ? 'No articles yet. Start one with New article.' : filtered ? 'No article matches these filters.' : 'No articles.'}
            onSelect={(id) => onOpen({ kind: 'article', id })}
            onSelectDamaged={(slug) => onOpen({ kind: 'damaged', slug })}
          />
        </>
      )}
      {managingTags && (
        <TagManager
          onClose={() => setManagingTags(false)}
          onFilterByTag={(tag) => {
            setManagingTags(false);
            setQuery('');
            setListView({ ...listView, filters: { ...listView.filters, tag } });
          }}
        />
      )}
      <TeamFoot onOpenArticle={(id) => onOpen({ kind: 'article', id })} />
      <div className="sidebar__foot">
        <span>{snapshot ? formatCount(total, 'article', 'articles') : ''}</span>
        <span className="sidebar__foot-links">
          <button
            type="button"
            className={`link-button${view.kind === 'sources' ? ' active' : ''}`}
            aria-current={view.kind === 'sources' ? 'page' : undefined}
            title={sourceProblems ? `${sourceProblems} source file${sourceProblems === 1 ? '' : 's'} cannot be read` : 'The source library'}
            onClick={() => onOpen({ kind: 'sources', id: null })}
          >
            Sources{sources ? ` (${sources.sources.length})` : ''}
            {sourceProblems > 0 && <span className="sidebar__warning"> ⚠</span>}
          </button>
          <button
            type="button"
            className={`link-button${view.kind === 'trash' ? ' active' : ''}`}
            aria-current={view.kind === 'trash' ? 'page' : undefined}
            onClick={() => onOpen({ kind: 'trash' })}
          >
            Trash
          </button>
          <ExportFoot articles={snapshot?.articles ?? null} onOpenArticle={(id) => onOpen({ kind: 'article', id })} />
        </span>
      </div>
    </aside>
  );
}
