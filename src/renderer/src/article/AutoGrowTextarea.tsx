/**
 * A one-line-at-heart text field that wraps and grows with its text (CSS field-sizing),
 * for headlines and deks: they wrap but never scroll inside.
 */

interface AutoGrowTextareaProps {
  className: string;
  ariaLabel: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

export function AutoGrowTextarea({ className, ariaLabel, placeholder, value, onChange }: AutoGrowTextareaProps) {
  return (
    <textarea
      rows={1}
      className={`autogrow ${className}`}
      aria-label={ariaLabel}
      placeholder={placeholder}
      value={value}
      // A headline is one paragraph: Enter does not break it.
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      onChange={(e) => onChange(e.target.value.replace(/\s*\n\s*/g, ' '))}
    />
  );
}
