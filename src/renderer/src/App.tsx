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
import { LibraryStoreContext, sameItems, useLibrarySelector, useLibrarySnapshot, type DamagedFile, type LibraryStore } from './library/library-store';
import { sameSuggestions, suggestionsFrom } from './library/suggestions';
import { TrashPane } from './library/TrashPane';
import { useLibrary } from './library/use-library';
import { requestSearch } from './search/search-request';
import { SourceLibraryPane } from './sources/SourceLibraryPane';
import { SourceLibraryProvider } from './sources/SourceLibraryProvider';
import { AccessScreen } from './shell/AccessScreen';
import { CommandPalette } from './shell/CommandPalette';
import { Sidebar } from './shell/Sidebar';
import { useCommandShortcuts } from './shell/command-registry';
import { UndoToast } from './shell/UndoToast';
import { useOpenArticle } from './shell/use-open-article';
import './App.css';

/** What the toast at the foot says; a move to the trash comes with its undo. */
interface Toast {
  message: string;
  trashId?: string;
}

const NONE_DAMAGED: readonly DamagedFile[] = [];

export function App() {
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  // The app reads the library through selectors: a save redraws the list's row, not the open article.
  const { store, info, locked, refresh } = useLibrary({ setError });
  const { view, show, openView, newArticle, registerOpenArticle, leaveUnsaved } = useOpenArticle({ refresh, setError });
  const suggestions = useLibrarySelector(store, (snapshot) => suggestionsFrom(snapshot?.articles ?? []), sameSuggestions);
  const damaged = useLibrarySelector(store, (snapshot) => snapshot?.damaged ?? NONE_DAMAGED, sameItems);
  const damagedFile = view.kind === 'damaged' ? damaged.find((d) => d.slug === view.slug) : undefined;
  const closeToast = useCallback(() => setToast(null), []);
  useCommandShortcuts();

  /** Brings an article back from the trash, and opens it. */
  const undoTrash = async (trashId: string) => {
    try {
      const restored = await api.trash.restore({ trashId });
      await refresh();
      await openView({ kind: 'article', id: restored.id });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
        <div className="app">
          <Sidebar
            info={info}
            store={store}
            error={error}
            view={view}
            onNewArticle={() => void newArticle()}
            onOpen={(next) => void openView(next)}
          />
          <CommandPalette store={store} onOpenArticle={(id) => void openView({ kind: 'article', id })} onSearch={requestSearch} />
          {toast && (
            <UndoToast
              key={toast.trashId ?? toast.message}
              message={toast.message}
              onUndo={trashId ? () => void undoTrash(trashId) : undefined}
              onClose={closeToast}
            />
          )}
          <main className="main">
            {view.kind === 'article' && (
              <ArticleErrorBoundary key={view.id}>
                <ArticlePane
                  id={view.id}
                  suggestions={suggestions}
                  registerOpenArticle={registerOpenArticle}
                  onDeleted={({ trashId: deleted, headline }) => {
                    show({ kind: 'none' });
                    void refresh();
                    setToast({ message: `“${headline || 'Untitled'}” moved to the trash.`, trashId: deleted });
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
          </main>
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
