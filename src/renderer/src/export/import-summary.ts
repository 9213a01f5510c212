/** What an imported bundle did with its sources, in a line. */
import type { ApiResponse } from '../../../shared/contract';
import { formatCount } from '../format';

type ImportedSources = ApiResponse<'export.importBundle'>['sources'];

/** "1 source reused from the library, 2 added" */
export function sourcesLine(sources: ImportedSources): string {
  if (!sources.length) return 'The bundle has no sources.';
  const reused = sources.filter((s) => s.reused).length;
  const added = sources.length - reused;
  const parts = [
    reused ? `${formatCount(reused, 'source', 'sources')} reused from the library` : '',
    added ? `${reused ? added : formatCount(added, 'source', 'sources')} added to the library` : '',
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}
