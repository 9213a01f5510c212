/**
 * Adding a source from its web address: the host fetches the page now (it gives up after
 * 20 seconds). When it cannot, its reason is shown, and the source can still be saved with
 * its fields and no snapshot.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { api } from '../api';
import { AddFooter } from './AddFooter';
import { SourceFieldsForm } from './SourceFieldsForm';
import { EMPTY_FORM, fieldsFromForm, formProblems, type FormField } from './source-fields';
import type { useAddSource } from './use-add-source';

interface TabProps {
  adder: ReturnType<typeof useAddSource>;
  onUseExisting: (existing: SourceSummary) => void;
  onCancel: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host || url.trim();
  } catch {
    return url.trim();
  }
}

export function WebSourceTab({ adder, onUseExisting, onCancel }: TabProps) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [withoutSnapshot, setWithoutSnapshot] = useState(false);
  const [form, setForm] = useState(EMPTY_FORM);
  const [problems, setProblems] = useState<Partial<Record<FormField, string>>>({});
  const [seconds, setSeconds] = useState(0);
  const { busy, failure } = adder.state;

  useEffect(() => {
    if (!busy || withoutSnapshot) return;
    setSeconds(0);
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [busy, withoutSnapshot]);

  const fetchPage = (event: FormEvent) => {
    event.preventDefault();
    if (!url.trim()) {
      setProblems({ url: 'Type or paste the page’s address.' });
      return;
    }
    setProblems({});
    const address = url.trim();
    void adder.run((allowDuplicate) => api.sources.capture({ url: address, ...(allowDuplicate ? { allowDuplicate } : {}) }));
  };

  const saveWithoutSnapshot = (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    const fields = fieldsFromForm(form);
    void adder.run((allowDuplicate) => api.sources.add({ fields, snapshot: null, ...(allowDuplicate ? { allowDuplicate } : {}) }));
  };

  if (withoutSnapshot) {
    return (
      <form className="add-form" noValidate onSubmit={saveWithoutSnapshot}>
        <p className="add-form__note">
          Saved with its fields only: listed with “no snapshot”, so no attributed words can be checked against it until you add its text.
        </p>
        <SourceFieldsForm form={form} onChange={setForm} errors={{ ...failure?.fields, ...problems }} disabled={busy} autoFocusTitle />
        <AddFooter state={adder.state} onUseExisting={onUseExisting} onAddCopy={() => void adder.addCopy()} onCancel={onCancel}>
          <button type="button" onClick={() => (adder.reset(), setWithoutSnapshot(false))} disabled={busy}>
            Back
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save without a snapshot
          </button>
        </AddFooter>
      </form>
    );
  }

  const unreachable = failure && failure.code !== 'invalid-request';
  // A page that cannot be reached is no fault of the address as typed.
  const error = problems.url ?? (unreachable ? undefined : failure?.fields.url);
  return (
    <form className="add-form" noValidate onSubmit={fetchPage}>
      <div className="add-form__text">
        <label className="form-label" htmlFor={`${id}-url`}>
          Web address
        </label>
        <input
          id={`${id}-url`}
          className="form-input"
          type="url"
          autoFocus
          placeholder="https://www.example.com/news/2026/11/10/story"
          value={url}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setUrl(e.target.value)}
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="source-field__hint">The page is fetched now and its readable text kept as the snapshot, with the time it was captured.</p>
        )}
      </div>
      {busy && (
        <div className="fetch-progress" role="status">
          <progress aria-label="Fetching the page" />
          <span>
            Fetching {hostOf(url)}… {seconds > 0 && `${seconds} s`}
          </span>
        </div>
      )}
      {unreachable && (
        <div className="banner banner--warning" role="alert">
          <span>The page could not be captured: {failure.message}</span>
          <button
            type="button"
            onClick={() => {
              setForm({ ...EMPTY_FORM, url: url.trim() });
              adder.reset();
              setWithoutSnapshot(true);
            }}
          >
            Save without a snapshot
          </button>
        </div>
      )}
      <AddFooter
        state={unreachable ? { ...adder.state, failure: null } : { ...adder.state, failure: error ? null : failure }}
        onUseExisting={onUseExisting}
        onAddCopy={() => void adder.addCopy()}
        onCancel={onCancel}
      >
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Fetching…' : 'Fetch page'}
        </button>
      </AddFooter>
    </form>
  );
}
