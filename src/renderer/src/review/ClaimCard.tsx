/**
 * One claim in the review panel: its status (a chip with words, not colour alone), what
 * kind it is and who said it, its words (a click selects them in the text), what the check
 * noted, the source passage with the matched words marked, a close quote's word diff, and
 * the reviewer's decision.
 */
import { memo } from 'react';
import type { ClaimDecision as Decision } from '../../../shared/article';
import type { ReviewedClaim } from '../../../shared/review';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from './claim-status';
import { ClaimDecision } from './ClaimDecision';
import { diffRuns, hasDifference, passageParts } from './passage';
import './ClaimCard.css';

interface ClaimCardProps {
  claim: ReviewedClaim;
  active: boolean;
  /** The title of the source the passage is from. */
  sourceTitle: string | null;
  onJump: (claim: ReviewedClaim) => void;
  onDecide: (claim: ReviewedClaim, decision: Decision | null, comment?: string) => Promise<void>;
}

/** The claim's words as the list quotes them: a quote in quotation marks, a figure as written. */
function claimWords(claim: ReviewedClaim): string {
  const words = claim.text.replace(/\s+/g, ' ').trim();
  return claim.kind === 'quote' ? `“${words}”` : words;
}

export const ClaimCard = memo(function ClaimCard({ claim, active, sourceTitle, onJump, onDecide }: ClaimCardProps) {
  const passage = passageParts(claim);
  const runs = diffRuns(claim.diff);
  return (
    <li className={`claim claim--${claim.status}`} data-claim-id={claim.id} aria-current={active || undefined}>
      <div className="claim__top">
        <span className={`claim-chip claim-chip--${claim.status}`}>{CLAIM_STATUS_LABELS[claim.status]}</span>
        <span className="claim__kind">
          {CLAIM_KIND_LABELS[claim.kind]}
          {claim.speaker && <> · {claim.speaker}</>}
        </span>
      </div>
      <button
        type="button"
        className={`claim__words claim__words--${claim.kind}`}
        title="Select these words in the text"
        onClick={() => onJump(claim)}
      >
        {claimWords(claim)}
      </button>
      {claim.note && <p className="claim__note">{claim.note}</p>}
      {passage && (
        <figure className="claim__passage">
          <blockquote>
            {passage.before}
            {passage.match && <mark>{passage.match}</mark>}
            {passage.after}
          </blockquote>
          {sourceTitle && <figcaption>{sourceTitle}</figcaption>}
        </figure>
      )}
      {hasDifference(runs) && (
        <div className="claim__diff">
          <p>
            {runs.map((run, i) => (
              <span key={i}>
                {i > 0 && ' '}
                {run.side === 'article' ? <del>{run.text}</del> : run.side === 'source' ? <ins>{run.text}</ins> : run.text}
              </span>
            ))}
          </p>
          <p className="claim__diff-legend">
            <span className="claim__diff-key claim__diff-key--article">struck</span>: only in the article ·{' '}
            <span className="claim__diff-key claim__diff-key--source">underlined</span>: only in the source
          </p>
        </div>
      )}
      <ClaimDecision claim={claim} onDecide={onDecide} />
    </li>
  );
});
