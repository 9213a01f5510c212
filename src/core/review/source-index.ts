/**
 * One index per source snapshot, built once and kept by the snapshot's sha-256: its words
 * folded (with their offsets in the original text), a word → positions map to find
 * candidate passages by rare words, its figures by value, and the speaker labels of a
 * transcript ("Alderman DEKKER:", "HB:"). Every claim of every article is checked against
 * these, never against the raw text.
 */
import type { FigureValue } from '../../document/claims/claim-types';
import { figureKey } from '../../document/claims/figure-key';
import { guessLanguage } from '../../document/claims/language';
import { numberStyleOf, type NumberStyle } from '../../document/claims/numbers';
import { findFigures, NUMBER_WORD_FORMS, wordAt, type FigureHints } from '../../document/claims/figures';
import { foldWord } from '../../document/claims/tokens';
import { readSourceWords, type SourceWords } from './source-words';
import { sha256Hex } from '../storage/sha256';

/** A figure of a source, with where it is. */
export interface SourceFigure {
  start: number;
  end: number;
  figure: FigureValue;
  /** Index of its first word in `words`. */
  token: number;
  /** An end of a range, indexed under its own value too. */
  endpoint?: boolean;
  /** The content words around it (`contextStems`), kept once a claim has asked. */
  around?: Set<string>;
}

/** A speaker label in a transcript and who it stands for. */
export interface SpeakerTurn {
  start: number;
  /** The label's words and, for initials ("HB"), the name they stand for, folded. */
  words: string[];
}

export interface SourceIndex {
  sha256: string;
  text: string;
  style: NumberStyle;
  /** Its words, each word's positions kept (`positionsOf`, `countOf`). */
  words: SourceWords;
  figuresByKey: Map<string, SourceFigure[]>;
  /** Per class (and currency), sorted by value: for figures written rounded. */
  figuresByClass: Map<string, SourceFigure[]>;
  turns: SpeakerTurn[];
}

/** The key under which rounded figures are looked up: class, and currency for money. */
export const classKey = (figure: FigureValue) => (figure.class === 'money' ? `money:${figure.currency ?? ''}` : figure.class);

// Labels in capitals, as transcripts write them, at a line's start and ending in a colon.
const TURN_RE = /[ \t]*((?:[A-Za-z.'’-]+[ \t]+){0,3}?[A-Z]{2,}(?:[ \t'’-]+[A-Z]{2,})*)[ \t]*:/y;
const NAME_RE = /\p{Lu}\p{Ll}+(?:[ \t]+(?:(?:van|von|de|da|do|dos|der|den|el)[ \t]+)?\p{Lu}\p{Ll}+)+/gu;

// Where `^` matches in a multiline pattern: after \n, \r, U+2028 or U+2029.
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Speaker labels of a transcript, in order; initials are resolved to a name the text gives
 * ("HB" → Helena Brito). Only a line with a colon can hold a label: each such line is tried
 * once, from its start, rather than trying the pattern at every character of the text.
 */
