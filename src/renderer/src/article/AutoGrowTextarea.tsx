/**
 * A one-line-at-heart text field that wraps and grows with its text (CSS field-sizing),
 * for headlines and deks: they wrap but never scroll inside. Undo goes by word runs.
 */
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { smartenTyped } from '../../../document/typography';
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
  /** The article's language: quotes, apostrophes and dashes typed here are set in its style, as in the body. */
  language?: string;
}

export function AutoGrowTextarea({ className, ariaLabel, placeholder, value, onChange, onEnter, autoFocus, readOnly, describedBy, language }: AutoGrowTextareaProps) {
  const undo = useWordUndo(value, onChange);
  const field = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a quote set as typed is on the page: put there as the new value
  // is drawn, before the next key is read (a frame later, a fast typist's next letter would
  // land at the end).
  const caretAfterEdit = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterEdit.current;
    caretAfterEdit.current = null;
    if (at !== null && field.current?.value === value) field.current.setSelectionRange(at, at);
  }, [value]);
  const changed = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const target = event.target;
    const next = target.value.replace(/\s*\n\s*/g, ' ');
    const caret = target.selectionStart;
    // One character typed at the caret: set it as the body would. The straight character is
    // a step of its own, so one Ctrl+Z gives it back.
    const edit = language && next.length === value.length + 1 && caret === target.selectionEnd ? smartenTyped(next, caret, language) : null;
    undo.change(next);
    if (!edit) return;
    caretAfterEdit.current = caret - edit.length + edit.text.length;
    undo.change(next.slice(0, edit.start) + edit.text + next.slice(edit.start + edit.length), true);
  };
  return (
    <textarea
      ref={field}
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
      onChange={changed}
    />
  );
}
