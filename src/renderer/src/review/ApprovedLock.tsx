/**
 * Approved copy is locked: the text and the fields are read-only, and a notice says so
 * with an Edit… button. Typing into it (or pressing Edit…) asks first: "Editing it sends
 * it back to review." Edit and reopen saves it back to In review, recorded in its
 * history; Cancel leaves it as it was (the keystroke never reached the text).
 */
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../shell/Dialog';
import { isEditingKey } from './approved-keys';
import { useReview } from './ReviewContext';
import './NoteDialog.css';
import './ApprovedLock.css';

interface ApprovedLockProps {
  /** Frozen while the app switches away from the article. */
  disabled: boolean;
  /** Where the writer goes on once the article is editable again. */
  onReopened: (focus: HTMLElement | null) => void;
}

export function ApprovedLock({ disabled, onReopened }: ApprovedLockProps) {
  const { status, workflow } = useReview();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The field (or the body) the writer was typing into; null after Edit…. */
  const typedInto = useRef<HTMLElement | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const reopenButton = useRef<HTMLButtonElement>(null);
  // Once open: a keystroke that asked lands on Cancel (a second one must not reopen); Edit… on the way on.
  useEffect(() => {
    if (asking) (typedInto.current ? cancelButton : reopenButton).current?.focus();
  }, [asking]);
  const approved = status === 'approved';

  useEffect(() => {
    if (!approved || disabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isEditingKey(event)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const body = document.querySelector<HTMLElement>('.article-pane [aria-label="Article body"]');
      // The article's own fields; not a dialog's (a dialog of the header sits inside it).
      const field = target?.closest('.article-header') && !target.closest('dialog') && target.matches('input, textarea') ? target : null;
      const anchor = document.getSelection()?.anchorNode ?? null;
      const inBody = !!body && !!anchor && body.contains(anchor) && (target === document.body || !!target && body.contains(target));
      if (!field && !inBody) return;
      event.preventDefault();
      typedInto.current = field ?? body;
      setError(null);
      setAsking(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [approved, disabled]);

  if (!approved) return null;

  const reopen = async () => {
    setBusy(true);
    setError(null);
    try {
      if (await workflow.reopenForEdit()) {
        setAsking(false);
        onReopened(typedInto.current);
      }
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="approved-lock" role="note">
        <span>Approved copy is locked. Editing it sends it back to review.</span>
        <button
          type="button"
          disabled={disabled || workflow.busy}
          onClick={() => {
            typedInto.current = null;
            setError(null);
            setAsking(true);
          }}
        >
          Edit…
        </button>
      </div>
      {asking && (
        <Dialog title="This article is approved" onClose={() => !busy && setAsking(false)} className="note-dialog">
          <p className="approved-lock__question">
            Editing it sends it back to review. The change is recorded in its history with your name.
          </p>
          {error && (
            <p className="banner banner--warning" role="alert">
              {error}
            </p>
          )}
          <div className="note-dialog__buttons">
            <button ref={cancelButton} type="button" disabled={busy} onClick={() => setAsking(false)}>
              Cancel
            </button>
            <button ref={reopenButton} type="button" className="primary" disabled={busy} onClick={() => void reopen()}>
              {busy ? 'Reopening…' : 'Edit and reopen'}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
