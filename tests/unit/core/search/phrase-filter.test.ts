/**
 * The pairs-of-words filter of phrases (phrase-filter.ts): never rules out an article
 * that holds the phrase as its pattern finds it, and rules out most that do not.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHold, pairFilterOf, phraseKeyOf } from '../../../../src/core/search/phrase-filter';
import type { SearchDocument } from '../../../../src/core/search/search-document';
import { ArticleSearchIndex } from '../../../../src/core/search/search-index';
import { phrasePattern } from '../../../../src/core/search/snippet';

function document(id: string, fields: Partial<SearchDocument>): SearchDocument {
  return { id, headline: '', dek: '', body: '', tags: '', bylines: '', sources: '', ...fields };
}

const WORDS = ['said', 'over', 'Over', 'ÉTÉ', 'été', 'café', 'Cafe', 'straße', 'ΣΟΦΟΣ', 'σοφος', 'x1', '42', 'naïve', 'co-op'];
const SEPARATORS = [' ', ', ', '\n', ' — ', '. ', '\n\n', ' (', '" '];

describe('phrase filter', () => {
  it('lets through every article whose text holds the phrase as written, whatever its case', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, text, fc.constantFrom<keyof SearchDocument>('headline', 'body', 'tags'), fc.nat(), fc.integer({ min: 1, max: 4 }), fc.boolean(), (body, other, field, at, length, upper) => {
        const doc = document('a', { [field]: body, dek: other });
        const words = body.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
        const start = at % words.length;
        const phrase = words.slice(start, start + length).join(' ');
        const asked = upper ? phrase.toUpperCase() : phrase.toLowerCase();
        const pattern = phrasePattern(asked);
        const found = pattern !== null && [doc.headline, doc.dek, doc.body, doc.tags].some((t) => new RegExp(pattern).test(t));
        if (found) expect(mayHold(pairFilterOf(doc), phraseKeyOf(asked))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rules out most articles that hold both words but not next to each other', () => {
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x`);
    let passed = 0;
    const tries = 200;
    for (let n = 0; n < tries; n++) {
      // 800 words in a shuffled order with "said" and "over" never side by side.
      const words = Array.from({ length: 800 }, (_, i) => vocabulary[(i * 7 + n * 13) % vocabulary.length]!);
      words.splice(100 + n, 0, 'said');
      words.splice(500, 0, 'over');
      if (mayHold(pairFilterOf(document(`a${n}`, { body: words.join(' ') })), phraseKeyOf('said over'))) passed++;
    }
    expect(passed / tries).toBeLessThan(0.1);
  });

  it('is asked by the index for the articles it keeps, and says maybe for the others', () => {
    const index = ArticleSearchIndex.empty();
    const from = { revision: 'r', mtimeMs: 0, size: 0 };
    index.put(document('next', { body: 'The mayor said over and over.' }), from);
    index.put(document('apart', { body: 'Over the river, she said nothing.' }), from);
    const phrase = [phraseKeyOf('said over')];
    expect(index.mayHoldPhrases('next', phrase)).toBe(true);
    expect(index.mayHoldPhrases('apart', phrase)).toBe(false);
    expect(index.mayHoldPhrases('never-indexed', phrase)).toBe(true);
    // One word alone is no pair: every article may hold it.
    expect(index.mayHoldPhrases('apart', [phraseKeyOf('river')])).toBe(true);
  });
});
