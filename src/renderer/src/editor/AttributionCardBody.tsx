/**
 * What the attribution card says: the source, the locator, and the snapshot's passage
 * around the attributed words with them marked; or why there is none.
 */
import { useMemo } from 'react';
import { useSource, useSourceLibrary } from '../sources/SourceLibraryProvider';
import { siteAndDate } from '../sources/source-search';
import { findPassage, preparedSnapshot, type Passage } from '../sources/text-match';

/** A locator this long is a passage of the snapshot, worth looking for when the words are not found. */
const PASSAGE_LOCATOR = 12;

interface CardBodyProps {
  sourceId: string;
  text: string;
  locator: string;
  /** Opens the snapshot, searched for the given words. */
  onOpen: (query: string) => void;
  /** Change or remove the attribution; left out while the article cannot be edited. */
  onChange?: (() => void) | undefined;
  onRemove?: (() => void) | undefined;
}

export function AttributionCardBody({ sourceId, text, locator, onOpen, onChange, onRemove }: CardBodyProps) {
  const { byId, list } = useSourceLibrary();
  const summary = byId.get(sourceId);
  const { source, error } = useSource(summary ? sourceId : null);
  const found = useMemo((): { passage: Passage; by: 'text' | 'locator' } | null => {
    if (!source?.snapshot) return null;
    const prepared = preparedSnapshot(source.snapshot.text);
    const byText = findPassage(prepared, text);
    if (byText) return { passage: byText, by: 'text' };
    const byLocator = locator.length >= PASSAGE_LOCATOR ? findPassage(prepared, locator) : null;
    return byLocator ? { passage: byLocator, by: 'locator' } : null;
  }, [source, text, locator]);

  const actions = (
    <div className="attribution-card__actions">
      {source?.snapshot && (
        <button type="button" className="link-button" onClick={() => onOpen(found?.passage.match ?? '')}>
          {found ? 'Show in the snapshot' : 'Open the snapshot'}
        </button>
      )}
      {onChange && (
        <button type="button" className="link-button" onClick={onChange}>
          Change…
        </button>
      )}
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          Remove attribution
        </button>
      )}
    </div>
  );

  if (!summary) {
    return (
      <>
        <p className="attribution-card__warning">
          {list ? 'This source is not in the library: it may have been deleted, or come from another workspace.' : 'Loading the source library…'}
        </p>
        {actions}
      </>
    );
  }
  const meta = [siteAndDate(summary), locator && `Locator: ${locator}`].filter(Boolean).join(' · ');
  return (
    <>
      <p className="attribution-card__source">{summary.title || summary.id}</p>
      {meta && <p className="attribution-card__meta">{meta}</p>}
      {error && <p className="attribution-card__warning">The source could not be read: {error}</p>}
      {!error && !source && <p className="attribution-card__loading">Reading the snapshot…</p>}
      {source && !source.snapshot && (
        <p className="attribution-card__warning">This source has no snapshot, so nothing can be checked against it.</p>
      )}
      {source?.snapshot && !found && <p className="attribution-card__warning">This text was not found in the snapshot.</p>}
      {found?.by === 'locator' && <p className="attribution-card__warning">The words were not found in the snapshot; the locator’s passage was:</p>}
      {found && (
        <blockquote className="attribution-card__passage" data-testid="attribution-passage">
          {found.passage.clippedStart && '… '}
          {found.passage.before}
          <mark>{found.passage.match}</mark>
          {found.passage.after}
          {found.passage.clippedEnd && ' …'}
        </blockquote>
      )}
      {actions}
    </>
  );
}
