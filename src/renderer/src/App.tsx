/**
 * The app shell: the library on the left, the open article (or the trash, or a damaged
 * file's explanation) on the right. The library follows changes on disk through events.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, DamagedFile } from '../../shared/article';
import type { ApiResponse } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { api } from './api';
import { formatCount } from './format';
import { ArticleErrorBoundary } from './article/ArticleErrorBoundary';
import type { OpenArticle } from './article/ArticleForm';
import { ArticlePane } from './article/ArticlePane';
import { applyLibraryChanges, type Library } from './library/apply-changes';
import { suggestionsFrom } from './library/suggestions';
import { ArticleList } from './library/ArticleList';
import { DamagedFilePane } from './library/DamagedFilePane';
import { TrashPane } from './library/TrashPane';

type View = { kind: 'none' } | { kind: 'article'; id: string } | { kind: 'damaged'; slug: string } | { kind: 'trash' };

export function App() {
  const [library, setLibrary] = useState<{ articles: ArticleSummary[]; damaged: DamagedFile[] } | null>(null);
  const [info, setInfo] = useState<ApiResponse<'workspace.info'> | null>(null);
  // The list as last set, for applying change events without waiting for a render.
  const libraryRef = useRef<Library | null>(null);
  const [view, setView] = useState<View>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState<string | null>(null);
  /** A short message at the foot of the window, with an undo for a move to the trash. */
  const [toast, setToast] = useState<{ message: string; trashId?: string } | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 10_000);
    return () => clearTimeout(timer);
  }, [toast]);
  // The open article: switching away waits for its edits to be saved.
  const openArticle = useRef<OpenArticle | null>(null);
  const registerOpenArticle = useCallback((open: OpenArticle | null) => {
    openArticle.current = open;
  }, []);

  /**
   * Freezes the open article and saves it before leaving it; a draft left blank leaves
   * nothing behind. Nothing typed meanwhile can reach it, so nothing is lost or misplaced.
   */
  const leaveOpenArticle = useCallback(async (): Promise<boolean> => {
    const open = openArticle.current;
    if (!open) return true;
    if (!(await open.leave())) {
      setError('The open article has edits that could not be saved, so it stays open. See the message above its headline.');
      return false;
    }
    if (open.isBlank()) await api.articles.delete({ id: open.id }).catch(() => undefined);
    return true;
  }, []);

  // Counts switches, so that of two clicks made while an article is being left the last wins.
  const switches = useRef(0);
  /** Shows another view once the open article's edits are saved; stays put if they cannot be. */
  const openView = useCallback(
    async (next: View) => {
      const switchNumber = ++switches.current;
      if (!(await leaveOpenArticle())) return;
      if (switchNumber !== switches.current) return;
      setError(null);
      setView(next);
    },
    [leaveOpenArticle],
  );

  const refresh = useCallback(async () => {
    try {
      const listed = await api.articles.list({});
      libraryRef.current = listed;
      setLibrary(listed);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'bad-token') setLocked(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const newArticle = useCallback(async () => {
    try {
      const switchNumber = ++switches.current;
      // Leave the open article first, so a failing save does not leave empty drafts behind.
      if (!(await leaveOpenArticle()) || switchNumber !== switches.current) return;
      const article = await api.articles.create({});
      await refresh();
      // Another article was picked meanwhile: go there, and leave no empty draft behind.
      if (switchNumber !== switches.current) {
        await api.articles.delete({ id: article.id }).catch(() => undefined);
        return;
      }
      setView({ kind: 'article', id: article.id });
    } catch (e) {
      // Still on the article left: it takes edits again.
      openArticle.current?.resume();
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [refresh, leaveOpenArticle]);

  useEffect(() => {
    void refresh();
    void api.workspace.info({}).then(setInfo, () => undefined);
    const offLibrary = api.on('library.changed', ({ changes }) => {
      const current = libraryRef.current;
      const next = current && applyLibraryChanges(current, changes);
      if (next) {
        libraryRef.current = next;
        setLibrary(next);
      } else {
        void refresh();
      }
    });
    const offCommand = api.on('app.command', ({ command }) => {
      if (command === 'new-article') void newArticle();
    });
    return () => {
      offLibrary();
      offCommand();
    };
  }, [refresh, newArticle]);

  // Ctrl/Cmd+S is every editor's reflex: save now (instead of the browser's "Save page as").
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void openArticle.current?.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const suggestions = useMemo(() => suggestionsFrom(library?.articles ?? []), [library]);

  if (locked) {
    return (
      <div className="pane-message" role="alert">
        <h2>Open Copydesk from its address</h2>
        <p>{locked}</p>
        <p className="muted">The address looks like http://127.0.0.1:PORT/#token=… and changes each time browser mode starts.</p>
      </div>
    );
  }

  const selectedId = view.kind === 'article' ? view.id : null;
  const damagedFile = view.kind === 'damaged' ? library?.damaged.find((d) => d.slug === view.slug) : undefined;

  return (
    <div className="app">
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
          <button type="button" className="primary" onClick={() => void newArticle()}>
            New article
          </button>
        </div>
        {error && (
          <p className="banner banner--warning" role="alert">
            {error}
          </p>
        )}
        {library && (
          <ArticleList
            articles={library.articles}
            damaged={library.damaged}
            selectedId={selectedId}
            selectedDamaged={view.kind === 'damaged' ? view.slug : null}
            onSelect={(id) => void openView({ kind: 'article', id })}
            onSelectDamaged={(slug) => void openView({ kind: 'damaged', slug })}
          />
        )}
        <div className="sidebar__foot">
          <span>{library ? formatCount(library.articles.length, 'article', 'articles') : ''}</span>
          <button type="button" className={`link-button${view.kind === 'trash' ? ' active' : ''}`} onClick={() => void openView({ kind: 'trash' })}>
            Trash
          </button>
        </div>
      </aside>
      {toast && (
        <div className="toast" role="status">
          <span>{toast.message}</span>
          {toast.trashId && (
            <button
              type="button"
              onClick={async () => {
                const trashId = toast.trashId!;
                setToast(null);
                try {
                  const restored = await api.trash.restore({ trashId });
                  await refresh();
                  await openView({ kind: 'article', id: restored.id });
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}
      <main className="main">
        {view.kind === 'article' && (
          <ArticleErrorBoundary key={view.id}>
            <ArticlePane
              id={view.id}
              suggestions={suggestions}
              registerOpenArticle={registerOpenArticle}
              onDeleted={({ trashId, headline }) => {
                setView({ kind: 'none' });
                void refresh();
                setToast({ message: `“${headline || 'Untitled'}” moved to the trash.`, trashId });
              }}
              onOpen={(id) => {
                void refresh();
                setView({ kind: 'article', id });
              }}
            />
          </ArticleErrorBoundary>
        )}
        {view.kind === 'trash' && (
          <TrashPane
            onRestored={(id) => {
              void refresh();
              setView({ kind: 'article', id });
            }}
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
  );
}
