/**
 * A reviewer's decision on one claim: Verified, Disputed or Needs source, with an optional
 * comment; who decided and when; Clear. Recorded with the reviewer's name (asked once).
 */
import { useState } from 'react';
import type { ClaimDecision as Decision } from '../../../shared/article';
import type { ReviewedClaim } from '../../../shared/review';
import { relativeTime } from '../format';
import { DECISION_LABELS } from './claim-status';

const DECISIONS: Decision[] = ['verified', 'disputed', 'needs-source'];

interface ClaimDecisionProps {
  claim: ReviewedClaim;
  onDecide: (claim: ReviewedClaim, decision: Decision | null, comment?: string) => Promise<void>;
}

export function ClaimDecision({ claim, onDecide }: ClaimDecisionProps) {
  const current = claim.decision;
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const decide = async (decision: Decision | null) => {
    setBusy(true);
    setError(null);
    try {
      await onDecide(claim, decision, decision && commenting ? comment : decision ? current?.comment : undefined);
      setCommenting(false);
      if (!decision) setComment('');
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="claim-decision">
      {current && (
        <p className={`claim-decision__said claim-decision__said--${current.decision}`}>
          <strong>{DECISION_LABELS[current.decision]}</strong> by {current.by}{' '}
          <span title={new Date(current.at).toLocaleString('en-GB')}>· {relativeTime(current.at)}</span>
          {current.comment && <span className="claim-decision__comment">“{current.comment}”</span>}
        </p>
      )}
      <div className="claim-decision__buttons" role="group" aria-label="Decision">
        {DECISIONS.map((decision) => (
          <button
            key={decision}
            type="button"
            className={`claim-decision__button claim-decision__button--${decision}`}
            aria-pressed={current?.decision === decision}
            disabled={busy}
            onClick={() => void decide(decision)}
          >
            {DECISION_LABELS[decision]}
          </button>
        ))}
        {!commenting && (
          <button type="button" className="link-button" disabled={busy} onClick={() => setCommenting(true)}>
            {current?.comment ? 'Edit comment' : 'Comment'}
          </button>
        )}
        {current && !commenting && (
          <button type="button" className="link-button" disabled={busy} onClick={() => void decide(null)}>
            Clear
          </button>
        )}
      </div>
      {commenting && (
        <div className="claim-decision__comment-box">
          <textarea
            aria-label="Comment"
            rows={2}
            value={comment}
            autoFocus
            placeholder={current ? 'A comment on this decision' : 'What you checked, or what is missing'}
            onChange={(event) => setComment(event.target.value)}
          />
          <div>
            {!current && <span className="claim-decision__hint">Recorded with the decision you pick.</span>}
            {current && (
              <button type="button" disabled={busy} onClick={() => void decide(current.decision)}>
                Save comment
              </button>
            )}
            <button type="button" className="link-button" disabled={busy} onClick={() => setCommenting(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="claim-decision__error" role="alert">
          Not recorded: {error}
        </p>
      )}
    </div>
  );
}
