/**
 * The app shell: the library on the left (Sidebar), the open article, the trash, the
 * source library or a damaged file's explanation on the right. The libraries follow
 * changes on disk through events (use-library, SourceLibraryProvider); switching what is
 * shown goes through use-open-article.
 */
import { useCallback, useState } from 'react';
import { api } from './api';
import { ArticleErrorBoundary } from './article/ArticleErrorBoundary';
import { ArticlePane } from './article/ArticlePane';
import { DamagedFilePane } from './library/DamagedFilePane';
import { LibraryStoreContext, sameItems, useLibrarySelector, useLibrarySnapshot, type DamagedFile, type LibrarySnapshot, type LibraryStore } from './library/library-store';
import { sameSuggestions, suggestionsFrom, type FieldSuggestions } from './library/suggestions';
import { TrashPane } from './library/TrashPane';
import { useLibrary } from './library/use-library';
import { requestSearch } from './search/search-request';
import { SourceLibraryPane } from './sources/SourceLibraryPane';
import { SourceLibraryProvider } from './sources/SourceLibraryProvider';
import { AccessScreen } from './shell/AccessScreen';
import { CommandPalette } from './shell/CommandPalette';
import { Sidebar } from './shell/Sidebar';
import { commandById, shortcutLabel } from '../../shared/commands';
import { ApiError } from '../../shared/errors';
import { IS_MAC, runCommand, useCommandShortcuts } from './shell/command-registry';
import { KeyboardShortcuts } from './shell/KeyboardShortcuts';
import { useAppCommands } from './shell/use-app-commands';
import { useNavigationCommands } from './shell/use-navigation-commands';
import { UndoToast } from './shell/UndoToast';
import { WindowDrop } from './shell/WindowDrop';
import { useRevealInFolder } from './shell/use-reveal-in-folder';
import { useOpenArticle } from './shell/use-open-article';
import './App.css';

/** What the toast at the foot says; a move to the trash comes with its undo. */
interface Toast {
  message: string;
  trashId?: string;
  /** The trashed article's headline, for saying plainly why an undo no longer applies. */
  headline?: string;
}

/** Why putting an article back from the trash failed, in words (never its trash id). */
function undoFailure(error: unknown, headline: string): string {
  const name = `“${headline || 'Untitled'}”`;
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'not-found') return `${name} is no longer in the trash (it was restored or emptied), so there is nothing to undo.`;
  if (code === 'conflict') return `${name} is already back in the library, so there is nothing to undo.`;
  return `${name} could not be put back: ${error instanceof Error ? error.message : String(error)}`;
}

const NONE_DAMAGED: readonly DamagedFile[] = [];

/**
 * The header's suggestions (kickers, sections, tags), counted again only when one of them
 * changed somewhere (`fieldsVersion`), not at every save of an article's text.
 */
const suggestionsOf = (() => {
  let last: { snapshot: LibrarySnapshot | null; suggestions: FieldSuggestions } | null = null;
  return (snapshot: LibrarySnapshot | null): FieldSuggestions => {
    if (!last || !snapshot || !last.snapshot || last.snapshot.fieldsVersion !== snapshot.fieldsVersion) {
      last = { snapshot, suggestions: suggestionsFrom(snapshot?.articles ?? []) };
    }
    return last.suggestions;
  };
})();

