/** The written reason to export past the gate: required, kept in each bundle's manifest. */
import { useEffect, useId, useRef } from 'react';

interface OverrideReasonProps {
  value: string;
  onChange: (value: string) => void;
  /** Said under the field after an attempt without a reason. */
  missing: boolean;
  disabled?: boolean;
  label?: string;
  /** Take the focus when shown: the reason is the next thing to write (the gate found problems). */
  focusOnShow?: boolean;
}

export function OverrideReason({ value, onChange, missing, disabled, label = 'Reason to export anyway', focusOnShow }: OverrideReasonProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const error = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusOnShow) field.current?.focus({ preventScroll: true });
    // Only when it first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Asked for and missing: the field takes focus, with the message under it in view.
  useEffect(() => {
    if (!missing) return;
    field.current?.focus({ preventScroll: true });
    error.current?.scrollIntoView({ block: 'nearest' });
  }, [missing]);
  return (
    <div className="override">
      <label htmlFor={id} className="override__label">
        {label}
      </label>
      <p className="override__hint" id={`${id}-hint`}>
        Kept in the bundle’s manifest.json with the problems it goes past, for whoever publishes it.
      </p>
      <textarea
        ref={field}
        id={id}
        className="override__field"
        rows={3}
        value={value}
        disabled={disabled}
        aria-required="true"
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-hint ${id}-error` : `${id}-hint`}
        placeholder="e.g. The open figures were confirmed by phone with the source; the night editor signs off."
        maxLength={2000}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && (
        <p ref={error} className="override__error" id={`${id}-error`} role="alert">
          Write why it goes out anyway: past the gate, a reason is required.
        </p>
      )}
    </div>
  );
}
