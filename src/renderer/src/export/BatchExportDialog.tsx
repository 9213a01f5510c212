/**
 * Export of several articles, from the sidebar's foot: pick them (the approved ones are
 * picked at first), export, follow the progress article by article, then read what was
 * exported, refused and failed. The host goes on past an article that fails.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { Dialog } from '../shell/Dialog';
import { BatchArticleList } from './BatchArticleList';
import { exportButtonLabel, preselected, progressLabel, selectedInOrder, type StatusFilter } from './batch-selection';
import { BatchSummary } from './BatchSummary';
import { useExportRun } from './use-export-run';
import './Export.css';
import './BatchExport.css';

/** The approved ones when there are some, else all. */
const firstFilter = (articles: readonly ArticleListItem[]): StatusFilter => (articles.some((a) => a.status === 'approved') ? 'approved' : 'all');

interface BatchExportDialogProps {
  /** null while the library loads. */
  articles: readonly ArticleListItem[] | null;
  onImport: () => void;
  /** Opens an article (closing the dialog): a refused one, to fix it. */
  onOpenArticle: (id: string) => void;
  onClose: () => void;
}

export function BatchExportDialog({ articles: loaded, onImport, onOpenArticle, onClose }: BatchExportDialogProps) {
  const articles = useMemo(() => loaded ?? [], [loaded]);
  // Picked once, when the library is there (the dialog may open before it loads); it may change under it later.
  const [selected, setSelected] = useState<Set<string>>(() => preselected(articles));
  const [filter, setFilter] = useState<StatusFilter>(() => firstFilter(articles));
  const picked = useRef(loaded !== null);
  useEffect(() => {
    if (picked.current || loaded === null) return;
    picked.current = true;
    setSelected(preselected(loaded));
    setFilter(firstFilter(loaded));
  }, [loaded]);
  const [query, setQuery] = useState('');
  const [zip, setZip] = useState(false);
  const { run, start, reset } = useExportRun();
  const headlines = useMemo(() => new Map(articles.map((a) => [a.id, a.headline])), [articles]);
  const headlineOf = (id: string) => headlines.get(id) ?? '';
  const ids = selectedInOrder(articles, selected);
  const done = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (run.phase === 'done' || run.phase === 'error') done.current?.focus();
  }, [run.phase]);
  // The list, not the close button, takes focus once the dialog is open: the status filter shown.
  useEffect(() => {
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('.export-dialog--batch .export-filters [aria-pressed="true"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const footer = (children: ReactNode) => <div className="export-buttons export-buttons--foot">{children}</div>;

  if (run.phase === 'running' || run.phase === 'done') {
    const total = run.ids.length;
    const count = run.phase === 'running' ? run.done : total;
    return (
      <Dialog title="Export articles" subtitle="Bundles go to exports/ in the workspace." onClose={onClose} className="export-dialog export-dialog--batch">
        <div className="batch-progress">
          <progress value={count} max={total} aria-label="Export progress" />
          <p className="batch-progress__label" data-testid="export-progress" aria-live="polite">
            {run.phase === 'running'
              ? progressLabel(run.done, run.ids, headlineOf)
              : `Finished: ${total} of ${total}`}
          </p>
        </div>
        {run.phase === 'done' && (
          <BatchSummary
            result={run.result}
            override={run.override}
            headlineOf={headlineOf}
            onOverride={(refused, reason) => void start({ ids: refused, zip, override: reason })}
            onOpenArticle={onOpenArticle}
          />
        )}
        {footer(
          <>
            <button type="button" onClick={reset} disabled={run.phase === 'running'}>
              Back to the list
            </button>
            <button ref={done} type="button" className="primary" onClick={onClose}>
              {run.phase === 'running' ? 'Close (the export goes on)' : 'Done'}
            </button>
          </>,
        )}
      </Dialog>
    );
  }

  return (
    <Dialog title="Export articles" subtitle="Each as a bundle in exports/ in the workspace, for a CMS, a wire or a website." onClose={onClose} className="export-dialog export-dialog--batch">
      <form
        className="export-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ids.length) void start({ ids, zip });
        }}
      >
        {run.phase === 'error' && (
          <p className="banner banner--warning" role="alert">
            The export did not run: {run.message}
          </p>
        )}
        {loaded === null ? (
          <p className="batch-pick__empty" role="status">
            Loading the library…
          </p>
        ) : (
          <BatchArticleList
            articles={articles}
            selected={selected}
            onSelected={setSelected}
            filter={filter}
            onFilter={setFilter}
            query={query}
            onQuery={setQuery}
          />
        )}
        <fieldset className="export-options">
          <legend>Options</legend>
          <label className="export-check">
            <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} />
            Also write a .zip of each bundle
          </label>
          <p className="export-options__where">
            An article the gate stops (open claims, notes left…) is not written; the summary lists its problems and lets you export it
            anyway with a reason.
          </p>
        </fieldset>
        {footer(
          <>
            <button type="button" onClick={onImport}>
              Import a bundle…
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!ids.length} title={ids.length ? undefined : 'Pick at least one article'}>
              {exportButtonLabel(ids.length)}
            </button>
          </>,
        )}
      </form>
    </Dialog>
  );
}
