/** What a damaged file is and what to do about it. */
import type { DamagedFile } from '../../../shared/article';

export function DamagedFilePane({ file, workspacePath }: { file: DamagedFile; workspacePath: string }) {
  return (
    <div className="pane-message" role="alert">
      <h2>{file.file} cannot be read</h2>
      <p>
        Copydesk could not read this file: <strong>{file.reason}</strong>.
      </p>
      <p>
        It has been left exactly as it is; Copydesk will not overwrite or delete it. Open it in a text editor from{' '}
        <code>{workspacePath}</code> to repair it, or restore it from a backup. The library picks it up as soon as it reads
        again.
      </p>
    </div>
  );
}
