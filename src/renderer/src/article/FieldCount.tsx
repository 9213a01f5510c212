/**
 * A field's character count against its soft limit: "42 / 80", and past the limit, how
 * far ("12 over 80"). Soft: nothing is cut or refused; the desk decides.
 */
export function FieldCount({ id, length, limit, label }: { id: string; length: number; limit: number; label: string }) {
  const over = length > limit;
  return (
    <span id={id} className={`field-count${over ? ' field-count--over' : ''}`} data-testid={`${label.toLowerCase()}-count`}>
      <span className="visually-hidden">{label}: </span>
      {over ? `${length - limit} over ${limit}` : `${length} / ${limit}`}
      <span className="visually-hidden"> characters</span>
    </span>
  );
}
