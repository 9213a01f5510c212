/**
 * Finding a quote's words in a source. Verbatim first: the same folded words in order
 * (case, marks, punctuation, whitespace, separators and diacritics aside), anchored on the
 * quote's rarest word; an ellipsis lets the source have up to 80 more words there. Then
 * close: rare words of the quote vote for where it would start in the source, and each
 * well-voted stretch is aligned word by word (contractions written out); the best at
 * ≥ 85 % similarity is close, with a word diff.
 */
import { spellOut, tokenize, type Token } from '../../document/claims/tokens';
import type { NumberStyle } from '../../document/claims/numbers';
import type { DiffRun } from './review-types';
import type { SourceIndex } from './source-index';
import { wordHash, type SourceWords, type WordVocabulary } from './source-words';
import { alignWords, wordDiff, type AlignWord } from './word-align';

/** Similarity from which a passage is close to a quote. */
export const CLOSE_SIMILARITY = 0.85;
/** Words the source may have where a quote says "…". */
const GAP_WORDS = 80;
/** Quotes longer than this are only looked for verbatim (a runaway unclosed quote can be a whole block). */
const MAX_ALIGN_WORDS = 400;

/** A quote prepared once for every source. */
export interface QuoteQuery {
  text: string;
  tokens: Token[];
  /** The tokens split at ellipses. */
  segments: Token[][];
  spelled: AlignWord[];
  /** Each token's `wordHash`, so that each source's lookup of it is one probe. */
  hashes: Int32Array;
  /** The tokens' word ids in each vocabulary looked at (-1: not in it), with the vocabulary's size then. */
  idsByVocabulary: WeakMap<WordVocabulary, { ids: Int32Array; size: number }>;
}

/** Where a quote was found in one source: its words, as source token indexes [start, end). */
export interface QuoteMatch {
  startToken: number;
  endToken: number;
  exact: boolean;
  similarity: number;
  diff: DiffRun[] | null;
}

export function prepareQuote(text: string, style: NumberStyle): QuoteQuery {
  const tokens = tokenize(text, style);
  const segments: Token[][] = [];
  for (const token of tokens) {
    if (token.gapBefore || !segments.length) segments.push([]);
    segments[segments.length - 1]!.push(token);
  }
  const spelled: AlignWord[] = [];
  for (const token of tokens) spellOut(token.norm).forEach((norm, k) => spelled.push(k === 0 && token.gapBefore ? { norm, gapBefore: true } : { norm }));
  const hashes = Int32Array.from(tokens, (t) => wordHash(t.norm));
  return { text, tokens, segments, spelled, hashes, idsByVocabulary: new WeakMap() };
}

/**
 * The quote's tokens as word ids of the source's vocabulary (-1 for a word it does not
 * have), looked up once for all the sources that share it; a word missing is looked for
 * again once the vocabulary has grown (a source read since).
 */
function idsIn(query: QuoteQuery, words: SourceWords): Int32Array {
  const { vocabulary } = words;
  let known = query.idsByVocabulary.get(vocabulary);
  if (!known) {
    known = { ids: new Int32Array(query.tokens.length).fill(-1), size: -1 };
    query.idsByVocabulary.set(vocabulary, known);
  }
  if (known.size !== vocabulary.words.length) {
    const { ids } = known;
    for (let k = 0; k < ids.length; k++) if (ids[k]! < 0) ids[k] = vocabulary.find(query.tokens[k]!.norm, query.hashes[k]);
    known.size = vocabulary.words.length;
  }
  return known.ids;
}

/** First position ≥ `from` (and < `to`) at which the words `segment` (ids) stand in order in the source. */
function findSegment(segment: Int32Array, words: SourceWords, from: number, to: number): number {
  let anchor = 0;
  let fewest = Infinity;
  for (let k = 0; k < segment.length; k++) {
    const count = words.countOfId(segment[k]!);
    if (count < fewest) {
      fewest = count;
      anchor = k;
    }
  }
  const positions = words.positionsOfId(segment[anchor]!);
  const { ids } = words;
  for (let n = 0; n < positions.length; n++) {
    const start = positions[n]! - anchor;
    if (start < from) continue;
    if (start >= to) break;
    let k = 0;
    while (k < segment.length && ids[start + k] === segment[k]) k++;
    if (k === segment.length) return start;
  }
  return -1;
}

