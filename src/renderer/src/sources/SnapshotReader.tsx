/**
 * A source's snapshot in a sheet beside the article: what it is, where and when it was
 * captured, and its text with find. Escape (or a click beside it) closes it.
 */
import { Dialog } from '../shell/Dialog';
import { SnapshotFacts } from './SnapshotFacts';
import { SnapshotView } from './SnapshotView';
import { useSource, useSourceLibrary } from './SourceLibraryProvider';
import { siteAndDate } from './source-search';
import { typeLabel } from './source-fields';

interface SnapshotReaderProps {
  id: string;
  /** Looked for at once (the attributed words). */
  query?: string;
  onClose: () => void;
}

export function SnapshotReader({ id, query = '', onClose }: SnapshotReaderProps) {
  const { byId } = useSourceLibrary();
  const summary = byId.get(id);
  const { source, error } = useSource(id);
  const title = summary?.title || source?.csl.title || id;
  return (
    <Dialog
      variant="sheet"
      closeOnBackdrop
      title={title}
      label={`Snapshot of ${title}`}
      subtitle={summary ? [typeLabel(summary.type), siteAndDate(summary)].filter(Boolean).join(' · ') : undefined}
      onClose={onClose}
      className="snapshot-reader"
    >
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      {!source && !error && <p className="muted">Opening the snapshot…</p>}
      {source && <SnapshotFacts source={source} />}
      {source?.snapshot && <SnapshotView text={source.snapshot.text} initialQuery={query} autoFocusFind onEscape={onClose} />}
    </Dialog>
  );
}
