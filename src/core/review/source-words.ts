/**
 * A source's words, read fast: the same words and offsets as `tokenizeWords`, but each
 * distinct word is made into a string once. Plain ASCII words are folded and hashed as
 * they are scanned and looked up in an open-addressing table against the text itself, so
 * the 10,000 words of a 50 KB snapshot cost a few thousand strings, not 10,000; the rest
 * (accents, curly apostrophes, numbers with separators) go through `foldWord` and
 * `parseNumber` as everywhere else. Every word gets an id, and positions are grouped by id.
 */
import { canonicalValue, numberLength, parseNumber, type NumberStyle } from '../../document/claims/numbers';
import { foldWord, type Words } from '../../document/claims/tokens';

const LETTER = /[\p{L}\p{M}]/u;
/** ASCII classes: 1 a letter, 2 a digit; and each ASCII code lower-cased. */
const CLASS = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 0));
const LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
const isAsciiLetter = (c: number) => CLASS[c] === 1;
const isApostropheCode = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc || c === 0x2018;
const isLetterAt = (text: string, i: number) => {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiLetter(c) : LETTER.test(text[i]!);
};

const OFFSET_BASIS = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/** The hash a source's vocabulary files a folded word under: computed once, looked up in many sources. */
export function wordHash(word: string): number {
  let h = OFFSET_BASIS;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), PRIME);
  return h;
}

/**
 * Distinct words by id, found by hash; ASCII words are compared against the text without
 * making a string. Each slot of the table holds an id + 1 and that word's hash side by
 * side, so a probe reads one array. One vocabulary serves all the sources a checker reads:
 * a word is one string and one id in all of them, so a quote's words are looked up once
 * for every source, not once per source.
 */
export class WordVocabulary {
  readonly words: string[] = [];
  private table = new Int32Array(2 << 12);

  /** The id of `word` (folded), adding it when new. */
  idOf(word: string, hash = wordHash(word)): number {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot << 1]!;
      if (entry === 0) return this.add(word, hash, slot);
      if (table[(slot << 1) + 1] === hash && this.words[entry - 1] === word) return entry - 1;
    }
  }

  /** The id of the ASCII word text[start, end) lower-cased, whose hash is `hash`. */
  idOfAscii(text: string, start: number, end: number, hash: number): number {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot << 1]!;
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (table[(slot << 1) + 1] !== hash) continue;
      const word = this.words[entry - 1]!;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && LOWER[text.charCodeAt(start + k)] === word.charCodeAt(k)) k++;
      if (k === length) return entry - 1;
    }
  }

  /** The id of a word already known, or -1. */
  find(word: string, hash = wordHash(word)): number {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot << 1]!;
      if (entry === 0) return -1;
      if (table[(slot << 1) + 1] === hash && this.words[entry - 1] === word) return entry - 1;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.table[slot << 1] = id + 1;
    this.table[(slot << 1) + 1] = hash;
    if (this.words.length * 4 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      let slot = old[at + 1]! & mask;
      while (table[slot << 1] !== 0) slot = (slot + 1) & mask;
      table[slot << 1] = old[at]!;
      table[(slot << 1) + 1] = old[at + 1]!;
    }
    this.table = table;
  }
}

/** A source's words with their ids, and every word's positions. */
export interface SourceWords extends Words {
  /** Each word's id in `vocabulary`, by position: words that fold the same share an id. */
  ids: Int32Array;
  /** The vocabulary the ids are of (shared by the sources read with it). */
  vocabulary: WordVocabulary;
  /** The ids this source has, ascending. */
  distinct: Int32Array;
  /** The id of a folded word (its `wordHash` given when known) when this source has it, else -1. */
  idOf(word: string, hash?: number): number;
  /** Where the word with this id stands (word indexes, ascending; none when the source lacks it). */
  positionsOfId(id: number): Int32Array;
  countOfId(id: number): number;
  positionsOf(word: string): Int32Array | undefined;
  countOf(word: string): number;
}

/**
 * Room for one text's words, reused from text to text and copied out at the right size. A
 * word is two characters long at least, or is followed by one that belongs to no word
 * ("3rd4" is two words; "a.b" too), so half the text's length and one always holds them.
 */
let scratch = new Int32Array(0);
/** The local number + 1 of each vocabulary id in the text being read (0: not in it), cleared after each text. */
let localOf = new Int32Array(0);

