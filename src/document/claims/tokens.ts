/**
 * Words as the check compares them, on both sides (article and source): case, quote and
 * apostrophe styles, dashes, whitespace, thousands separators and diacritics folded away,
 * each word keeping where it was in the original text. One character loop, no regex per
 * character: sources are tokenized whole.
 */
import { canonicalValue, numberLength, parseNumber, type NumberStyle } from './numbers';

/** One word of a text: folded, with its place in the original. */
export interface Token {
  /** Folded: lower case, no diacritics, `'` for every apostrophe, a number as its value ("99000"). */
  norm: string;
  start: number;
  end: number;
  /** An ellipsis ("…", "...", "[…]") stood before this word: the quote left words out here. */
  gapBefore?: boolean;
}

/** The words of a long text as parallel arrays (a source's 10,000 words are not 10,000 objects). */
export interface Words {
  norms: string[];
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** Indexes of words an ellipsis stood before. */
  gaps: Set<number>;
}

const LETTER = /[\p{L}\p{M}]/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc', '\u2018']);

function isLetterCode(code: number, c: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
}

const isLetter = (c: string | undefined) => c !== undefined && isLetterCode(c.charCodeAt(0), c);

/** Folds what is left after lower-casing: one apostrophe, ß → ss, œ → oe, no diacritics. */
function foldNonAscii(w: string): string {
  return w
    .replace(/[\u2019\u02bc\u2018]/g, "'")
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Folds one word: lower case, one apostrophe, ß → ss, œ → oe, no diacritics. */
export function foldWord(word: string): string {
  const w = word.toLowerCase();
  // oxlint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(w) ? foldNonAscii(w) : w;
}

/** Length of an ellipsis written at i ("…", "...", "[…]", "[...]", "(…)"), or 0. */
function ellipsisLength(text: string, i: number): number {
  const c = text[i];
  if (c === '\u2026') return 1;
  if (c === '.' && text[i + 1] === '.' && text[i + 2] === '.') return 3;
  if (c === '[' || c === '(') {
    const m = /^[[(]\s?(?:\u2026|\.\.\.)\s?[\])]/.exec(text.slice(i, i + 7));
    if (m) return m[0].length;
  }
  return 0;
}

/** The words of `text`, folded, with their offsets: one character loop, the text lower-cased once. */
export function tokenizeWords(text: string, style: NumberStyle): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: Words = { norms: [], starts, ends, gaps: new Set() };
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  let gap = false;
  const length = text.length;
  const push = (norm: string, start: number, end: number) => {
    if (gap) words.gaps.add(words.norms.length);
    gap = false;
    words.norms.push(norm);
    starts.push(start);
    ends.push(end);
  };
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      let end = i + numberLength(text, i);
      const value = canonicalValue(parseNumber(text.slice(i, end), style).value);
      const lettersStart = end;
      while (end < length && isLetter(text[end])) end++;
      push(lettersStart === end ? value : value + foldWord(text.slice(lettersStart, end)), i, end);
      i = end;
      continue;
    }
    if (isLetterCode(code, text[i]!)) {
      let end = i + 1;
      let ascii = code < 128;
      for (;;) {
        const d = text.charCodeAt(end);
        if (end >= length) break;
        if (d < 128 ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) : isLetterCode(d, text[end]!)) {
          if (d >= 128) ascii = false;
          end++;
        } else if (APOSTROPHES.has(text[end]!) && isLetter(text[end + 1])) {
          if (d >= 128) ascii = false;
          end += 2;
        } else break;
      }
      const word = aligned ? lower.slice(i, end) : text.slice(i, end).toLowerCase();
      push(ascii ? word : foldNonAscii(word), i, end);
      i = end;
      continue;
    }
    const ellipsis = ellipsisLength(text, i);
    if (ellipsis) {
      if (words.norms.length) gap = true;
      i += ellipsis;
      continue;
    }
    i++;
  }
  return words;
}

/** The words of `text` as objects (short texts: a quote, a block). */
export function tokenize(text: string, style: NumberStyle): Token[] {
  const words = tokenizeWords(text, style);
  return words.norms.map((norm, k) => (words.gaps.has(k) ? { norm, start: words.starts[k]!, end: words.ends[k]!, gapBefore: true } : { norm, start: words.starts[k]!, end: words.ends[k]! }));
}

const CONTRACTIONS: Record<string, string[]> = {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "i'm": ['i', 'am'],
};

/**
 * A word with its English contraction written out ("doesn't" → does not, "we're" → we
 * are). Used for similarity only: a contraction never makes a quote verbatim.
 */
export function spellOut(norm: string): string[] {
  const known = CONTRACTIONS[norm];
  if (known) return known;
  if (!norm.includes("'")) return [norm];
  if (norm.endsWith("n't") && norm.length > 3) return [norm.slice(0, -3), 'not'];
  const m = /^(.+)'(re|ve|ll)$/.exec(norm);
  if (m) return [m[1]!, m[2] === 're' ? 'are' : m[2] === 've' ? 'have' : 'will'];
  return [norm];
}
