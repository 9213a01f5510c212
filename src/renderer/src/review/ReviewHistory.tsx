/**
 * The article's way through the workflow, newest first: who moved it, when, from what to
 * what, their note, and the reason given to approve past open claims.
 */
import { statusLabel } from '../format';
import { useReview } from './ReviewContext';

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : WHEN.format(date);
}

export function ReviewHistory() {
  const { workflow } = useReview();
  const changes = [...workflow.history].reverse();
  return (
    <section className="review-section" aria-labelledby="review-history-title">
      <h3 id="review-history-title" tabIndex={-1}>
        History
      </h3>
      {changes.length === 0 ? (
        <p className="review-section__empty">No status changes yet. Sending to review, approving and returning are recorded here.</p>
      ) : (
        <ol className="review-history" data-testid="review-history">
          {changes.map((change, i) => (
            <li key={`${change.at}:${i}`}>
              <p className="review-history__move">
                <span className={`pill status--${change.from}`}>{statusLabel(change.from)}</span>
                <span aria-label="to"> → </span>
                <span className={`pill status--${change.to}`}>{statusLabel(change.to)}</span>
              </p>
              <p className="review-history__who">
                {change.by} · <time dateTime={change.at}>{when(change.at)}</time>
              </p>
              {change.note && <p className="review-history__note">{change.note}</p>}
              {change.override && (
                <p className="review-history__override">
                  <strong>Approved past open claims:</strong> {change.override}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
