import { describe, expect, it } from 'vitest';
import type { ArticleListItem } from '../../../src/shared/article';
import type { LibraryChange } from '../../../src/shared/contract';
import { applyLibraryChanges, type Library } from '../../../src/renderer/src/library/apply-changes';

const summary = (id: string, headline: string, updatedAt: string): ArticleListItem => ({
  id,
  slug: headline.toLowerCase().replace(/ /g, '-'),
  headline,
  kicker: '',
  section: '',
  status: 'draft',
  tags: [],
  sourceIds: [],
  bylines: [],
  language: 'en',
  related: [],
  openClaims: null,
  words: 0,
  updatedAt,
});
const change = (kind: LibraryChange['kind'], s: ArticleListItem | null, slug = s?.slug ?? 'x'): LibraryChange => ({
  kind,
  id: s?.id ?? null,
  slug,
  origin: 'app',
  revision: null,
  summary: kind === 'added' || kind === 'changed' ? s : null,
});

const a = summary('a', 'Alpha', '2026-11-01T00:00:00.000Z');
const b = summary('b', 'Beta', '2026-11-02T00:00:00.000Z');
const library: Library = { articles: [b, a], damaged: [{ slug: 'broken', file: 'articles/broken.json', reason: 'empty' }] };

describe('applying change events to the library list', () => {
  it('updates an article where it stands, so the list does not reshuffle while someone writes', () => {
    const edited = { ...a, headline: 'Alpha, edited', updatedAt: '2026-11-03T00:00:00.000Z' };
    expect(applyLibraryChanges(library, [change('changed', edited)])?.articles).toEqual([b, edited]);
  });

  it('adds and removes articles', () => {
    const c = summary('c', 'Gamma', '2026-11-04T00:00:00.000Z');
    expect(applyLibraryChanges(library, [change('added', c), change('removed', b)])?.articles).toEqual([c, a]);
  });

  it('takes a file off the damaged list when it reads again, or is removed', () => {
    const fixed = { ...summary('d', 'Broken no more', '2026-11-05T00:00:00.000Z'), slug: 'broken' };
    expect(applyLibraryChanges(library, [change('added', fixed)])?.damaged).toEqual([]);
    expect(applyLibraryChanges(library, [{ ...change('removed', null, 'broken') }])?.damaged).toEqual([]);
  });

  it('asks for a full reload when a change cannot be applied from the event alone', () => {
    expect(applyLibraryChanges(library, [change('damaged', a)])).toBeNull();
    expect(applyLibraryChanges(library, [{ ...change('changed', a), summary: null }])).toBeNull();
  });
});