/** Reads a snapshot's words (as `tokenizeWords` would) and groups their positions by word. */
export function readSourceWords(text: string, style: NumberStyle, vocabulary = new WordVocabulary()): SourceWords {
  const room = (text.length >> 1) + 1;
  if (scratch.length < room * 3) scratch = new Int32Array(room * 3);
  const ids = scratch.subarray(0, room);
  const starts = scratch.subarray(room, room * 2);
  const ends = scratch.subarray(room * 2, room * 3);
  let count = 0;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? CLASS[code]! : isLetterAt(text, i) ? 1 : 0;
    if (kind === 0) {
      // An ellipsis is a gap in a quote; in a source it is only punctuation.
      i++;
      continue;
    }
    if (kind === 2) {
      let end = i + numberLength(text, i);
      const raw = text.slice(i, end);
      let value = /^(?:0|[1-9]\d{0,11})$/.test(raw) ? raw : canonicalValue(parseNumber(raw, style).value);
      const lettersStart = end;
      while (end < length && isLetterAt(text, end)) end++;
      if (end > lettersStart) value += foldWord(text.slice(lettersStart, end));
      ids[count] = vocabulary.idOf(value);
      starts[count] = i;
      ends[count++] = end;
      i = end;
      continue;
    }
    // A word: ASCII letters and digits are hashed lower-cased as they are scanned; anything
    // else in it (an accent, a curly apostrophe) sends the whole word to `foldWord`.
    let end = i;
    let hash = OFFSET_BASIS;
    let ascii = true;
    for (;;) {
      let d = 0;
      while (end < length && (d = text.charCodeAt(end)) < 128 && CLASS[d] !== 0) {
        hash = Math.imul(hash ^ LOWER[d]!, PRIME);
        end++;
      }
      if (end >= length) break;
      if (d === 39) {
        if (!isLetterAt(text, end + 1)) break;
        hash = Math.imul(hash ^ 39, PRIME);
        end++;
      } else if (d >= 128 && (LETTER.test(text[end]!) || (isApostropheCode(d) && isLetterAt(text, end + 1)))) {
        ascii = false;
        end++;
      } else break;
    }
    ids[count] = ascii ? vocabulary.idOfAscii(text, i, end, hash) : vocabulary.idOf(foldWord(text.slice(i, end)));
    starts[count] = i;
    ends[count++] = end;
    i = end;
  }

  const { words } = vocabulary;
  // Each id this text has gets a local number in the order first seen, and positions are
  // grouped by it; the ids in ascending order (with their local numbers) find it again.
  if (localOf.length < words.length) localOf = new Int32Array(Math.max(words.length, localOf.length * 2));
  const seen: number[] = [];
  const norms = new Array<string>(count);
  const locals = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const id = ids[k]!;
    norms[k] = words[id]!;
    let local = localOf[id]!;
    if (local === 0) {
      seen.push(id);
      local = seen.length;
      localOf[id] = local;
    }
    locals[k] = local - 1;
  }
  const offsets = new Int32Array(seen.length + 1);
  for (let k = 0; k < count; k++) offsets[locals[k]! + 1]!++;
  for (let local = 0; local < seen.length; local++) offsets[local + 1]! += offsets[local]!;
  const fill = offsets.slice(0, seen.length);
  const positions = new Int32Array(count);
  for (let k = 0; k < count; k++) positions[fill[locals[k]!]!++] = k;
  const distinct = Int32Array.from(seen).sort();
  for (const id of seen) localOf[id] = 0;
  // Each id's local number, found by hashing the id: an id + 1 and its local number per slot.
  let bits = 4;
  while (1 << bits < seen.length * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(2 << bits);
  // Fibonacci hashing: the top bits of the id times 2^32 / φ.
  const slotOf = (id: number) => Math.imul(id, 0x9e3779b1) >>> (32 - bits);
  seen.forEach((id, local) => {
    let slot = slotOf(id);
    while (table[slot << 1] !== 0) slot = (slot + 1) & mask;
    table[slot << 1] = id + 1;
    table[(slot << 1) + 1] = local;
  });
  const localIn = (id: number) => {
    for (let slot = slotOf(id); ; slot = (slot + 1) & mask) {
      const entry = table[slot << 1]!;
      if (entry === 0) return -1;
      if (entry === id + 1) return table[(slot << 1) + 1]!;
    }
  };
  const positionsOfId = (id: number) => {
    const local = localIn(id);
    return local < 0 ? positions.subarray(0, 0) : positions.subarray(offsets[local]!, offsets[local + 1]!);
  };
  const countOfId = (id: number) => {
    const local = localIn(id);
    return local < 0 ? 0 : offsets[local + 1]! - offsets[local]!;
  };
  const idOf = (word: string, hash?: number) => {
    const id = vocabulary.find(word, hash);
    return id >= 0 && localIn(id) >= 0 ? id : -1;
  };
  return {
    norms,
    starts: starts.slice(0, count),
    ends: ends.slice(0, count),
    gaps: new Set<number>(),
    ids: ids.slice(0, count),
    vocabulary,
    distinct,
    idOf,
    positionsOfId,
    countOfId,
    positionsOf(word: string) {
      const id = idOf(word);
      return id < 0 ? undefined : positionsOfId(id);
    },
    countOf: (word: string) => {
      const id = idOf(word);
      return id < 0 ? 0 : countOfId(id);
    },
  };
}