function speakerTurns(text: string): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let names: string[][] | null = null;
  let tried = -1;
  let lineStart = 0;
  let seen = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    // The last line break before this colon, looking back only as far as the previous one.
    for (let k = colon; k > seen; k--) {
      if (isLineBreak(text.charCodeAt(k - 1))) {
        lineStart = k;
        break;
      }
    }
    seen = colon;
    if (lineStart === tried) continue;
    tried = lineStart;
    TURN_RE.lastIndex = lineStart;
    const m = TURN_RE.exec(text);
    if (!m) continue;
    const label = m[1]!;
    const words = label.split(/[\s'’-]+/).filter(Boolean).map(foldWord);
    if (/^\p{Lu}{2,3}$/u.test(label)) {
      names ??= [...text.slice(0, 5000).matchAll(NAME_RE)].map((n) => n[0].split(/\s+/));
      const initials = [...label];
      // "SH" for "Councillor Sana Haddad": the last words of a name, one per initial.
      const name = names.map((n) => n.slice(-initials.length)).find((n) => n.length === initials.length && n.every((w, i) => w[0] === initials[i]));
      if (name) words.push(...name.map(foldWord));
    }
    turns.push({ start: lineStart, words });
  }
  return turns;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index of one snapshot. */
export function buildSourceIndex(text: string, sha256: string, language?: string | null): SourceIndex {
  const style = numberStyleOf(language || guessLanguage(text));
  const words = readSourceWords(text, style);
  // The words say where numbers and number words start: figures are read there only.
  // Each distinct word is looked at once: 1 a number, 2 a number word.
  const kinds = new Uint8Array(words.vocabulary.length);
  words.vocabulary.forEach((word, id) => {
    const first = word.charCodeAt(0);
    kinds[id] = first >= 48 && first <= 57 ? 1 : NUMBER_WORD_FORMS.has(word) ? 2 : 0;
  });
  const numberStarts: number[] = [];
  const wordStarts: number[] = [];
  const { ids, starts } = words;
  for (let k = 0; k < ids.length; k++) {
    const kind = kinds[ids[k]!];
    if (kind === 1) numberStarts.push(starts[k]!);
    else if (kind === 2) wordStarts.push(starts[k]!);
  }
  const hints: FigureHints = { numberStarts, wordStarts };
  const figuresByKey = new Map<string, SourceFigure[]>();
  const figuresByClass = new Map<string, SourceFigure[]>();
  for (const found of findFigures(text, style, [], hints)) {
    const entry: SourceFigure = { start: found.start, end: found.end, figure: found.figure, token: wordAt(words, found.start) };
    addTo(figuresByKey, figureKey(found.figure), entry);
    addTo(figuresByClass, classKey(found.figure), entry);
    if (found.figure.high !== undefined) {
      for (const value of [found.figure.value, found.figure.high]) {
        const single: FigureValue = { ...found.figure, value };
        delete single.high;
        const endpoint: SourceFigure = { ...entry, figure: single, endpoint: true };
        addTo(figuresByKey, figureKey(single), endpoint);
        addTo(figuresByClass, classKey(single), endpoint);
      }
    }
  }
  for (const list of figuresByClass.values()) list.sort((a, b) => a.figure.value - b.figure.value);
  return { sha256, text, style, words, figuresByKey, figuresByClass, turns: speakerTurns(text) };
}

export const sha256Of = (text: string) => sha256Hex(text);

/**
 * Indexes by snapshot sha-256 (and language), the least recently used dropped past
 * `capacity` indexes or `maxChars` characters of snapshot (an index takes a few times its
 * text in memory; a snapshot may be 5 MB).
 */
export class SourceIndexCache {
  private indexes = new Map<string, SourceIndex>();
  private chars = 0;

  constructor(
    private readonly capacity = 128,
    private readonly maxChars = 30_000_000,
  ) {}

  get(text: string, sha256?: string, language?: string): SourceIndex {
    let sha = sha256 || sha256Of(text);
    let key = `${sha}|${language ?? ''}`;
    let index = this.indexes.get(key);
    // A sha-256 handed in with a text it does not belong to is not trusted.
    if (index && index.text !== text) {
      sha = sha256Of(text);
      key = `${sha}|${language ?? ''}`;
      index = this.indexes.get(key);
    }
    if (index) {
      this.indexes.delete(key);
      this.indexes.set(key, index);
      return index;
    }
    index = buildSourceIndex(text, sha, language);
    this.indexes.set(key, index);
    this.chars += text.length;
    while (this.indexes.size > 1 && (this.indexes.size > this.capacity || this.chars > this.maxChars)) {
      const [oldest, dropped] = this.indexes.entries().next().value!;
      this.indexes.delete(oldest);
      this.chars -= dropped.text.length;
    }
    return index;
  }
}
