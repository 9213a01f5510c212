/**
 * A source's fields as a form: title, type, authors, date, site or publication, address.
 * Used to add a source and to edit one; each field carries its own complaint.
 */
import { useId, type ReactNode } from 'react';
import type { CslType } from '../../../shared/source';
import { COMMON_TYPES, OTHER_TYPES, type FormField, type SourceForm } from './source-fields';
import './SourceFieldsForm.css';

interface SourceFieldsFormProps {
  form: SourceForm;
  onChange: (form: SourceForm) => void;
  errors: Partial<Record<FormField, string>>;
  disabled?: boolean;
  autoFocusTitle?: boolean;
}

export function SourceFieldsForm({ form, onChange, errors, disabled = false, autoFocusTitle = false }: SourceFieldsFormProps) {
  const id = useId();
  const set = <K extends keyof SourceForm>(key: K, value: SourceForm[K]) => onChange({ ...form, [key]: value });
  const field = (key: keyof SourceForm, label: string, input: ReactNode, hint?: string) => (
    <div className={`source-field source-field--${key}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {errors[key] ? (
        <p className="source-field__error" id={`${id}-${key}-error`} role="alert">
          {errors[key]}
        </p>
      ) : (
        hint && <p className="source-field__hint">{hint}</p>
      )}
    </div>
  );
  const described = (key: keyof SourceForm) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
    disabled,
  });
  return (
    <div className="source-fields">
      {field(
        'title',
        'Title',
        <input {...described('title')} required autoFocus={autoFocusTitle} value={form.title} onChange={(e) => set('title', e.target.value)} />,
      )}
      {field(
        'type',
        'Type',
        <select {...described('type')} value={form.type} onChange={(e) => set('type', e.target.value as CslType)}>
          {COMMON_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
          <optgroup label="Other CSL types">
            {OTHER_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </optgroup>
        </select>,
      )}
      {field(
        'issued',
        'Date',
        <input {...described('issued')} placeholder="YYYY-MM-DD" inputMode="numeric" value={form.issued} onChange={(e) => set('issued', e.target.value)} />,
      )}
      {field(
        'authors',
        'Author(s)',
        <input {...described('authors')} placeholder="Anna Verhoeven; Joost Dijkhuis" value={form.authors} onChange={(e) => set('authors', e.target.value)} />,
        'Given name first; “;” between people; an organisation in braces: {Port Authority}.',
      )}
      {field(
        'container',
        'Site or publication',
        <input {...described('container')} placeholder="Northsea Wire" value={form.container} onChange={(e) => set('container', e.target.value)} />,
      )}
      {field(
        'url',
        'Web address',
        <input {...described('url')} type="url" placeholder="https://" value={form.url} onChange={(e) => set('url', e.target.value)} />,
      )}
    </div>
  );
}
