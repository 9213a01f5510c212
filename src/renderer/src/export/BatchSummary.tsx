/**
 * What a batch export did: the folder, then each article exported (with its bundle's
 * folder), refused by the gate (with the problems, folded), or failed (with the host's
 * message). The refused ones can go again, past the gate, with a written reason.
 */
import { useState } from 'react';
import { formatCount } from '../format';
import { outcomeLine, headlineOrUntitled } from './batch-selection';
import { CopyPath } from './CopyPath';
import { ProblemGroups } from './GateVerdict';
import { OverrideReason } from './OverrideReason';
import type { ExportResult } from './use-export-run';

interface BatchSummaryProps {
  result: ExportResult;
  override: string | undefined;
  headlineOf: (id: string) => string;
  /** Exports the refused ones again with this reason. */
  onOverride: (ids: string[], reason: string) => void;
  /** Opens a refused article, to fix it. */
  onOpenArticle: (id: string) => void;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function BatchSummary({ result, override, headlineOf, onOverride, onOpenArticle }: BatchSummaryProps) {
  const { exported, refused, failed } = result;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const title = (id: string) => `“${headlineOrUntitled(headlineOf(id))}”`;
  return (
    <div className="batch-summary" data-testid="batch-summary">
      <div role="status">
        <h3 className="batch-summary__line">{outcomeLine(exported.length, refused.length, failed.length)}</h3>
      </div>
      {exported.length > 0 && (
        <section aria-label="Exported">
          <CopyPath label="Folder" path={result.outDir} />
          {override && <p className="export-outcome__override">Exported past the gate. Each manifest keeps your reason: “{override}”</p>}
          <h4 className="batch-summary__head">Exported ({exported.length})</h4>
          <ul className="batch-summary__list">
            {exported.map((e) => (
              <li key={e.articleId}>
                {title(e.articleId)} <span className="muted">→ {baseName(e.folder)}/{e.zipFile ? ` and ${baseName(e.zipFile)}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {refused.length > 0 && (
        <section aria-label="Refused by the gate" className="batch-summary__refused">
          <h4 className="batch-summary__head">Refused by the gate ({refused.length})</h4>
          <p className="batch-summary__note">Nothing was written for these. Open each to see what stops it.</p>
          {refused.map((r) => (
            <details key={r.articleId} className="batch-summary__item">
              <summary>
                {title(r.articleId)} <span className="muted">— {formatCount(r.problems.length, 'problem', 'problems')}</span>
              </summary>
              <ProblemGroups problems={r.problems} />
              <button type="button" className="link-button batch-summary__open" onClick={() => onOpenArticle(r.articleId)}>
                Open this article to fix it
              </button>
            </details>
          ))}
          <form
            className="batch-summary__override"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason.trim()) return setMissing(true);
              onOverride(
                refused.map((r) => r.articleId),
                reason.trim(),
              );
            }}
          >
            <OverrideReason
              label={refused.length === 1 ? 'Reason to export it anyway' : `Reason to export these ${refused.length} anyway`}
              value={reason}
              missing={missing && !reason.trim()}
              onChange={(value) => {
                setReason(value);
                if (value.trim()) setMissing(false);
              }}
            />
            <div className="export-buttons export-buttons--inline">
              <button type="submit" className="export-anyway">
                {refused.length === 1 ? 'Export it anyway' : `Export these ${refused.length} anyway`}
              </button>
            </div>
          </form>
        </section>
      )}
      {failed.length > 0 && (
        <section aria-label="Failed" className="batch-summary__failed">
          <h4 className="batch-summary__head">Failed ({failed.length})</h4>
          <ul className="batch-summary__list">
            {failed.map((f) => (
              <li key={f.articleId}>
                {title(f.articleId)}: <span className="batch-summary__error">{f.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
