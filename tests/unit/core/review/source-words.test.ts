/**
 * A source's words are read by a faster reader than the article's (one string per distinct
 * word): both must give the same words at the same places, or a quote would match on one
 * side and not the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceWords } from '../../../../src/core/review/source-words';
import { tokenizeWords } from '../../../../src/document/claims/tokens';
import { CORPUS } from './fixture-corpus';

const TEXTS = [
  ...readdirSync(path.join(CORPUS, 'sources')).map((name) => readFileSync(path.join(CORPUS, 'sources', name), 'utf8')),
  'Don’t DON\'T l’École Zoë ZOË — 12,5 % 99 000 1’000 q3 3.2bn 0012 1234567890123 naïve … ... straße STRASSE İstanbul ǅemal 𝐁old',
  "rock 'n' roll, o'clock, the '90s, 25,000–90,000 and €1.5m; 10:30; COVID-19",
];

describe('source words', () => {
  it('are the words tokenizeWords gives, at the same offsets, in both number styles', () => {
    for (const style of ['dot', 'comma'] as const) {
      for (const text of TEXTS) {
        const expected = tokenizeWords(text, style);
        const words = readSourceWords(text, style);
        expect(words.norms).toEqual(expected.norms);
        expect(Array.from(words.starts)).toEqual(Array.from(expected.starts));
        expect(Array.from(words.ends)).toEqual(Array.from(expected.ends));
      }
    }
  });

  it('know where each word stands and how often', () => {
    const words = readSourceWords('The union said the union would strike. THE END', 'dot');
    expect(Array.from(words.positionsOf('the')!)).toEqual([0, 3, 7]);
    expect(words.countOf('union')).toBe(2);
    expect(words.positionsOf('ferry')).toBeUndefined();
    expect(words.countOf('ferry')).toBe(0);
  });
});

describe('a source index', () => {
  it('finds the same figures from its words as a search of the text does', async () => {
    const { buildSourceIndex } = await import('../../../../src/core/review/source-index');
    const { findFigures } = await import('../../../../src/document/claims/figures');
    const { figureKey } = await import('../../../../src/document/claims/figure-key');
    for (const text of TEXTS) {
      for (const style of ['dot', 'comma'] as const) {
        const index = buildSourceIndex(text, 'sha', style === 'dot' ? 'en' : 'de');
        const indexed = [...index.figuresByKey.values()].flat().filter((f) => !f.endpoint).sort((a, b) => a.start - b.start);
        expect(indexed.map((f) => [f.start, f.end, figureKey(f.figure)])).toEqual(findFigures(text, style).map((f) => [f.start, f.end, figureKey(f.figure)]));
      }
    }
  });
});

describe('the index cache', () => {
  it('keeps an index per snapshot text, rebuilds when the text differs from its sha-256, and drops the oldest', async () => {
    const { SourceIndexCache } = await import('../../../../src/core/review/source-index');
    const cache = new SourceIndexCache(2);
    const a = cache.get('First snapshot.');
    expect(cache.get('First snapshot.')).toBe(a);
    expect(cache.get('Changed snapshot.', a.sha256).text).toBe('Changed snapshot.');
    cache.get('Third snapshot.');
    expect(cache.get('First snapshot.')).not.toBe(a);
    const small = new SourceIndexCache(10, 20);
    const one = small.get('x'.repeat(15));
    small.get('y'.repeat(15));
    expect(small.get('x'.repeat(15))).not.toBe(one);
  });
});
