/**
 * The index's ranking of a query's words (ranked-match.ts) on real indexes of generated
 * articles: the same hits, scores, order, matched terms and fields as MiniSearch's own
 * search of the same query, and a short prefix standing for its commonest words only.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFIX_TERMS } from '../../../../src/core/search/ranked-match';
import type { SearchDocument } from '../../../../src/core/search/search-document';
import { ArticleSearchIndex } from '../../../../src/core/search/search-index';

const from = { revision: 'r', mtimeMs: 0, size: 0 };

function document(id: string, fields: Partial<SearchDocument>): SearchDocument {
  return { id, headline: '', dek: '', body: '', tags: '', bylines: '', sources: '', ...fields };
}

/** An index of `count` articles whose words are drawn from `vocabulary`, the first words far more often. */
function generatedIndex(vocabulary: string[], count: number, seed: number): ArticleSearchIndex {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const index = ArticleSearchIndex.empty();
  for (let i = 0; i < count; i++) {
    index.put(document(`a${i}`, { headline: words(6), dek: words(12), body: `${words(40)}. ${words(60)}`, tags: `${word()}\n${word()}`, bylines: 'Ana Lima' }), from);
  }
  return index;
}

const VOCABULARY = [
  ...'council pilots harbour energy grid delays copper substation school pupils teacher heating prices union shifts'.split(' '),
  ...'counsel count country county coupon courage course court cousin councillor coun state-run'.split(' '),
  ...'pilot pilgrim pillar harbours harbourmaster energetic gridlock delay delayed copperfield'.split(' '),
];

/** What the tests compare of a hit: everything, with terms and fields as sets. */
const comparable = (hit: { id: string; score: number; terms: string[]; fields: string[] }) => ({ ...hit, terms: [...hit.terms].sort(), fields: [...hit.fields].sort() });

describe('ranked matches', () => {
  it('rank as MiniSearch ranks the same query: hits, order, scores, matched terms and fields', () => {
    const index = generatedIndex(VOCABULARY, 300, 7);
    // Words, prefixes, typos, several words, phrase words, and a filter, as a query brings them.
    const word = fc.constantFrom(...VOCABULARY);
    const typed = fc.oneof(
      word,
      word.map((w) => w.slice(0, 3)),
      word.map((w) => w.slice(0, 4)),
      word.map((w) => `${w.slice(0, 2)}${w.slice(3)}`),
      word.map((w) => `${w}x`),
    );
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 3 }), fc.array(word, { maxLength: 3 }), fc.integer({ min: 0, max: 3 }), (words, phraseWords, skip) => {
        const accept = (id: string) => skip === 0 || !id.endsWith(String(skip));
        const ranked = index.match(words, phraseWords, accept);
        const expected = index.engineMatch(words, phraseWords, accept);
        expect(ranked.hits(ranked.length).map(comparable)).toEqual(expected.map(comparable));
        // A first page alone, picked out of the rest rather than sorted, then the page after it.
        const paged = index.match(words, phraseWords, accept);
        expect(paged.hits(3).map(comparable)).toEqual(expected.slice(0, 3).map(comparable));
        expect([20, 21, 22].filter((rank) => rank < paged.length).map((rank) => paged.id(rank))).toEqual(expected.slice(20, 23).map((h) => h.id));
      }),
      { numRuns: 300 },
    );
  });

  it('keep ranking as MiniSearch does after articles are replaced and removed (postings not yet swept)', () => {
    const index = generatedIndex(VOCABULARY, 120, 3);
    for (let i = 0; i < 40; i++) index.put(document(`a${i}`, { headline: 'council delays', body: 'the council of the harbour' }), from);
    for (let i = 40; i < 60; i++) index.remove(`a${i}`);
    for (const words of [['council'], ['coun'], ['harbour', 'delays'], ['pilots']]) {
      const ranked = index.match(words, [], () => true);
      expect(ranked.hits(ranked.length).map(comparable)).toEqual(index.engineMatch(words, [], () => true).map(comparable));
    }
  });

  it('let a short prefix stand for its commonest words: all their articles found, a rare word reached by typing on', () => {
    const index = ArticleSearchIndex.empty();
    // "contract" in 30 articles; 80 rare words starting "con", one article each.
    for (let i = 0; i < 30; i++) index.put(document(`contract${i}`, { headline: 'The contract is signed', body: `Contract ${i}.` }), from);
    const rare = Array.from({ length: 80 }, (_, i) => `con${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ament`);
    rare.forEach((word, i) => index.put(document(`rare${i}`, { body: `A ${word} here.` }), from));
    expect(rare.length).toBeGreaterThan(PREFIX_TERMS);

    const short = index.match(['con'], [], () => true);
    const found = short.hits(short.length);
    expect(found.filter((h) => h.id.startsWith('contract'))).toHaveLength(30);
    expect(found.find((h) => h.id === 'contract0')?.terms).toEqual(['contract']);
    // Every article is found by MiniSearch's whole expansion; the short prefix reaches fewer.
    expect(index.engineMatch(['con'], [], () => true)).toHaveLength(110);
    expect(short.length).toBe(30 + PREFIX_TERMS - 1);

    // A rare word left out is found by its next letters, and typed whole.
    const reached = new Set(found.map((h) => h.id));
    const left = rare.findIndex((_, i) => !reached.has(`rare${i}`));
    expect(left).toBeGreaterThanOrEqual(0);
    expect(index.match([rare[left]!.slice(0, 5)], [], () => true).hits(5).map((h) => h.id)).toContain(`rare${left}`);
    expect(index.match([rare[left]!], [], () => true).hit(0).id).toBe(`rare${left}`);
    // A short word typed whole counts even among thousands starting it.
    index.put(document('con', { body: 'The con was plain.' }), from);
    expect(index.match(['con'], [], () => true).hit(0).id).toBe('con');
  });

  it('count every match though only the hits asked for are made', () => {
    const index = generatedIndex(VOCABULARY, 200, 11);
    const ranked = index.match(['council'], [], () => true);
    const all = index.engineMatch(['council'], [], () => true);
    expect(ranked.length).toBe(all.length);
    expect(ranked.hits(5).map((h) => h.id)).toEqual(all.slice(0, 5).map((h) => h.id));
  });
});
