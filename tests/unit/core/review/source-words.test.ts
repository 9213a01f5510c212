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
  // As many words as a text can hold: two characters each.
  '3a4b5c6d7e8f9g0h1i2j3',
  'a.b.c.d.e.f.g.h.i.j.k',
  'x',
  '',
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

describe('word ids', () => {
  it('give every word of a text an id shared by the words that fold the same, with positions by id', async () => {
    const { wordHash } = await import('../../../../src/core/review/source-words');
    for (const text of TEXTS) {
      const words = readSourceWords(text, 'dot');
      const seen = new Map<string, number[]>();
      words.norms.forEach((norm, k) => seen.set(norm, [...(seen.get(norm) ?? []), k]));
      expect(new Set(words.vocabulary.words).size).toBe(words.vocabulary.words.length);
      for (const [norm, positions] of seen) {
        const id = words.idOf(norm);
        expect(words.vocabulary.words[id]).toBe(norm);
        expect(words.idOf(norm, wordHash(norm))).toBe(id);
        expect(Array.from(words.positionsOfId(id))).toEqual(positions);
        expect(words.countOfId(id)).toBe(positions.length);
        for (const k of positions) expect(words.ids[k]).toBe(id);
      }
    }
    const words = readSourceWords('Zoë and ZOE; zoe’s', 'dot');
    expect(words.ids[0]).toBe(words.ids[2]);
    expect(words.idOf('ferry')).toBe(-1);
  });
});

describe('a source index', () => {
  it('finds the same figures from its words as a search of the text does', async () => {
    const { buildSourceIndex } = await import('../../../../src/core/review/source-index');
    const { findFigures } = await import('../../../../src/document/claims/figures');
    const { figureKey } = await import('../../../../src/document/claims/figure-key');
    for (const text of TEXTS) {
      for (const style of ['dot', 'comma'] as const) {
        const index = buildSourceIndex(text, style === 'dot' ? 'en' : 'de');
        const indexed = [...index.figuresByKey.values()].flat().filter((f) => !f.endpoint).sort((a, b) => a.start - b.start);
        expect(indexed.map((f) => [f.start, f.end, figureKey(f.figure)])).toEqual(findFigures(text, style).map((f) => [f.start, f.end, figureKey(f.figure)]));
      }
    }
  });
});

describe('speaker labels', () => {
  // What a label is, as one multiline pattern: the index finds the same ones without trying it at every character.
  const LABEL = /^[ \t]*((?:[A-Za-z.'’-]+[ \t]+){0,3}?[A-Z]{2,}(?:[ \t'’-]+[A-Z]{2,})*)[ \t]*:/gm;
  const TRANSCRIPTS = [
    ...TEXTS,
    'Alderman DEKKER: We will vote.\nHB: Not today.\n\nCouncillor Sana Haddad spoke.\nSH : Agreed: fully: yes.',
    'MS. SMITH:\r\nTHE CHAIR: Order.\rMR JONES: Yes.\u2028Dr. van der BERG: No.\u2029Q: Why? A: Because.',
    `${'note: '.repeat(2000)}\nCLERK: Done.`,
    'Not a label: THE CHAIR said so. \t  BOTH SIDES : agreed',
    ':::\n:\nAB:',
  ];

  it('are found at the start of the lines the multiline pattern finds', async () => {
    const { buildSourceIndex } = await import('../../../../src/core/review/source-index');
    for (const text of TRANSCRIPTS) {
      const expected = [...text.matchAll(LABEL)].map((m) => m.index);
      expect(buildSourceIndex(text, 'en').turns.map((t) => t.start)).toEqual(expected);
    }
    const turns = buildSourceIndex(TRANSCRIPTS[TEXTS.length]!, 'en').turns;
    expect(turns.map((t) => t.words)).toEqual([['alderman', 'dekker'], ['hb'], ['sh', 'sana', 'haddad']]);
  });
});

describe('the index cache', () => {
  it('keeps an index per snapshot text and language, builds another when the text is revised, and drops the oldest', async () => {
    const { SourceIndexCache } = await import('../../../../src/core/review/source-index');
    const cache = new SourceIndexCache(2);
    const a = cache.get('First snapshot: 1,240 workers.');
    // The same text in another string is the same snapshot.
    expect(cache.get(['First snapshot:', '1,240 workers.'].join(' '))).toBe(a);
    const revised = cache.get('First snapshot: 1,420 workers.');
    expect(revised).not.toBe(a);
    expect(revised.figuresByKey.has('count:1420')).toBe(true);
    expect(cache.get('First snapshot: 1,240 workers.')).toBe(a);
    const german = cache.get('First snapshot: 1,240 workers.', 'de');
    expect(german).not.toBe(a);
    expect(german.figuresByKey.has('count:1.24')).toBe(true);
    // Two kept: the revision, least recently used, was dropped.
    expect(cache.get('First snapshot: 1,240 workers.')).toBe(a);
    expect(cache.get('First snapshot: 1,420 workers.')).not.toBe(revised);
    const small = new SourceIndexCache(10, 20);
    const one = small.get('x'.repeat(15));
    small.get('y'.repeat(15));
    expect(small.get('x'.repeat(15))).not.toBe(one);
  });
});
