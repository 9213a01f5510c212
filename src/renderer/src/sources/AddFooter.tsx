/**
 * The foot of each way of adding a source: what went wrong, the source the library has
 * already (use that one, or add a copy anyway), and the buttons.
 */
import type { ReactNode } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { siteAndDate } from './source-search';
import type { AddState } from './use-add-source';

interface AddFooterProps {
  state: AddState;
  /** Problems the form found itself, before asking the host. */
  localProblem?: string | null;
  onUseExisting: (existing: SourceSummary) => void;
  onAddCopy: () => void;
  onCancel: () => void;
  /** The submit button(s). */
  children: ReactNode;
}

export function AddFooter({ state, localProblem, onUseExisting, onAddCopy, onCancel, children }: AddFooterProps) {
  const { duplicate, failure, busy } = state;
  return (
    <div className="add-footer">
      {duplicate && (
        <div className="banner banner--info duplicate-notice" role="alert">
          <span>
            Already in the library: <strong>{duplicate.existing.title || duplicate.existing.id}</strong>
            {siteAndDate(duplicate.existing) && <> ({siteAndDate(duplicate.existing)})</>}, with the{' '}
            {duplicate.matchedBy === 'url' ? 'same address' : 'same text'}.
          </span>
          <button type="button" className="primary" onClick={() => onUseExisting(duplicate.existing)}>
            Use that one
          </button>
          <button type="button" onClick={onAddCopy} disabled={busy}>
            Add a copy anyway
          </button>
        </div>
      )}
      {(localProblem || failure) && (
        <p className="form-error add-footer__error" role="alert">
          {localProblem ?? failure?.message}
        </p>
      )}
      <div className="add-footer__buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </div>
  );
}
