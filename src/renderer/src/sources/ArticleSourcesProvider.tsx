/**
 * The open article's sources for the parts of the article that show or use them (the
 * panel, the attribution popover, the card): which are attached, attaching and detaching
 * one (saved with the article's other fields), and the two windows they open, a source's
 * snapshot and the new-source dialog.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { focusWhenShown } from './focus-when-shown';
import { NewSourceDialog } from './NewSourceDialog';
import { SnapshotReader } from './SnapshotReader';

export interface ArticleSources {
  /** The article's `meta.sourceIds`. */
  attachedIds: readonly string[];
  /** Frozen while the app leaves the article. */
  readOnly: boolean;
  attach: (id: string) => void;
  detach: (id: string) => void;
  /** Shows a source's snapshot beside the article, searched for `query` when given. */
  openReader: (id: string, query?: string) => void;
  /** The new-source dialog; what it adds is attached, then handed to `then`. */
  openNewSource: (then?: (id: string) => void, title?: string) => void;
}

const ArticleSourcesContext = createContext<ArticleSources | null>(null);

interface ProviderProps {
  attachedIds: readonly string[];
  readOnly: boolean;
  onChange: (ids: string[]) => void;
  children: ReactNode;
}

export function ArticleSourcesProvider({ attachedIds, readOnly, onChange, children }: ProviderProps) {
  const [reader, setReader] = useState<{ id: string; query: string } | null>(null);
  const [adding, setAdding] = useState<{ then?: ((id: string) => void) | undefined; title: string } | null>(null);

  const attach = useCallback((id: string) => {
    if (!attachedIds.includes(id)) onChange([...attachedIds, id]);
  }, [attachedIds, onChange]);
  const detach = useCallback((id: string) => onChange(attachedIds.filter((s) => s !== id)), [attachedIds, onChange]);
  const openReader = useCallback((id: string, query = '') => setReader({ id, query }), []);
  const openNewSource = useCallback((then?: (id: string) => void, title = '') => setAdding({ then, title }), []);

  const value = useMemo<ArticleSources>(
    () => ({ attachedIds, readOnly, attach, detach, openReader, openNewSource }),
    [attachedIds, readOnly, attach, detach, openReader, openNewSource],
  );
  return (
    <ArticleSourcesContext.Provider value={value}>
      {children}
      {reader && <SnapshotReader key={`${reader.id}:${reader.query}`} id={reader.id} query={reader.query} onClose={() => setReader(null)} />}
      {adding && (
        <NewSourceDialog
          purpose="attach"
          title={adding.title}
          onClose={() => setAdding(null)}
          onAdded={(ids) => {
            // Attached in one go: several may come from one reference file.
            const fresh = ids.filter((id) => !attachedIds.includes(id));
            if (fresh.length) onChange([...attachedIds, ...fresh]);
            setAdding(null);
            if (ids[0] && adding.then) adding.then(ids[0]);
            // Otherwise onto the new source's card in the panel (the Attach button failing that).
            else if (ids[0])
              focusWhenShown(`[data-panel-source="${CSS.escape(ids[0])}"] .panel-source__title`, () =>
                document.querySelector<HTMLElement>('#sources-panel [aria-expanded]'),
              );
          }}
        />
      )}
    </ArticleSourcesContext.Provider>
  );
}

export function useArticleSources(): ArticleSources {
  const sources = useContext(ArticleSourcesContext);
  if (!sources) throw new Error('useArticleSources needs an ArticleSourcesProvider above it.');
  return sources;
}
