/**
 * Keeps the library list current from change events alone, so a save does not make the
 * app fetch every summary again. Returns null when only a full reload can tell.
 *
 * An article that changes keeps its index in this array and a new one goes to the top;
 * the order shown is the view's (`updateOrder` in library-view.ts). A full reload (from
 * the host) comes newest first.
 */
import type { ArticleListItem, DamagedFile } from '../../../shared/article';
import type { LibraryChange } from '../../../shared/contract';

export interface Library {
  articles: ArticleListItem[];
  damaged: DamagedFile[];
}

export function applyLibraryChanges(library: Library, changes: readonly LibraryChange[]): Library | null {
  let articles = library.articles;
  let damaged = library.damaged;
  for (const change of changes) {
    if (change.kind === 'damaged') return null; // the reason comes only with the list
    if (change.kind === 'removed') {
      if (change.id) articles = articles.filter((a) => a.id !== change.id);
      damaged = damaged.filter((d) => d.slug !== change.slug);
      continue;
    }
    const summary = change.summary;
    if (!summary) return null;
    // A file that reads again leaves the damaged list; the article may have a new name.
    damaged = damaged.filter((d) => d.slug !== change.slug);
    articles = articles.some((a) => a.id === summary.id)
      ? articles.map((a) => (a.id === summary.id ? summary : a))
      : [summary, ...articles];
  }
  return { articles, damaged };
}
