/**
 * Keeps the source library current from `sources.changed` events alone, by title as the
 * host lists it. Returns null when only a full reload can tell (a file became damaged: the
 * reason comes only with the list).
 */
import type { DamagedFile } from '../../../shared/article';
import type { SourceChange } from '../../../shared/contract';
import type { SourceSummary } from '../../../shared/source';

export interface SourceLibraryList {
  sources: SourceSummary[];
  damaged: DamagedFile[];
}

const byTitle = (a: SourceSummary, b: SourceSummary) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

export function applySourceChanges(library: SourceLibraryList, changes: readonly SourceChange[]): SourceLibraryList | null {
  let sources = library.sources;
  let damaged = library.damaged;
  for (const change of changes) {
    if (change.kind === 'damaged') return null;
    if (change.kind === 'removed') {
      sources = sources.filter((s) => (change.id ? s.id !== change.id : s.slug !== change.slug));
      damaged = damaged.filter((d) => d.slug !== change.slug);
      continue;
    }
    const summary = change.summary;
    if (!summary) return null;
    damaged = damaged.filter((d) => d.slug !== change.slug);
    sources = [...sources.filter((s) => s.id !== summary.id), summary].sort(byTitle);
  }
  return { sources, damaged };
}
