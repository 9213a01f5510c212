/**
 * What became of one article's export: where the bundle was written, or the gate's
 * refusal with its problems, or the failure as the host said it.
 */
import { CopyPath } from './CopyPath';
import { ProblemGroups } from './GateVerdict';
import type { ExportRun } from './use-export-run';

export function ArticleExportSummary({ run, headline }: { run: Extract<ExportRun, { phase: 'done' | 'error' }>; headline: string }) {
  if (run.phase === 'error') {
    return (
      <div className="export-outcome export-outcome--failed" role="alert">
        <h3 className="export-outcome__title">Export failed</h3>
        <p>{run.message}</p>
      </div>
    );
  }
  const { result, override } = run;
  const exported = result.exported[0];
  const refused = result.refused[0];
  const failed = result.failed[0];
  if (exported) {
    return (
      <div className="export-outcome export-outcome--exported" role="status" data-testid="export-outcome">
        <h3 className="export-outcome__title">
          <span aria-hidden="true">✓ </span>Exported
        </h3>
        <p>The bundle of “{headline}” is in this folder; its manifest.json lists every file with a checksum.</p>
        <CopyPath label="Folder" path={exported.folder} />
        {exported.zipFile && <CopyPath label="Zip" path={exported.zipFile} />}
        {override && (
          <p className="export-outcome__override">
            Exported past the gate. The manifest keeps your reason: “{override}”
          </p>
        )}
      </div>
    );
  }
  if (refused) {
    return (
      <div className="export-outcome export-outcome--refused" role="alert" data-testid="export-outcome">
        <h3 className="export-outcome__title">Not exported: the gate stopped it</h3>
        <p>Nothing was written. The gate found:</p>
        <ProblemGroups problems={refused.problems} />
      </div>
    );
  }
  return (
    <div className="export-outcome export-outcome--failed" role="alert" data-testid="export-outcome">
      <h3 className="export-outcome__title">Export failed</h3>
      <p>Nothing was written. {failed?.message ?? 'The host reported no bundle for this article.'}</p>
    </div>
  );
}
