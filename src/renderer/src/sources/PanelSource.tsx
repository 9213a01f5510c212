/**
 * One source in the article's panel: what it is, how often the text cites it and where
 * (each place a button that selects it in the body, marked when the snapshot does not
 * have those words), whether it has a snapshot, and Detach, which asks first when the
 * text still cites it.
 */
import { useMemo, useState } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { spanLabel, type AttributionSpan } from '../editor/attribution-spans';
import { useSource } from './SourceLibraryProvider';
import { siteAndDate } from './source-search';
import { findPassage, preparedSnapshot } from './text-match';

const CITED_SHOWN = 5;

interface PanelSourceProps {
  id: string;
  /** Undefined when the library has no such source (deleted, or from another workspace). */
  summary: SourceSummary | undefined;
  spans: readonly AttributionSpan[];
  attached: boolean;
  readOnly: boolean;
  onOpen: () => void;
  onJump: (key: string) => void;
  onAttach: () => void;
  onDetach: () => void;
}

export function PanelSource({ id, summary, spans, attached, readOnly, onOpen, onJump, onAttach, onDetach }: PanelSourceProps) {
  const [confirming, setConfirming] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? spans : spans.slice(0, CITED_SHOWN);
  // Which cited words the snapshot does not have: what a reviewer looks at first.
  const { source } = useSource(spans.length && summary?.snapshotChars ? id : null);
  const missing = useMemo(() => {
    if (!source?.snapshot) return new Set<string>();
    const prepared = preparedSnapshot(source.snapshot.text);
    return new Set(spans.filter((span) => !findPassage(prepared, span.text)).map((span) => span.key));
  }, [source, spans]);
  const detach = () => {
    if (spans.length) setConfirming(true);
    else onDetach();
  };

  return (
    <li className="panel-source" data-panel-source={id}>
      {summary ? (
        <button type="button" className="panel-source__title" title="Read its snapshot" onClick={onOpen}>
          {summary.title || id}
        </button>
      ) : (
        <p className="panel-source__title panel-source__title--missing">{id}</p>
      )}
      {summary && siteAndDate(summary) && <p className="panel-source__meta">{siteAndDate(summary)}</p>}
      <div className="panel-source__badges">
        <span className={`badge${spans.length ? ' badge--cited' : ''}`}>{spans.length ? `cited ${spans.length}×` : 'not cited yet'}</span>
        {summary && summary.snapshotChars === 0 && <span className="badge badge--warning">no snapshot</span>}
        {summary && summary.snapshotChars > 0 && <span className="badge">snapshot</span>}
        {!summary && <span className="badge badge--warning">not in the library</span>}
        {!attached && <span className="badge badge--warning">not attached</span>}
        {!confirming && (
          <span className="panel-source__actions">
            {!attached && (
              <button type="button" className="link-button" disabled={readOnly} onClick={onAttach}>
                Attach
              </button>
            )}
            <button type="button" className="link-button" disabled={readOnly} onClick={detach} aria-label={`Detach ${summary?.title || id}`}>
              Detach
            </button>
          </span>
        )}
      </div>
      {spans.length > 0 && (
        <div className="panel-source__cited">
          <p className="panel-source__label">Cited at</p>
          <ol>
            {shown.map((span) => (
              <li key={span.key}>
                <button type="button" className="cited-at" title="Select it in the text" onClick={() => onJump(span.key)}>
                  <span className="cited-at__text">{spanLabel(span.text)}</span>
                  {(span.locator || missing.has(span.key)) && (
                    <span className="cited-at__locator">
                      {span.locator}
                      {span.locator && missing.has(span.key) && ' · '}
                      {missing.has(span.key) && <span className="cited-at__missing">not in the snapshot</span>}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
          {spans.length > CITED_SHOWN && (
            <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show fewer' : `Show all ${spans.length}`}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div className="panel-source__confirm" role="alert">
          <p>
            The text cites this source {spans.length === 1 ? 'once' : `${spans.length} times`}. Detaching takes those attributions away; the
            words stay.
          </p>
          <div>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                onDetach();
              }}
            >
              Detach
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
