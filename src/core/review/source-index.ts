/**
 * One index per source snapshot, built once and kept by the snapshot's text: its words
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
import { readSourceWords, WordVocabulary, type SourceWords } from './source-words';

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
  text: string;
  /** The language it was indexed for, as given ('' when none was). */
  language: string;
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
export function buildSourceIndex(text: string, language?: string | null, vocabulary?: WordVocabulary): SourceIndex {
  const style = numberStyleOf(language || guessLanguage(text));
  const words = readSourceWords(text, style, vocabulary);
  // The words say where numbers and number words start: figures are read there only.
  // Each distinct word is looked at once: 1 a number, 2 a number word.
  const kinds = new Uint8Array(words.vocabulary.words.length);
  for (const id of words.distinct) {
    const word = words.vocabulary.words[id]!;
    const first = word.charCodeAt(0);
    kinds[id] = first >= 48 && first <= 57 ? 1 : NUMBER_WORD_FORMS.has(word) ? 2 : 0;
  }
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
  return { text, language: language ?? '', style, words, figuresByKey, figuresByClass, turns: speakerTurns(text) };
}

/**
 * Indexes by snapshot text and language, the least recently used dropped past `capacity`
 * indexes or `maxChars` characters of snapshot (an index takes a few times its text in
 * memory; a snapshot may be 5 MB). Keyed by the text itself: a map hashes a long string by
 * its length and compares it whole on a hit (the same string object at once), so no
 * sha-256 of every snapshot is worked out to find its index, and none handed in can be stale.
 */
/** Distinct words one vocabulary holds before a new one is started (a few tens of MB). */
const MAX_VOCABULARY = 1_000_000;

export class SourceIndexCache {
  private readonly byText = new Map<string, SourceIndex[]>();
  /** Least recently used first. */
  private readonly order = new Set<SourceIndex>();
  private chars = 0;
  /** The words of the indexes built here; started afresh when it grows past its bound (older indexes keep theirs). */
  private vocabulary = new WordVocabulary();

  constructor(
    private readonly capacity = 128,
    private readonly maxChars = 30_000_000,
  ) {}

  get(text: string, language?: string): SourceIndex {
    const languageKey = language ?? '';
    const same = this.byText.get(text);
    let index = same?.find((i) => i.language === languageKey);
    if (index) {
      this.order.delete(index);
      this.order.add(index);
      return index;
    }
    if (this.vocabulary.words.length > MAX_VOCABULARY) this.vocabulary = new WordVocabulary();
    index = buildSourceIndex(text, language, this.vocabulary);
    if (same) same.push(index);
    else this.byText.set(text, [index]);
    this.order.add(index);
    this.chars += text.length;
    while (this.order.size > 1 && (this.order.size > this.capacity || this.chars > this.maxChars)) {
      const oldest: SourceIndex = this.order.values().next().value!;
      this.order.delete(oldest);
      const rest = this.byText.get(oldest.text)!.filter((i) => i !== oldest);
      if (rest.length) this.byText.set(oldest.text, rest);
      else this.byText.delete(oldest.text);
      this.chars -= oldest.text.length;
    }
    return index;
  }
}
