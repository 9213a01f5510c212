/**
 * What a damaged file is and what to do about it: where it is, what is wrong (with the
 * line and column of a JSON error), and how it begins. The file itself is never changed.
 */
import { useEffect, useState } from 'react';
import type { DamagedFile } from '../../../shared/article';
import type { ApiResponse } from '../../../shared/contract';
import { api } from '../api';
import './DamagedFilePane.css';

type Inspection = ApiResponse<'articles.inspectDamaged'>;

export function DamagedFilePane({ file }: { file: DamagedFile }) {
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let current = true;
    void api.articles.inspectDamaged({ slug: file.slug }).then(
      (found) => current && setInspection(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [file.slug]);

  const where = inspection?.line ? ` (line ${inspection.line}, column ${inspection.column})` : '';
  return (
    <div className="pane-message damaged-pane" role="alert">
      <h2>{file.file} cannot be read</h2>
      <p>
        Copydesk could not read this file: <strong>{file.reason}</strong>
        {where}.
      </p>
      <p>
        It has been left exactly as it is; Copydesk will not overwrite or delete it. Repair it in a text editor, or restore
        it from a backup: the library picks it up as soon as it reads again.
      </p>
      {inspection && (
        <>
          <div className="damaged-pane__path">
            <code>{inspection.path}</code>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard.writeText(inspection.path).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? 'Copied' : 'Copy path'}
            </button>
          </div>
          <p className="muted">
            {inspection.size.toLocaleString('en-US')} bytes{inspection.preview ? '. It begins:' : ', empty.'}
          </p>
          {inspection.preview && (
            <pre className="damaged-pane__preview" aria-label="The beginning of the file">
              {inspection.preview}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
