/**
 * A one-line-at-heart text field that wraps and grows with its text (CSS field-sizing),
 * for headlines and deks: they wrap but never scroll inside. Undo goes by word runs.
 */
import { useWordUndo } from './use-word-undo';
import './AutoGrowTextarea.css';

interface AutoGrowTextareaProps {
  className: string;
  ariaLabel: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter does not break the text; it calls this (to move to the next field). */
  onEnter?: () => void;
  autoFocus?: boolean;
  readOnly?: boolean;
  /** Ids of what describes the field (its character count). */
  describedBy?: string;
}

export function AutoGrowTextarea({ className, ariaLabel, placeholder, value, onChange, onEnter, autoFocus, readOnly, describedBy }: AutoGrowTextareaProps) {
  const undo = useWordUndo(value, onChange);
  return (
    <textarea
      rows={1}
      className={`autogrow ${className}`}
      aria-label={ariaLabel}
      placeholder={placeholder}
      value={value}
      autoFocus={autoFocus}
      readOnly={readOnly}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        undo.keyDown(e);
        if (e.key !== 'Enter') return;
        e.preventDefault();
        onEnter?.();
      }}
      onChange={(e) => undo.change(e.target.value.replace(/\s*\n\s*/g, ' '))}
    />
  );
}
