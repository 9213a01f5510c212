/**
 * The article's place in the workflow, above its kicker: its status, who moved it there
 * and when, and what can be done next. Draft → Send to review; In review → Approve, or
 * Return to writer… (with a note); Approved → Reopen…. An approval the gate refuses says
 * how many claims are open, shows them, and offers Approve anyway… with a written reason.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArticleStatus } from '../../../shared/article';
import { relativeTime, statusLabel } from '../format';
import { openClaimsSentence } from './claim-status';
import { NoteDialog } from './NoteDialog';
import { useReview } from './ReviewContext';
import './WorkflowBar.css';

type Asking = 'return' | 'override' | 'reopen' | null;

interface WorkflowBarProps {
  /** Frozen while the app switches away from the article. */
  disabled: boolean;
  /** Says what went wrong above the headline. */
  onError: (message: string | null) => void;
}

export function WorkflowBar({ disabled, onError }: WorkflowBarProps) {
  const { status, workflow, showOpen, checked } = useReview();
  const [asking, setAsking] = useState<Asking>(null);
  // The refusal's count as the host gave it, or as the live check has it since.
  const open = checked.check?.open ?? workflow.refusal?.open ?? 0;
  const last = workflow.history.at(-1);
  // Approved past open claims: said beside the status, with the reason on hover or focus.
  const overridden = status === 'approved' ? workflow.history.findLast((change) => change.to === 'approved')?.override : undefined;
  const openNow = checked.check?.open;
  const pastOpen = openNow === undefined ? 'approved past open claims' : `with ${openNow === 1 ? '1 open claim' : `${openNow} open claims`}`;
  const off = disabled || workflow.busy;
  const showOpenButton = useRef<HTMLButtonElement>(null);
  // A refused approval disables nothing, but the banner is where the next step is: the focus goes there.
  useEffect(() => {
    if (workflow.refusal) showOpenButton.current?.focus();
  }, [workflow.refusal]);

  /** A move straight from a button: what goes wrong is said above the headline. */
  const go = async (to: ArticleStatus) => {
    onError(null);
    try {
      await workflow.move(to);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };
  /** A move from a dialog: what goes wrong is said in the dialog, which stays open. */
  const fromDialog = async (to: ArticleStatus, why: { note?: string; override?: string }) => {
    if (await workflow.move(to, why)) setAsking(null);
  };

  return (
    <div className="workflow">
      <div className="workflow__row" role="group" aria-label="Workflow">
        <span className={`pill workflow__status status--${status}`} data-testid="article-status">
          {statusLabel(status)}
        </span>
        {overridden && (
          <span
            className="workflow__override"
            tabIndex={0}
            title={`Reason: ${overridden}`}
            data-reason={overridden}
            aria-label={`Approved ${pastOpen}. Reason: ${overridden}`}
          >
            · {pastOpen}
          </span>
        )}
        {last && last.to === status && (
          <span className="workflow__last" title={new Date(last.at).toLocaleString('en-GB')}>
            by {last.by} · {relativeTime(last.at)}
          </span>
        )}
        <span className="workflow__actions">
          {status === 'draft' && (
            <button type="button" className="primary" disabled={off} onClick={() => void go('in-review')}>
              Send to review
            </button>
          )}
          {status === 'in-review' && (
            <>
              <button type="button" disabled={off} onClick={() => setAsking('return')}>
                Return to writer…
              </button>
              <button type="button" className="primary" disabled={off} onClick={() => void go('approved')}>
                Approve
              </button>
            </>
          )}
          {status === 'approved' && (
            <button type="button" disabled={off} onClick={() => setAsking('reopen')}>
              Reopen…
            </button>
          )}
        </span>
      </div>
      {workflow.refusal && status === 'in-review' && (
        <div className="workflow__refusal" role="alert">
          <p>
            <strong>{openClaimsSentence(open)}.</strong> To approve, each quote and figure needs a source that
            backs it or a reviewer’s “Verified”.
          </p>
          <div className="workflow__refusal-actions">
            <button ref={showOpenButton} type="button" onClick={showOpen}>
              Show open claims
            </button>
            <button type="button" disabled={off} onClick={() => setAsking('override')}>
              Approve anyway…
            </button>
          </div>
          <button type="button" className="workflow__dismiss" aria-label="Dismiss" title="Dismiss" onClick={workflow.dismissRefusal}>
            ×
          </button>
        </div>
      )}
      {asking === 'return' && (
        <NoteDialog
          title="Return to writer"
          message="The article goes back to draft, with your note in its history."
          label="What should the writer fix?"
          placeholder="Check the rosters figure against the union’s letter."
          required
          confirmLabel="Return to writer"
          onConfirm={(note) => fromDialog('draft', { note })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'reopen' && (
        <NoteDialog
          title="Reopen for review"
          message="The article goes back to In review and can be edited again."
          label="Why"
          confirmLabel="Reopen"
          onConfirm={(note) => fromDialog('in-review', { note })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'override' && workflow.refusal && (
        <NoteDialog
          title="Approve with open claims"
          message={
            <p>
              {openClaimsSentence(open)}. Your reason is kept in the article’s history and in the review
              report.
            </p>
          }
          label="Why can it be approved anyway?"
          placeholder="Figures confirmed by phone with the port authority; quotes from our own recording."
          required
          confirmLabel="Approve anyway"
          tone="warning"
          onConfirm={(override) => fromDialog('approved', { override })}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
