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
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isApostropheCode = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc || c === 0x2018;
const isLetterAt = (text: string, i: number) => {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiLetter(c) : LETTER.test(text[i]!);
};

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Distinct words by id, found by hash; ASCII words are compared against the text without making a string. */
class Vocabulary {
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private table = new Int32Array(1 << 12);

  /** The id of `word` (folded), adding it when new. */
  idOf(word: string, hash = hashOf(word)): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return this.add(word, hash, slot);
      if (this.hashes[entry - 1] === hash && this.words[entry - 1] === word) return entry - 1;
    }
  }

  /** The id of the ASCII word text[start, end) lower-cased, whose hash is `hash`. */
  idOfAscii(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && LOWER[text.charCodeAt(start + k)] === word.charCodeAt(k)) k++;
      if (k === length) return id;
    }
  }

  /** The id of a word already known, or -1. */
  find(word: string): number {
    const hash = hashOf(word);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === hash && this.words[entry - 1] === word) return entry - 1;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.table[slot] = id + 1;
    if (this.words.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

/** A source's words with their ids, and every word's positions. */
export interface SourceWords extends Words {
  /** Positions of each word, grouped by word: `positions[offsets[id] … offsets[id + 1])`. */
  positionsOf(word: string): Int32Array | undefined;
  countOf(word: string): number;
}

/** Reads a snapshot's words (as `tokenizeWords` would) and groups their positions by word. */
export function readSourceWords(text: string, style: NumberStyle): SourceWords {
  const vocabulary = new Vocabulary();
  // Prose has a word every five or six characters: room for that, doubled when a text has more.
  let ids = new Int32Array((text.length >> 2) + 16);
  let starts = new Int32Array(ids.length);
  let ends = new Int32Array(ids.length);
  let count = 0;
  const grow = () => {
    const size = ids.length * 2;
    const more = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    [ids, starts, ends] = [more(ids), more(starts), more(ends)];
  };
  const gaps = new Set<number>();
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    if (count === ids.length) grow();
    if (isDigitCode(code)) {
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
    if (code < 128 ? isAsciiLetter(code) : isLetterAt(text, i)) {
      // Scan the word; hash it lower-cased while it stays plain ASCII.
      let end = i;
      let ascii = true;
      let hash = 0x811c9dc5;
      while (end < length) {
        const d = text.charCodeAt(end);
        if (d < 128 ? CLASS[d] !== 0 : isLetterAt(text, end)) {
          if (d >= 128) ascii = false;
          else hash = Math.imul(hash ^ LOWER[d]!, 0x01000193);
          end++;
        } else if (isApostropheCode(d) && end + 1 < length && isLetterAt(text, end + 1)) {
          if (d >= 128) ascii = false;
          else hash = Math.imul(hash ^ d, 0x01000193);
          end++;
        } else break;
      }
      ids[count] = ascii ? vocabulary.idOfAscii(text, i, end, hash >>> 0) : vocabulary.idOf(foldWord(text.slice(i, end)));
      starts[count] = i;
      ends[count++] = end;
      i = end;
      continue;
    }
    // An ellipsis is a gap in a quote; in a source it is only punctuation.
    i++;
  }

  const { words } = vocabulary;
  const norms = new Array<string>(count);
  const counts = new Int32Array(words.length + 1);
  for (let k = 0; k < count; k++) {
    norms[k] = words[ids[k]!]!;
    counts[ids[k]! + 1]!++;
  }
  for (let id = 0; id < words.length; id++) counts[id + 1]! += counts[id]!;
  const offsets = counts;
  const fill = offsets.slice(0, words.length);
  const positions = new Int32Array(count);
  for (let k = 0; k < count; k++) positions[fill[ids[k]!]!++] = k;
  return {
    norms,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    gaps,
    positionsOf(word: string) {
      const id = vocabulary.find(word);
      return id < 0 ? undefined : positions.subarray(offsets[id]!, offsets[id + 1]!);
    },
    countOf(word: string) {
      const id = vocabulary.find(word);
      return id < 0 ? 0 : offsets[id + 1]! - offsets[id]!;
    },
  };
}
