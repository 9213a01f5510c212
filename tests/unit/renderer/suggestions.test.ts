import { expect, it } from 'vitest';
import type { ArticleListItem } from '../../../src/shared/article';
import { suggestionsFrom } from '../../../src/renderer/src/library/suggestions';

const article = (kicker: string, section: string): ArticleListItem => ({
  id: `${kicker}-${section}`,
  slug: 's',
  headline: 'h',
  kicker,
  section,
  status: 'draft',
  tags: [],
  sourceIds: [],
  bylines: [],
  language: 'en',
  related: [],
  openClaims: null,
  words: 0,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

it('offers the kickers and sections in use, most used first, without blanks', () => {
  const found = suggestionsFrom([article('Analysis', 'Economy'), article('Analysis', 'Politics'), article('AI Analysis', 'Economy'), article('', '')]);
  expect(found).toEqual({ kickers: ['Analysis', 'AI Analysis'], sections: ['Economy', 'Politics'], tags: [] });
});

it('offers the workspace’s tags with how many articles carry each, most used first', () => {
  const tagged = (tags: string[]) => ({ ...article('Analysis', 'Economy'), tags });
  const found = suggestionsFrom([tagged(['energy', 'housing']), tagged(['energy']), tagged(['energy', 'energy', 'ports'])]);
  expect(found.tags).toEqual([
    { name: 'energy', count: 3 },
    { name: 'housing', count: 1 },
    { name: 'ports', count: 1 },
  ]);
});
