/**
 * Adding a source from its text, pasted: the fields, and the text that becomes its
 * snapshot (what the words of an article are checked against).
 */
import { useId, useState, type FormEvent } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { api } from '../api';
import { AddFooter } from './AddFooter';
import { SourceFieldsForm } from './SourceFieldsForm';
import { EMPTY_FORM, fieldsFromForm, formProblems, snapshotTextProblem, type FormField } from './source-fields';
import type { useAddSource } from './use-add-source';

interface TabProps {
  adder: ReturnType<typeof useAddSource>;
  onUseExisting: (existing: SourceSummary) => void;
  onCancel: () => void;
  /** The title to start with. */
  title?: string | undefined;
}

export function PasteSourceTab({ adder, onUseExisting, onCancel, title = '' }: TabProps) {
  const id = useId();
  const [form, setForm] = useState({ ...EMPTY_FORM, title });
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Partial<Record<FormField, string>>>({});
  const errors = { ...adder.state.failure?.fields, ...problems };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(form);
    const tooLong = snapshotTextProblem(text);
    if (tooLong) found.text = tooLong;
    setProblems(found);
    if (Object.keys(found).length) return;
    const fields = fieldsFromForm(form);
    const snapshot = text.trim() ? { text, origin: 'pasted' as const } : null;
    void adder.run((allowDuplicate) => api.sources.add({ fields, snapshot, ...(allowDuplicate ? { allowDuplicate } : {}) }));
  };

  return (
    <form className="add-form" noValidate onSubmit={submit}>
      <SourceFieldsForm form={form} onChange={setForm} errors={errors} disabled={adder.state.busy} autoFocusTitle />
      <div className="add-form__text">
        <label className="form-label" htmlFor={`${id}-text`}>
          Text of the source
        </label>
        <textarea
          id={`${id}-text`}
          className="form-textarea"
          rows={7}
          value={text}
          disabled={adder.state.busy}
          aria-invalid={errors.text ? true : undefined}
          placeholder="Paste the statement, article or transcript as published."
          onChange={(e) => setText(e.target.value)}
        />
        {errors.text ? (
          <p className="form-error" role="alert">
            {errors.text}
          </p>
        ) : (
          <p className="source-field__hint">
            Kept as the source’s snapshot: attributed words are checked against it. Without text the source is listed with “no snapshot”.
          </p>
        )}
      </div>
      <AddFooter
        state={adder.state}
        localProblem={Object.keys(problems).length ? 'Some fields need a look.' : null}
        onUseExisting={onUseExisting}
        onAddCopy={() => void adder.addCopy()}
        onCancel={onCancel}
      >
        <button type="submit" className="primary" disabled={adder.state.busy}>
          {adder.state.busy ? 'Adding…' : 'Add source'}
        </button>
      </AddFooter>
    </form>
  );
}
