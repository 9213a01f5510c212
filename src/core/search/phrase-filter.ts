/**
 * Which articles may hold a phrase, told without reading their text. The index knows
 * words, not their order, so a phrase of two common words ("said over") has thousands of
 * candidates, and looking through each one's text costs tens of milliseconds a keystroke.
 * Each article kept in memory has a small bit set (a Bloom filter) of the pairs of words
 * that follow each other in it: a phrase whose pairs are not all in it is not in the
 * article; one whose pairs are (every article holding it, and a few per cent of the
 * others) is then looked for in the text as before.
 *
 * Words are compared folded further than a phrase's pattern compares them (case and
 * accents aside), so the filter only ever lets more through, never fewer.
 */
import type { SearchDocument } from './search-document';
import { INDEXED_FIELDS, tokenize } from './search-document';

/** The bit set of an article's pairs of words. */
export type PairFilter = Uint32Array;

/** Bits per pair of words; with three bits a pair, about 3% of articles without a pair pass. */
const BITS_PER_PAIR = 8;
const MIN_BITS = 256;
const MAX_BITS = 1 << 17;

/** A word as pairs compare it: case and accents folded (more than a phrase's pattern folds). */
function folded(word: string): string {
  return /^\p{ASCII}*$/u.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase();
}

/** FNV-1a over the folded word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The three bits of a pair in a set of `size` bits (a power of two). */
function bitsOf(first: number, second: number, size: number): [number, number, number] {
  const a = mix(Math.imul(first, 31) ^ second);
  const b = mix(a ^ 0x27d4eb2d) | 1;
  const mask = size - 1;
  return [a & mask, (a + b) & mask, (a + 2 * b) & mask];
}

/** The filter of an article's pairs of words, field by field. */
export function pairFilterOf(document: SearchDocument): PairFilter {
  const hashes = INDEXED_FIELDS.map((field) => tokenize(document[field]).map((word) => wordHash(folded(word))));
  const pairs = hashes.reduce((n, words) => n + Math.max(0, words.length - 1), 0);
  let size = MIN_BITS;
  while (size < pairs * BITS_PER_PAIR && size < MAX_BITS) size *= 2;
  const filter = new Uint32Array(size / 32);
  for (const words of hashes) {
    for (let i = 1; i < words.length; i++) {
      for (const bit of bitsOf(words[i - 1]!, words[i]!, size)) filter[bit >>> 5] = filter[bit >>> 5]! | (1 << (bit & 31));
    }
  }
  return filter;
}

/** A phrase as the filter is asked about it: its words' hashes. */
export function phraseKeyOf(phrase: string): number[] {
  return tokenize(phrase).map((word) => wordHash(folded(word)));
}

/** False when the article cannot hold the phrase (a pair of its words is not in the article). */
export function mayHold(filter: PairFilter, phrase: readonly number[]): boolean {
  const size = filter.length * 32;
  for (let i = 1; i < phrase.length; i++) {
    for (const bit of bitsOf(phrase[i - 1]!, phrase[i]!, size)) {
      if (!(filter[bit >>> 5]! & (1 << (bit & 31)))) return false;
    }
  }
  return true;
}
