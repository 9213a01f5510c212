/**
 * Keeps the library list current from change events alone, so a save does not make the
 * app fetch every summary again. Returns null when only a full reload can tell.
 */
import type { ArticleSummary, DamagedFile } from '../../../shared/article';
import type { LibraryChange } from '../../../shared/contract';

export interface Library {
  articles: ArticleSummary[];
  damaged: DamagedFile[];
}

const newestFirst = (a: ArticleSummary, b: ArticleSummary) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

export function applyLibraryChanges(library: Library, changes: readonly LibraryChange[]): Library | null {
  const byId = new Map(library.articles.map((a) => [a.id, a]));
  let damaged = library.damaged;
  for (const change of changes) {
    if (change.kind === 'damaged') return null; // the reason comes only with the list
    if (change.kind === 'removed') {
      if (change.id) byId.delete(change.id);
      damaged = damaged.filter((d) => d.slug !== change.slug);
      continue;
    }
    if (!change.summary) return null;
    // A file that reads again leaves the damaged list; the article may have a new name.
    damaged = damaged.filter((d) => d.slug !== change.slug);
    byId.set(change.summary.id, change.summary);
  }
  return { articles: [...byId.values()].sort(newestFirst), damaged };
}
