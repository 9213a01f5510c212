/** The batch dialog's list: what it shows, what it picks at first, what its progress says. */
import { describe, expect, it } from 'vitest';
import type { ArticleListItem } from '../../../src/shared/article';
import {
  countByStatus,
  exportButtonLabel,
  outcomeLine,
  preselected,
  progressLabel,
  selectedInOrder,
  shownArticles,
} from '../../../src/renderer/src/export/batch-selection';
import { sourcesLine } from '../../../src/renderer/src/export/import-summary';

const article = (id: string, headline: string, status: ArticleListItem['status']): ArticleListItem => ({
  id,
  slug: headline.toLowerCase().replace(/\W+/g, '-'),
  headline,
  kicker: 'Analysis',
  section: '',
  status,
  tags: [],
  sourceIds: [],
  bylines: [],
  language: 'en',
  related: [],
  openClaims: null,
  words: 600,
  updatedAt: '2026-11-10T09:00:00Z',
});

const LIBRARY = [
  article('a', 'Rotterdam terminal strike talks', 'in-review'),
  article('b', 'Lindemeer heating subsidy', 'approved'),
  article('c', 'Serra do Lume’s village schools', 'draft'),
  article('d', 'Lindemeer drone plant deal', 'approved'),
];

describe('the batch list', () => {
  it('picks the approved articles at first', () => {
    expect([...preselected(LIBRARY)].sort()).toEqual(['b', 'd']);
    expect(preselected([LIBRARY[0]!]).size).toBe(0);
  });

  it('counts articles by status', () => {
    expect(countByStatus(LIBRARY)).toEqual({ all: 4, approved: 2, 'in-review': 1, draft: 1 });
  });

  it('shows by status and by every word of the headline, in any case', () => {
    expect(shownArticles(LIBRARY, 'approved', '').map((a) => a.id)).toEqual(['b', 'd']);
    expect(shownArticles(LIBRARY, 'all', 'lindemeer DRONE').map((a) => a.id)).toEqual(['d']);
    expect(shownArticles(LIBRARY, 'draft', 'lindemeer')).toEqual([]);
  });

  it('exports in the library’s order, whatever the order of picking', () => {
    expect(selectedInOrder(LIBRARY, new Set(['d', 'a']))).toEqual(['a', 'd']);
  });

  it('says which article is being exported, and what the button does', () => {
    const headlineOf = (id: string) => LIBRARY.find((a) => a.id === id)?.headline ?? '';
    expect(progressLabel(0, ['b', 'd'], headlineOf)).toBe('Exporting 1 of 2: “Lindemeer heating subsidy”');
    expect(progressLabel(1, ['b', 'd'], headlineOf)).toBe('Exporting 2 of 2: “Lindemeer drone plant deal”');
    expect(progressLabel(0, ['x'], () => '')).toBe('Exporting 1 of 1: “Untitled”');
    expect(progressLabel(2, ['b', 'd'], headlineOf)).toMatch(/^Exported 2 of 2/);
    expect(exportButtonLabel(0)).toBe('Export');
    expect(exportButtonLabel(1)).toBe('Export 1 article');
    expect(exportButtonLabel(3)).toBe('Export 3 articles');
    expect(outcomeLine(1, 2, 0)).toBe('1 exported · 2 refused · 0 failed');
  });
});

describe('sourcesLine', () => {
  const source = (reused: boolean) => ({ bundleId: 's', id: 's', reused });
  it('says how many sources were reused and how many added', () => {
    expect(sourcesLine([])).toBe('The bundle has no sources.');
    expect(sourcesLine([source(true)])).toBe('1 source reused from the library.');
    expect(sourcesLine([source(false), source(false)])).toBe('2 sources added to the library.');
    expect(sourcesLine([source(true), source(false), source(true)])).toBe('2 sources reused from the library, 1 added to the library.');
  });
});