/** The quote word for word in the source, or null. */
export function findVerbatim(query: QuoteQuery, index: SourceIndex): { startToken: number; endToken: number } | null {
  if (!query.segments.length) return null;
  const ids = idsIn(query, index.words);
  // Every word must be there, whichever passage it is.
  for (let k = 0; k < ids.length; k++) if (ids[k]! < 0 || index.words.countOfId(ids[k]!) === 0) return null;
  const segments: Int32Array[] = [];
  let at = 0;
  for (const segment of query.segments) {
    segments.push(ids.subarray(at, at + segment.length));
    at += segment.length;
  }
  let from = 0;
  for (;;) {
    const start = findSegment(segments[0]!, index.words, from, index.words.norms.length);
    if (start < 0) return null;
    let end = start + segments[0]!.length;
    let whole = true;
    for (let s = 1; s < segments.length; s++) {
      const next = findSegment(segments[s]!, index.words, end, end + GAP_WORDS + 1);
      if (next < 0) {
        whole = false;
        break;
      }
      end = next + segments[s]!.length;
    }
    if (whole) return { startToken: start, endToken: end };
    from = start + 1;
  }
}

/** Words of a quote that vote for where it stands: the rarest in this source, at most six. */
const ANCHORS = 6;

/** Stretches of the source where enough of the quote's rarest words line up: [first word, end word). */
function candidateStretches(query: QuoteQuery, index: SourceIndex): Array<[number, number]> {
  const n = query.tokens.length;
  const { words } = index;
  const total = words.norms.length;
  // A word seen more often than this says little about where the quote is.
  const cap = Math.max(20, Math.min(60, Math.ceil(total / 200)));
  const ids = idsIn(query, words);
  const anchors: Array<{ i: number; positions: Int32Array }> = [];
  for (let i = 0; i < n; i++) {
    if (ids[i]! < 0) continue;
    const count = words.countOfId(ids[i]!);
    if (count > 0 && count <= cap) anchors.push({ i, positions: words.positionsOfId(ids[i]!) });
  }
  if (anchors.length < 2) return [];
  anchors.sort((a, b) => a.positions.length - b.positions.length);
  const voters = anchors.slice(0, ANCHORS);
  let size = 0;
  for (const { positions } of voters) size += positions.length;
  const votes = new Int32Array(size);
  size = 0;
  for (const { i, positions } of voters) for (let k = 0; k < positions.length; k++) votes[size++] = positions[k]! - i;
  votes.sort();
  // At 85 % similarity most rare words are there; half of the voters is a safe floor.
  const need = Math.max(2, Math.ceil(voters.length * 0.5));
  const gaps = (query.segments.length - 1) * GAP_WORDS;
  const width = Math.max(6, Math.ceil(n * 0.3)) + gaps;
  const windows: Array<{ from: number; to: number; count: number }> = [];
  let lo = 0;
  for (let hi = 0; hi < votes.length; hi++) {
    while (votes[hi]! - votes[lo]! > width) lo++;
    const count = hi - lo + 1;
    if (count < need) continue;
    const last = windows[windows.length - 1];
    // Overlapping windows are one place: keep the densest.
    if (last && votes[lo]! <= last.to) {
      if (count > last.count) Object.assign(last, { from: votes[lo]!, to: votes[hi]!, count });
    } else windows.push({ from: votes[lo]!, to: votes[hi]!, count });
  }
  const slack = Math.ceil(n * 0.2) + 3;
  return windows
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((w): [number, number] => [Math.max(0, w.from - slack), Math.min(total, w.to + n + slack + gaps)]);
}

/** The best near match of the quote in the source at ≥ `threshold` similarity, or null. */
export function findClose(query: QuoteQuery, index: SourceIndex, threshold = CLOSE_SIMILARITY): QuoteMatch | null {
  if (query.tokens.length < 3 || query.tokens.length > MAX_ALIGN_WORDS) return null;
  let best: QuoteMatch | null = null;
  for (const [from, to] of candidateStretches(query, index)) {
    const stretch: AlignWord[] = [];
    const owner: number[] = [];
    for (let t = from; t < to; t++) {
      for (const norm of spellOut(index.words.norms[t]!)) {
        stretch.push({ norm });
        owner.push(t);
      }
    }
    const alignment = alignWords(query.spelled, stretch);
    if (!alignment || alignment.similarity < threshold || (best && alignment.similarity <= best.similarity)) continue;
    best = {
      startToken: owner[alignment.sourceStart]!,
      endToken: owner[alignment.sourceEnd - 1]! + 1,
      exact: false,
      // Contractions written out can make the words the same ("doesn't" / "does not"); not verbatim is never 100 %.
      similarity: Math.min(alignment.similarity, 0.99),
      diff: null,
    };
  }
  if (best) best.diff = diffOf(query, index, best.startToken, best.endToken);
  return best;
}

/** The word diff between the quote as written and the source's words it was matched to. */
export function diffOf(query: QuoteQuery, index: SourceIndex, startToken: number, endToken: number): DiffRun[] {
  const article = query.tokens.map((t) => ({ norm: t.norm, text: query.text.slice(t.start, t.end) }));
  const { norms, starts, ends } = index.words;
  const source: Array<{ norm: string; text: string }> = [];
  for (let k = startToken; k < endToken; k++) source.push({ norm: norms[k]!, text: index.text.slice(starts[k], ends[k]) });
  return wordDiff(article, source);
}
