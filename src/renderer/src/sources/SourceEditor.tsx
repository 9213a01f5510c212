/**
 * A source's fields, edited in the library and saved on top of the revision the edit began
 * from: a source changed on disk meanwhile is a conflict, said with the choice to load
 * that version. A version from disk is taken in by itself while nothing is being edited.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/errors';
import type { Source } from '../../../shared/source';
import { api } from '../api';
import { SourceFieldsForm } from './SourceFieldsForm';
import { useSourceLibrary } from './SourceLibraryProvider';
import { fieldsFromForm, formFromSource, formProblems, type FormField, type SourceForm } from './source-fields';
import { failureOf } from './use-add-source';

const LABELS: Record<keyof SourceForm, string> = {
  title: 'Title',
  type: 'Type',
  authors: 'Author(s)',
  issued: 'Date',
  container: 'Site or publication',
  url: 'Web address',
};

const same = (a: SourceForm, b: SourceForm) => (Object.keys(a) as Array<keyof SourceForm>).every((k) => a[k].trim() === b[k].trim());

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'conflict' | 'error'; message: string };

export function SourceEditor({ source }: { source: Source }) {
  const { refresh } = useSourceLibrary();
  const [baseRevision, setBaseRevision] = useState(source.revision);
  const [initial, setInitial] = useState(() => formFromSource(source));
  const [form, setForm] = useState(initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const dirty = !same(form, initial);
  const [changedOnDisk, setChangedOnDisk] = useState(false);

  const takeVersion = (version: Source) => {
    const fresh = formFromSource(version);
    setBaseRevision(version.revision);
    setInitial(fresh);
    setForm(fresh);
    setChangedOnDisk(false);
    setErrors({});
    setStatus({ kind: 'idle' });
  };

  /** The version on disk now, asked for (a conflict says it changed; the event may not have come). */
  const loadFromDisk = async () => {
    try {
      const fresh = await api.sources.get({ id: source.id });
      takeVersion(fresh);
      void refresh();
    } catch (error) {
      setStatus({ kind: 'error', message: failureOf(error).message });
    }
  };

  // Another version of the source arrived (another program, the CLI, another window).
  useEffect(() => {
    if (source.revision === baseRevision) return;
    if (!dirty) takeVersion(source);
    else setChangedOnDisk(true);
    // Only a new version matters here, not each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = formProblems(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await api.sources.update({ id: source.id, baseRevision, fields: fieldsFromForm(form) });
      setBaseRevision(result.revision);
      setInitial(form);
      setStatus({ kind: 'saved' });
      void refresh();
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.fields);
      setStatus({ kind: error instanceof ApiError && error.code === 'conflict' ? 'conflict' : 'error', message: failure.message });
    }
  };

  // The workspace keeps a field's old value when it is sent empty: say so rather than pretend.
  const emptied = (Object.keys(LABELS) as Array<keyof SourceForm>).filter((k) => initial[k].trim() && !form[k].trim() && k !== 'title');

  return (
    <form className="source-editor" noValidate onSubmit={(e) => void save(e)}>
      {(changedOnDisk || status.kind === 'conflict') && (
        <div className="banner banner--warning" role="alert">
          <span>
            {status.kind === 'conflict' ? status.message : 'This source was changed on disk while you were editing it.'} Your edits are still in the form.
          </span>
          <button type="button" onClick={() => void loadFromDisk()}>
            Load the version on disk
          </button>
        </div>
      )}
      <SourceFieldsForm form={form} onChange={(next) => (setForm(next), setStatus({ kind: 'idle' }))} errors={errors} disabled={status.kind === 'saving'} />
      {emptied.length > 0 && (
        <p className="source-field__hint" role="note">
          An emptied field keeps its old value when saved ({emptied.map((k) => LABELS[k]).join(', ')}): the workspace cannot clear a source’s field yet.
        </p>
      )}
      <div className="source-editor__buttons">
        {status.kind === 'error' && (
          <p className="form-error" role="alert">
            {status.message}
          </p>
        )}
        {status.kind === 'saved' && !dirty && (
          <p className="source-editor__saved" role="status">
            Saved
          </p>
        )}
        <button type="button" disabled={!dirty || status.kind === 'saving'} onClick={() => (setForm(initial), setErrors({}), setStatus({ kind: 'idle' }))}>
          Undo changes
        </button>
        <button type="submit" className="primary" disabled={!dirty || status.kind === 'saving'}>
          {status.kind === 'saving' ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
