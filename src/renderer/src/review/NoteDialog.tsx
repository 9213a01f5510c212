/**
 * A small dialog that asks for a line or a paragraph before an action goes ahead: the
 * reviewer's name, a note for the writer, the reason to approve past open claims. A
 * required answer keeps the button off until something is written; a failure is said in
 * the dialog, which stays open with the text kept.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../shell/Dialog';
import './NoteDialog.css';

interface NoteDialogProps {
  title: string;
  /** What the action does, above the field. */
  message?: ReactNode;
  label: string;
  placeholder?: string;
  initial?: string;
  required?: boolean;
  /** One line (a name) rather than a paragraph. */
  singleLine?: boolean;
  confirmLabel: string;
  /** Marks the button as the one that goes past a warning. */
  tone?: 'primary' | 'warning';
  onConfirm: (text: string) => Promise<void> | void;
  onClose: () => void;
}

export function NoteDialog(props: NoteDialogProps) {
  const { title, message, label, placeholder, initial = '', required = false, singleLine = false, confirmLabel, tone = 'primary' } = props;
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const missing = required && text.trim() === '';
  // The field takes the focus once the dialog is open (opening gives it to the first button).
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = async () => {
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm(text.trim());
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  const fieldProps = {
    id: fieldId,
    value: text,
    placeholder,
    ref: field,
    disabled: busy,
    'aria-required': required || undefined,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
  };
  return (
    <Dialog title={title} onClose={props.onClose} className="note-dialog">
      <form
        className="note-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {message && <div className="note-dialog__message">{message}</div>}
        <label htmlFor={fieldId}>
          {label}
          {!required && <span className="note-dialog__optional"> (optional)</span>}
        </label>
        {singleLine ? (
          <input {...fieldProps} autoComplete="name" spellCheck={false} />
        ) : (
          <textarea
            {...fieldProps}
            rows={4}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter sends, as in a mail or chat box; Enter alone is a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
        )}
        {error && (
          <p className="banner banner--warning" role="alert">
            {error}
          </p>
        )}
        <div className="note-dialog__buttons">
          <button type="button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={tone === 'warning' ? 'warning' : 'primary'} disabled={missing || busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
