/**
 * A quote is looked up in a source by word ids (each of its words looked up once per
 * source): it must be found exactly where a plain walk over the source's folded words
 * finds it, ellipses included.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClose, findVerbatim, prepareQuote } from '../../../../src/core/review/match-quote';
import { buildSourceIndex } from '../../../../src/core/review/source-index';

/** Words a source has as many spellings of (case, apostrophes, accents, separators). */
const WORDS = ['the', 'The', 'THE', 'union', 'Union', 'said', 'strike', 'don’t', "don't", 'Zoë', 'zoe', 'ZOE', '12,000', '12000', 'port', 'quay', 'ferry', 'a', 'on'];
const GAP_WORDS = 80;

/** The first place the segments stand in order in `norms` (a later one within 80 words of the one before), by walking. */
function walk(segments: string[][], norms: string[]): { startToken: number; endToken: number } | null {
  const standsAt = (segment: string[], at: number) => segment.every((word, k) => norms[at + k] === word);
  const first = (segment: string[], from: number, to: number) => {
    for (let at = from; at < Math.min(to, norms.length); at++) if (standsAt(segment, at)) return at;
    return -1;
  };
  for (let from = 0; ; ) {
    const start = first(segments[0]!, from, norms.length);
    if (start < 0) return null;
    let end = start + segments[0]!.length;
    let whole = true;
    for (const segment of segments.slice(1)) {
      const next = first(segment, end, end + GAP_WORDS + 1);
      if (next < 0) {
        whole = false;
        break;
      }
      end = next + segment.length;
    }
    if (whole) return { startToken: start, endToken: end };
    from = start + 1;
  }
}

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });

describe('sources read with one vocabulary', () => {
  it('share word ids, and a quote looked up before a source was read is found in it after', async () => {
    const { SourceIndexCache } = await import('../../../../src/core/review/source-index');
    const cache = new SourceIndexCache();
    const first = cache.get('The port said no.');
    const query = prepareQuote('the ferry service would close', 'dot');
    expect(findVerbatim(query, first)).toBeNull();
    expect(findClose(query, first)).toBeNull();
    // Read after the quote was looked up: "ferry", "service" and "close" are new words to the vocabulary.
    const second = cache.get('In March the ferry service would close for good, the port said.');
    expect(second.words.vocabulary).toBe(first.words.vocabulary);
    expect(second.words.idOf('port')).toBe(first.words.idOf('port'));
    expect(first.words.idOf('ferry')).toBe(-1);
    expect(findVerbatim(query, second)).toEqual({ startToken: 2, endToken: 7 });
    expect(findVerbatim(prepareQuote('the ferry service closed', 'dot'), second)).toBeNull();
    expect(findClose(prepareQuote('the ferry service will close for good', 'dot'), second)).toMatchObject({ startToken: 2, endToken: 9 });
  });
});

describe('finding a quote word for word', () => {
  it('finds it where a walk over the source’s words does, across ellipses', () => {
    fc.assert(
      fc.property(words(0, 300), fc.array(words(1, 4), { minLength: 1, maxLength: 3 }), fc.nat(), (source, parts, seed) => {
        // Half the time the quote is taken from the source, so that there is something to find.
        const taken = seed % 2 === 0 && source.length > 6 ? [source.slice(seed % (source.length - 4), (seed % (source.length - 4)) + 3)] : parts;
        const text = source.map((w, k) => (k % 7 === 6 ? `${w}.` : w)).join(' ');
        const quote = taken.map((p) => p.join(' ')).join(' … ');
        const index = buildSourceIndex(text, 'en');
        const query = prepareQuote(quote, 'dot');
        const segments = query.segments.map((segment) => segment.map((t) => t.norm));
        expect(findVerbatim(query, index)).toEqual(walk(segments, index.words.norms));
      }),
      { numRuns: 300 },
    );
  });

  it('looks a quote up in each source on its own: a word one source lacks does not hide it in the next', () => {
    const query = prepareQuote('the union said', 'dot');
    const lacking = buildSourceIndex('The port said no.', 'en');
    const holding = buildSourceIndex('Talks broke up. The Union said so.', 'en');
    expect(findVerbatim(query, lacking)).toBeNull();
    expect(findVerbatim(query, holding)).toEqual({ startToken: 3, endToken: 6 });
    expect(findVerbatim(query, lacking)).toBeNull();
    expect(findClose(prepareQuote('the union said it would strike on the quay', 'dot'), buildSourceIndex('Then the union said it will strike on the quay today.', 'en'))).toMatchObject({ startToken: 1, endToken: 10, exact: false });
  });
});
