/**
 * A bundle brought back: a .zip that Copydesk exported (here or elsewhere) becomes a new
 * draft with its sources, reusing those the library has already. What the host refuses
 * (a damaged or tampered zip, entries outside the bundle, too large) is said as it says it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { api } from '../api';
import { Dialog } from '../shell/Dialog';
import { toBase64 } from '../sources/file-data';
import { sourcesLine } from './import-summary';
import './Export.css';
import '../shell/FileDrop.css';
import { formatBytes } from '../format';

/** The contract's ceiling for an uploaded bundle (160 MB); the host may set a lower one. */
const MAX_BUNDLE_BYTES = 160 * 1024 * 1024;

type Imported = ApiResponse<'export.importBundle'>;

interface ImportBundleDialogProps {
  onOpenArticle: (id: string) => void;
  onClose: () => void;
}

export function ImportBundleDialog({ onOpenArticle, onClose }: ImportBundleDialogProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const done = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const frame = requestAnimationFrame(() => (imported ? done.current : input.current)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [imported]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem('Choose a bundle (.zip) first.');
    if (!file.name.toLowerCase().endsWith('.zip')) return setProblem(`“${file.name}” is not a .zip. Copydesk imports bundles as the .zip that export writes.`);
    if (file.size > MAX_BUNDLE_BYTES) return setProblem(`“${file.name}” is larger than 160 MB, more than any bundle Copydesk imports.`);
    setBusy(true);
    setProblem(null);
    try {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await api.export.importBundle({ fileName: file.name, data });
      setImported(result);
      onOpenArticle(result.articleId);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import a bundle" subtitle="A bundle’s .zip comes back as a new draft, with its sources." onClose={onClose} className="export-dialog export-dialog--import">
      {imported ? (
        <div className="export-outcome export-outcome--exported" role="status" data-testid="import-outcome">
          <h3 className="export-outcome__title">
            <span aria-hidden="true">✓ </span>Imported as a new draft
          </h3>
          <p>
            It is open behind this dialog, saved as <code>articles/{imported.slug}.json</code>; any article it came from is left as it
            was. {sourcesLine(imported.sources)}
          </p>
          <div className="export-buttons">
            <button ref={done} type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="export-form" noValidate onSubmit={(e) => void submit(e)}>
          <label className="file-drop" htmlFor={`${id}-file`}>
            <span className="file-drop__title">{file ? file.name : 'Choose a bundle, or drop it here'}</span>
            <span className="file-drop__hint">
              {file
                ? formatBytes(file.size)
                : 'The .zip that Copydesk’s export writes. The article comes in as a draft; the original is not touched.'}
            </span>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept=".zip,application/zip"
              aria-label="Bundle file (.zip)"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
          </label>
          {problem && (
            <p className="banner banner--warning" role="alert">
              {problem}
            </p>
          )}
          <div className="export-buttons">
            <button type="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || !file}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
