/**
 * Review mode's column beside the text: how many claims and how many open, the check's
 * warnings, filters by status, every claim in reading order (ClaimCard), the status
 * history and the review report. The check follows the text as it is typed.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReviewedClaim } from '../../../shared/review';
import { useSourceLibrary } from '../sources/SourceLibraryProvider';
import { NARROW_WINDOW, useNarrowWindow } from '../sources/use-panel-layout';
import { usePanelOverText } from '../shell/panel-over-text';
import { ClaimCard } from './ClaimCard';
import { filterClaims, filterCounts, reviewSummary, shownFilters } from './claim-status';
import { ReviewHistory } from './ReviewHistory';
import { useReview } from './ReviewContext';
import { selectClaimInText } from './select-claim';
import './ReviewPanel.css';

export function ReviewPanel() {
  const [editor] = useLexicalComposerContext();
  const review = useReview();
  const { byId } = useSourceLibrary();
  const { check, checking, error } = review.checked;
  const { filter, setFilter, setActiveId, decide } = review;
  const claims = useMemo(() => check?.claims ?? [], [check]);
  const counts = useMemo(() => filterCounts(claims), [claims]);
  const shown = useMemo(() => filterClaims(claims, filter), [claims, filter]);
  const [missing, setMissing] = useState<string | null>(null);
  const { setMode } = review;
  usePanelOverText(useNarrowWindow());
  const overridden = review.status === 'approved' && !!review.workflow.history.findLast((change) => change.to === 'approved')?.override;

  // Over the text on a narrow window: Escape puts it away (not while a field or a dialog has it).
  useEffect(() => {
    const escape = (event: KeyboardEvent) => {
      const inField = event.target instanceof Element && !!event.target.closest('textarea, input, dialog');
      if (event.key === 'Escape' && !event.defaultPrevented && !inField && window.matchMedia(NARROW_WINDOW).matches) setMode(false);
    };
    document.addEventListener('keydown', escape);
    return () => document.removeEventListener('keydown', escape);
  }, [setMode]);

  const jump = useCallback(
    (claim: ReviewedClaim) => {
      setActiveId(claim.id);
      setMissing(selectClaimInText(editor, claim) ? null : claim.id);
    },
    [editor, setActiveId],
  );

  return (
    <aside id="review-panel" className="review-panel" aria-label="Review" aria-busy={checking || undefined}>
      <div className="review-panel__head">
        <h2>Review</h2>
        {/* Seen, not announced: it comes and goes at every pause in typing. */}
        <span className="review-panel__checking" aria-hidden="true">
          {checking ? 'Checking…' : ''}
        </span>
        <button type="button" className="sources-toggle" title="Leave review mode (Ctrl+Shift+R)" onClick={() => setMode(false)}>
          Back to sources
        </button>
      </div>
      <p className="review-panel__summary" data-testid="review-summary">
        {check ? reviewSummary(check) : error ? 'Not checked' : 'Checking the quotes and figures…'}
      </p>
      <p className="review-panel__reviewer" title="Decisions and status changes made in this copy of the workspace are recorded under this name">
        Signing as: {review.reviewer.name ? <strong>{review.reviewer.name}</strong> : <span className="muted">not set yet</span>}{' '}
        <button type="button" className="link-button" onClick={review.reviewer.change}>
          {review.reviewer.name ? 'Change' : 'Set your name'}
        </button>
      </p>
      {overridden && (
        <p className="review-panel__override">
          Approved past open claims.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const heading = document.getElementById('review-history-title');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus();
            }}
          >
            History
          </button>
        </p>
      )}
      {error && (
        <p className="banner banner--warning" role="alert">
          The check did not run: {error}
        </p>
      )}
      {check && check.warnings.length > 0 && (
        <ul className="review-warnings" aria-label="Warnings">
          {check.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {check && claims.length > 0 && (
        <>
          <div className="review-filters" role="group" aria-label="Show claims">
            {shownFilters(counts, filter).map((f) => (
              <button key={f.id} type="button" aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
                {f.label} <span className="review-filters__count">{counts[f.id]}</span>
              </button>
            ))}
          </div>
          <label className="review-panel__highlights">
            <input type="checkbox" checked={review.highlights} onChange={(event) => review.setHighlights(event.target.checked)} />
            Mark claims in the text
          </label>
        </>
      )}
      {check && claims.length === 0 && (
        <div className="review-panel__empty">
          <p className="review-panel__empty-title">No quotes or figures yet</p>
          <p>As they are written, each shows up here beside the source passage that backs it, or a plain warning that none does.</p>
        </div>
      )}
      {check && claims.length > 0 && shown.length === 0 && (
        <p className="review-panel__none">
          {filter === 'open' ? 'No open claims: each quote and figure is backed by a source or verified.' : 'No claims with this status.'}
        </p>
      )}
      {shown.length > 0 && (
        <ol className="claim-list" aria-label="Claims">
          {shown.map((claim) => (
            <ClaimCard
              key={claim.id}
              claim={claim}
              active={claim.id === review.activeId}
              sourceTitle={claim.sourceId ? (byId.get(claim.sourceId)?.title ?? claim.sourceId) : null}
              onJump={jump}
              onDecide={decide}
            />
          ))}
        </ol>
      )}
      {missing && (
        <p className="review-panel__none" role="status">
          Those words have moved since the last check; it will find them again in a moment.
        </p>
      )}
      <ReviewHistory />
      <ReportLinks />
    </aside>
  );
}

function ReportLinks() {
  const { downloadReport } = useReview();
  const [error, setError] = useState<string | null>(null);
  const get = (format: 'html' | 'md') => {
    setError(null);
    downloadReport(format).catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };
  return (
    <section className="review-section" aria-labelledby="review-report-title">
      <h3 id="review-report-title">Review report</h3>
      <p className="review-section__empty">Every claim with its status, passage and decision, and the history, as saved.</p>
      <div className="review-report__buttons">
        <button type="button" onClick={() => get('html')}>
          Download HTML
        </button>
        <button type="button" onClick={() => get('md')}>
          Download Markdown
        </button>
      </div>
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
