/**
 * Adding sources from a file: a document or saved page (.html, .txt, .md, .docx, .pdf)
 * becomes one source with its text as the snapshot; a reference file (CSL-JSON or BibTeX,
 * as Zotero exports them) adds every entry, or none.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { importFileTooLarge } from '../../../shared/limits';
import type { SourceSummary } from '../../../shared/source';
import { api } from '../api';
import { AddFooter } from './AddFooter';
import { DOCUMENT_EXTENSIONS, importKind, MAX_IMPORT_BYTES, REFERENCE_EXTENSIONS, toBase64 } from './file-data';
import { failureOf, type AddFailure, type useAddSource } from './use-add-source';
import '../shell/FileDrop.css';
import { formatBytes } from '../format';

type ReferencesResult = ApiResponse<'sources.importReferences'>;

interface TabProps {
  adder: ReturnType<typeof useAddSource>;
  onUseExisting: (existing: SourceSummary) => void;
  onCancel: () => void;
  /** Every source the reference file added, and the duplicates chosen instead. */
  onDone: (ids: string[]) => void;
}

export function FileSourceTab({ adder, onUseExisting, onCancel, onDone }: TabProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [references, setReferences] = useState<{ busy: boolean; failure: AddFailure | null; result: ReferencesResult | null }>({
    busy: false,
    failure: null,
    result: null,
  });
  const [used, setUsed] = useState<string[]>([]);
  const busy = adder.state.busy || references.busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem('Choose a file first.');
    const kind = importKind(file.name);
    if (!kind) return setProblem(`Copydesk reads ${[...DOCUMENT_EXTENSIONS, ...REFERENCE_EXTENSIONS].join(' ')} files; “${file.name}” is none of them.`);
    if (file.size > MAX_IMPORT_BYTES) return setProblem(importFileTooLarge(`“${file.name}”`, file.size));
    setProblem(null);
    if (kind === 'document') {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      const fileName = file.name;
      void adder.run((allowDuplicate) => api.sources.importFile({ fileName, data, ...(allowDuplicate ? { allowDuplicate } : {}) }));
      return;
    }
    setReferences({ busy: true, failure: null, result: null });
    try {
      const result = await api.sources.importReferences({ fileName: file.name, text: await file.text() });
      if (!result.duplicates.length) return onDone(result.added.map((s) => s.id));
      setReferences({ busy: false, failure: null, result });
    } catch (error) {
      setReferences({ busy: false, failure: failureOf(error), result: null });
    }
  };

  const report = references.result;
  if (report) {
    return (
      <div className="add-form">
        <p role="status">
          {report.added.length ? `Added ${report.added.length} source${report.added.length === 1 ? '' : 's'}. ` : 'Nothing new was added. '}
          {report.duplicates.length === 1 ? 'One entry is' : `${report.duplicates.length} entries are`} already in the library:
        </p>
        <ul className="reference-duplicates">
          {report.duplicates.map(({ title, existing }) => (
            <li key={existing.id}>
              <span>
                {title || existing.title} <span className="muted">— as “{existing.title}”</span>
              </span>
              <button type="button" disabled={used.includes(existing.id)} onClick={() => setUsed((u) => [...u, existing.id])}>
                {used.includes(existing.id) ? 'Will be used' : 'Use that one'}
              </button>
            </li>
          ))}
        </ul>
        <div className="add-footer__buttons">
          <button type="button" className="primary" onClick={() => onDone([...report.added.map((s) => s.id), ...used])}>
            Done
          </button>
        </div>
      </div>
    );
  }

  const failure = adder.state.failure ?? references.failure;
  return (
    <form className="add-form" noValidate onSubmit={(e) => void submit(e)}>
      <label className="file-drop" htmlFor={`${id}-file`}>
        <span className="file-drop__title">{file ? file.name : 'Choose a file, or drop it here'}</span>
        <span className="file-drop__hint">
          {file
            ? `${formatBytes(file.size)} · ${importKind(file.name) === 'references' ? 'every reference in it is added' : 'its text becomes the snapshot'}`
            : 'A saved page or document (.html .txt .md .docx .pdf), or references from Zotero (.json CSL-JSON, .bib BibTeX). Up to 20 MB.'}
        </span>
        <input
          id={`${id}-file`}
          type="file"
          aria-label="Source file"
          accept={[...DOCUMENT_EXTENSIONS, ...REFERENCE_EXTENSIONS].join(',')}
          disabled={busy}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setProblem(null);
            adder.reset();
            setReferences({ busy: false, failure: null, result: null });
          }}
        />
      </label>
      <AddFooter
        state={{ ...adder.state, failure, busy }}
        localProblem={problem ?? failure?.fields.file ?? null}
        onUseExisting={onUseExisting}
        onAddCopy={() => void adder.addCopy()}
        onCancel={onCancel}
      >
        <button type="submit" className="primary" disabled={busy || !file}>
          {busy ? 'Reading…' : 'Import'}
        </button>
      </AddFooter>
    </form>
  );
}
