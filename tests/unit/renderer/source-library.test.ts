/**
 * The source library as the renderer keeps it: searched as you type, and kept current from
 * change events (by title), reloaded when only the host can tell.
 */
import { describe, expect, it } from 'vitest';
import type { SourceChange } from '../../../src/shared/contract';
import type { SourceSummary } from '../../../src/shared/source';
import { applySourceChanges } from '../../../src/renderer/src/sources/apply-source-changes';
import { searchSources, siteAndDate, snapshotSize } from '../../../src/renderer/src/sources/source-search';

function source(id: string, title: string, more: Partial<SourceSummary> = {}): SourceSummary {
  return { id, slug: id, title, type: 'webpage', authors: '', issued: '', container: '', url: '', origin: 'pasted', snapshotChars: 10, sha256: '', addedAt: '2026-11-10T10:00:00.000Z', ...more };
}

const LIBRARY = [
  source('aldeia-nova-interview', 'Interview with Helena Brito', { authors: 'Quintela, M.', container: 'Serra do Lume Post' }),
  source('maasgate-talks', 'Maasgate strike talks end without deal', { container: 'Northsea Wire', issued: '2026-11-10', authors: 'Dijkhuis, J.' }),
  source('port-authority-figures', 'Port figures, third quarter', { container: 'Port of Maasgate', url: 'https://example.com/maasgate/q3' }),
  source('strike-explainer', 'What the Maasgate strike is about', { container: 'Harbour Ledger' }),
];

const change = (kind: SourceChange['kind'], summary: SourceSummary | null, id = summary?.id ?? null): SourceChange => ({
  kind,
  id,
  slug: id ?? 'x',
  origin: 'external',
  revision: null,
  summary,
});

describe('source library', () => {
  it('finds sources by title, site, author or id, every word typed, titles starting with it first', () => {
    expect(searchSources(LIBRARY, 'maasgate').map((s) => s.id)).toEqual(['maasgate-talks', 'strike-explainer', 'port-authority-figures']);
    expect(searchSources(LIBRARY, 'northsea wire').map((s) => s.id)).toEqual(['maasgate-talks']);
    expect(searchSources(LIBRARY, 'quintela').map((s) => s.id)).toEqual(['aldeia-nova-interview']);
    expect(searchSources(LIBRARY, 'aldeia-nova').map((s) => s.id)).toEqual(['aldeia-nova-interview']);
    expect(searchSources(LIBRARY, 'HÉLENA brito').map((s) => s.id)).toEqual(['aldeia-nova-interview']);
    expect(searchSources(LIBRARY, '  ')).toHaveLength(4);
    expect(searchSources(LIBRARY, 'maasgate ballot')).toEqual([]);
  });

  it('names a source’s site and date, and its snapshot’s size', () => {
    expect(siteAndDate(LIBRARY[1]!)).toBe('Northsea Wire · 2026-11-10');
    expect(siteAndDate(source('x', 'X'))).toBe('');
    expect(snapshotSize(12_340)).toBe('12,340 characters');
    expect(snapshotSize(0)).toBe('');
  });

  it('follows added, changed and removed sources, by title', () => {
    const list = { sources: LIBRARY.slice(0, 2), damaged: [{ slug: 'broken', file: 'sources/broken.json', reason: 'not JSON' }] };
    const next = applySourceChanges(list, [
      change('added', source('zz', 'A new source')),
      change('changed', { ...LIBRARY[1]!, title: 'Bakels letter to staff' }),
      change('removed', null, 'aldeia-nova-interview'),
      change('changed', source('broken', 'Broken no more')),
    ]);
    expect(next?.sources.map((s) => s.title)).toEqual(['A new source', 'Bakels letter to staff', 'Broken no more']);
    expect(next?.damaged).toEqual([]);
  });

  it('asks for a reload when a file became unreadable, or a change comes without its summary', () => {
    const list = { sources: LIBRARY, damaged: [] };
    expect(applySourceChanges(list, [change('damaged', null, null)])).toBeNull();
    expect(applySourceChanges(list, [change('changed', null, 'maasgate-talks')])).toBeNull();
  });
});
