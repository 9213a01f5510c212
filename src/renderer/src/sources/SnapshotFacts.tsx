/**
 * Where a snapshot came from and when, how long it is, and the source's address; or, for a
 * source without one, that nothing can be checked against it.
 */
import type { Snapshot, Source } from '../../../shared/source';
import { isSafeLinkUrl } from '../../../shared/safe-url';
import { snapshotSize } from './source-search';
import './SnapshotFacts.css';

function capturedWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "Captured from the web", "Pasted", "From briefing.docx". */
export function originLabel(snapshot: Snapshot): string {
  switch (snapshot.origin) {
    case 'pasted':
      return 'Pasted text';
    case 'web':
      return 'Saved web page';
    case 'document':
      return snapshot.fileName ? `From ${snapshot.fileName}` : 'From a document';
    case 'url':
      return 'Captured from the web';
    case 'import':
      return 'Imported';
  }
}

export function SnapshotFacts({ source }: { source: Source }) {
  const { snapshot } = source;
  const url = source.csl.URL ?? '';
  return (
    <div className="snapshot-facts">
      {snapshot ? (
        <p>
          {originLabel(snapshot)}
          {capturedWhen(snapshot.capturedAt) && <> · {capturedWhen(snapshot.capturedAt)}</>} · {snapshotSize(snapshot.text.length) || 'empty'}
        </p>
      ) : (
        <p className="snapshot-facts__missing" role="note">
          No snapshot: nothing was captured of this source, so no words in an article can be checked against it.
        </p>
      )}
      {url && (
        <p className="snapshot-facts__url">
          {isSafeLinkUrl(url) ? (
            <a href={url} target="_blank" rel="noreferrer noopener">
              {url}
            </a>
          ) : (
            url
          )}
        </p>
      )}
    </div>
  );
}
