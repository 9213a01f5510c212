/**
 * The article's sources, beside its text: each with how often the text cites it and
 * where, its snapshot (a click reads it), Detach; Attach source… to add one from the
 * library or a new one. Collapsible (remembered); a toggle over the text on a narrow window.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $removeAttributionsTo, $selectAttribution, citationsBySource, listedSourceIds } from '../editor/attribution-spans';
import { useAttributionSpans } from '../editor/use-attribution-spans';
import { useCommand } from '../shell/command-registry';
import { useArticleSources } from './ArticleSourcesProvider';
import { AttachPicker } from './AttachPicker';
import { PanelSource } from './PanelSource';
import { useSourceLibrary } from './SourceLibraryProvider';
import { usePanelLayout } from './use-panel-layout';
import { usePanelOverText } from '../shell/panel-over-text';
import './SourcesPanel.css';

export function SourcesPanel() {
  const [editor] = useLexicalComposerContext();
  const { attachedIds, readOnly, attach, detach, openReader, openNewSource } = useArticleSources();
  // Add Source… beside an article adds it to the library and attaches it here.
  useCommand('add-source', () => openNewSource((id) => attach(id)), !readOnly);
  const library = useSourceLibrary();
  const spans = useAttributionSpans();
  const cited = useMemo(() => citationsBySource(spans), [spans]);
  const ids = useMemo(() => listedSourceIds(attachedIds, spans), [attachedIds, spans]);
  const { narrow, open, setOpen } = usePanelLayout();
  usePanelOverText(narrow && open);

  // A source the list does not know yet (added by another program, the CLI) is asked for once.
  const unknown = library.list ? ids.filter((id) => !library.byId.has(id)).join(' ') : '';
  const { refresh } = library;
  useEffect(() => {
    if (unknown) void refresh();
  }, [unknown, refresh]);
  const [attaching, setAttaching] = useState(false);
  const attachButton = useRef<HTMLButtonElement>(null);
  const closeAttach = useCallback((refocus: boolean) => {
    setAttaching(false);
    if (refocus) attachButton.current?.focus();
  }, []);

  // Over the text on a narrow window: Escape puts it away.
  useEffect(() => {
    if (!narrow || !open) return;
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) setOpen(false);
    };
    document.addEventListener('keydown', escape);
    return () => document.removeEventListener('keydown', escape);
  }, [narrow, open, setOpen]);

  const jumpTo = (key: string) => {
    if (narrow) setOpen(false);
    editor.update(() => $selectAttribution(key), {
      onUpdate: () => editor.getElementByKey(key)?.scrollIntoView({ block: 'center' }),
    });
    editor.focus();
  };

  const detachSource = (id: string) => {
    editor.update(() => $removeAttributionsTo(id));
    detach(id);
  };

  const toggle = (
    <button
      type="button"
      className="sources-toggle"
      aria-expanded={open}
      aria-controls="sources-panel"
      aria-label={open ? 'Hide the sources' : `Show the sources (${ids.length})`}
      title={open ? 'Hide the sources' : 'Show the sources'}
      onClick={() => setOpen(!open)}
    >
      {open ? (
        <span aria-hidden="true">Hide</span>
      ) : (
        <>
          <span className="sources-toggle__label" aria-hidden="true">
            Sources
          </span>
          <span className="sources-toggle__count" aria-hidden="true">
            {ids.length}
          </span>
        </>
      )}
    </button>
  );

  if (!open) return <aside className="sources-rail">{toggle}</aside>;

  return (
    <>
      {narrow && <aside className="sources-rail">{toggle}</aside>}
      <aside id="sources-panel" className={`sources-panel${narrow ? ' sources-panel--over' : ''}`} aria-label="Sources">
        <div className="sources-panel__head">
          <h2>
            Sources <span className="sources-panel__count">{ids.length || ''}</span>
          </h2>
          {!narrow && toggle}
          {narrow && (
            <button type="button" className="sources-toggle" onClick={() => setOpen(false)} aria-label="Close the sources">
              ×
            </button>
          )}
        </div>
        <div className="sources-panel__attach">
          <button ref={attachButton} type="button" disabled={readOnly} aria-expanded={attaching} onClick={() => setAttaching(!attaching)}>
            Attach source…
          </button>
          {attaching && (
            <AttachPicker
              library={library.list?.sources ?? []}
              attachedIds={attachedIds}
              onClose={closeAttach}
              onAttach={(source) => {
                attach(source.id);
                closeAttach(true);
              }}
              onNew={(typed) => {
                setAttaching(false);
                openNewSource(undefined, typed);
              }}
            />
          )}
        </div>
        {library.error && (
          <p className="banner banner--warning" role="alert">
            The source library could not be loaded: {library.error}
          </p>
        )}
        {ids.length === 0 ? (
          <div className="sources-panel__empty">
            <p className="sources-panel__empty-title">No sources yet</p>
            <p>Attach the reports, pages and interviews this piece rests on.</p>
            <p>
              Then select a quote or a figure in the text and press <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> to attribute it.
            </p>
          </div>
        ) : (
          <ul className="sources-panel__list">
            {ids.map((id) => (
              <PanelSource
                key={id}
                id={id}
                summary={library.byId.get(id)}
                spans={cited.get(id) ?? []}
                attached={attachedIds.includes(id)}
                readOnly={readOnly}
                onOpen={() => openReader(id)}
                onJump={jumpTo}
                onAttach={() => attach(id)}
                onDetach={() => detachSource(id)}
              />
            ))}
          </ul>
        )}
        {ids.length > 0 && spans.length === 0 && (
          <p className="sources-panel__tip">
            Select words in the text and press <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> to attribute them to a source.
          </p>
        )}
      </aside>
    </>
  );
}
