/**
 * One source of the library: its fields (editable, saved on top of the revision the edit
 * began from), the articles that cite it (a click opens one), its snapshot with find, and
 * Delete (DeleteSource).
 */
import type { ArticleListItem } from '../../../shared/article';
import { relativeTime } from '../format';
import { DeleteSource } from './DeleteSource';
import { SnapshotFacts } from './SnapshotFacts';
import { SnapshotView } from './SnapshotView';
import { SourceEditor } from './SourceEditor';
import { useSource, useSourceLibrary } from './SourceLibraryProvider';
import { typeLabel } from './source-fields';

/** What a deletion did, for the library to say. */
export interface DeletedReport {
  title: string;
  detachedFrom: Array<{ id: string; headline: string }>;
}

interface SourceDetailProps {
  id: string;
  /** The articles whose summaries name this source. */
  citing: readonly ArticleListItem[];
  onOpenArticle: (id: string) => void;
  onDeleted: (report: DeletedReport) => void;
}

export function SourceDetail({ id, citing, onOpenArticle, onDeleted }: SourceDetailProps) {
  const { byId } = useSourceLibrary();
  const summary = byId.get(id);
  const { source, error } = useSource(id);
  const title = summary?.title || source?.csl.title || id;

  if (error && !source) {
    return (
      <div className="pane-message" role="alert">
        <h2>This source cannot be opened</h2>
        <p>{error}</p>
      </div>
    );
  }
  if (!source) return <div className="pane-message pane-message--quiet">Opening…</div>;

  return (
    <article className="source-detail">
      <header className="source-detail__head">
        <p className="source-detail__kicker">{typeLabel(source.csl.type)}</p>
        <h2>{title}</h2>
        <p className="muted">
          Added {relativeTime(source.addedAt)} · <code>sources/{source.slug}.json</code>
        </p>
      </header>

      <section className="source-detail__section" aria-labelledby={`${id}-fields`}>
        <h3 id={`${id}-fields`}>Fields</h3>
        <SourceEditor source={source} />
      </section>

      <section className="source-detail__section" aria-labelledby={`${id}-citing`}>
        <h3 id={`${id}-citing`}>Cited by</h3>
        {citing.length === 0 ? (
          <p className="muted">No article cites this source.</p>
        ) : (
          <ul className="source-detail__articles">
            {citing.map((article) => (
              <li key={article.id}>
                <button type="button" className="link-button" onClick={() => onOpenArticle(article.id)}>
                  {article.headline || 'Untitled'}
                </button>
                <span className="muted">articles/{article.slug}.json</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="source-detail__section source-detail__snapshot" aria-labelledby={`${id}-snapshot`}>
        <h3 id={`${id}-snapshot`}>Snapshot</h3>
        <SnapshotFacts source={source} />
        {source.snapshot && <SnapshotView text={source.snapshot.text} />}
      </section>

      <section className="source-detail__section" aria-labelledby={`${id}-delete`}>
        <h3 id={`${id}-delete`}>Delete</h3>
        <DeleteSource id={id} title={title} citing={citing} onOpenArticle={onOpenArticle} onDeleted={onDeleted} />
      </section>
    </article>
  );
}