export function App() {
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  // The app reads the library through selectors: a save redraws the list's row, not the open article.
  const { store, info, locked, refresh } = useLibrary({ setError });
  const { view, show, openView, newArticle, registerOpenArticle, leaveUnsaved } = useOpenArticle({ refresh, setError });
  const suggestions = useLibrarySelector(store, suggestionsOf, sameSuggestions);
  const damaged = useLibrarySelector(store, (snapshot) => snapshot?.damaged ?? NONE_DAMAGED, sameItems);
  const damagedFile = view.kind === 'damaged' ? damaged.find((d) => d.slug === view.slug) : undefined;
  const closeToast = useCallback(() => setToast(null), []);
  useCommandShortcuts();
  useRevealInFolder(view.kind === 'article' ? view.id : null, (message) => setToast({ message }));
  const { collapsed, toggleSidebar } = useNavigationCommands();
  useAppCommands(openView);

  /** Brings an article back from the trash, and opens it. */
  const undoTrash = async (trashId: string, headline: string) => {
    try {
      const restored = await api.trash.restore({ trashId });
      await refresh();
      await openView({ kind: 'article', id: restored.id });
    } catch (e) {
      setToast({ message: undoFailure(e, headline) });
    }
  };

  /** Opens an article the open one asked for (a duplicate, a copy saved anew, one restored). */
  const showArticle = (id: string) => {
    void refresh();
    show({ kind: 'article', id });
  };

  if (locked) return <AccessScreen message={locked} />;

  const trashId = toast?.trashId;

  return (
    <SourceLibraryProvider>
      <LibraryStoreContext.Provider value={store}>
        <h1 className="visually-hidden">Copydesk{info ? `: ${info.name}` : ''}</h1>
        <nav className="skip-links" aria-label="Skip links">
          <a href="#main" className="skip-link">
            Skip to the article
          </a>
          <a
            href="#library"
            className="skip-link"
            onClick={(event) => {
              event.preventDefault();
              runCommand('show-library');
            }}
          >
            Skip to the library
          </a>
        </nav>
        <div className={`app${collapsed ? ' app--collapsed' : ''}`}>
          <button
            type="button"
            className="sidebar-toggle"
            aria-expanded={!collapsed}
            aria-controls="library"
            title={`${collapsed ? 'Show' : 'Hide'} the library (${shortcutLabel(commandById('toggle-sidebar').accelerator, IS_MAC)})`}
            onClick={toggleSidebar}
          >
            <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
            <span className="visually-hidden">{collapsed ? 'Show the library' : 'Hide the library'}</span>
          </button>
          <div id="library" className="app__sidebar" hidden={collapsed}>
            <Sidebar
              info={info}
              store={store}
              error={error}
              view={view}
              onNewArticle={() => void newArticle()}
              onOpen={(next) => void openView(next)}
            />
          </div>
          <CommandPalette store={store} onOpenArticle={(id) => void openView({ kind: 'article', id })} onSearch={requestSearch} />
          <WindowDrop onOpenArticle={(id) => void openView({ kind: 'article', id })} onMessage={(message) => setToast({ message })} />
          <main className="main" id="main" tabIndex={-1}>
            {view.kind === 'article' && (
              <ArticleErrorBoundary key={view.id}>
                <ArticlePane
                  id={view.id}
                  suggestions={suggestions}
                  registerOpenArticle={registerOpenArticle}
                  onDeleted={({ trashId: deleted, headline }) => {
                    show({ kind: 'none' });
                    void refresh();
                    setToast({ message: `“${headline || 'Untitled'}” moved to the trash.`, trashId: deleted, headline });
                  }}
                  onOpen={showArticle}
                  onLeaveUnsaved={(message) => {
                    setToast({ message });
                    void leaveUnsaved();
                  }}
                />
              </ArticleErrorBoundary>
            )}
            {view.kind === 'trash' && <TrashPane onRestored={showArticle} />}
            {view.kind === 'sources' && (
              <SourceLibraryWithArticles
                store={store}
                selectedId={view.id}
                onSelect={(id) => show({ kind: 'sources', id })}
                onOpenArticle={(id) => void openView({ kind: 'article', id })}
              />
            )}
            {view.kind === 'damaged' && damagedFile && <DamagedFilePane key={`${damagedFile.slug}:${damagedFile.reason}`} file={damagedFile} />}
            {(view.kind === 'none' || (view.kind === 'damaged' && !damagedFile)) && (
              <div className="pane-message pane-message--quiet">
                <h2>Pick an article, or start a new one</h2>
                <p>Articles are saved as you type, as files in your workspace{info ? `: ${info.path}` : ''}.</p>
              </div>
            )}
            {toast && (
              <UndoToast
                key={toast.trashId ?? toast.message}
                message={toast.message}
                onUndo={trashId ? () => void undoTrash(trashId, toast.headline ?? '') : undefined}
                onClose={closeToast}
              />
            )}
          </main>
          <KeyboardShortcuts />
        </div>
      </LibraryStoreContext.Provider>
    </SourceLibraryProvider>
  );
}

/** The source library, with the articles that cite each source (it redraws as they change). */
function SourceLibraryWithArticles({ store, ...props }: Omit<Parameters<typeof SourceLibraryPane>[0], 'articles'> & { store: LibraryStore }) {
  const snapshot = useLibrarySnapshot(store);
  return <SourceLibraryPane {...props} articles={snapshot?.articles ?? []} />;
}
