/**
 * One index per source snapshot, built once and kept by the snapshot's sha-256: its words
 * folded (with their offsets in the original text), a word → positions map to find
 * candidate passages by rare words, its figures by value, and the speaker labels of a
 * transcript ("Alderman DEKKER:", "HB:"). Every claim of every article is checked against
 * these, never against the raw text.
 */
import { createHash } from 'node:crypto';
import type { FigureValue } from '../../document/claims/claim-types';
import { figureKey } from '../../document/claims/figure-key';
import { guessLanguage } from '../../document/claims/language';
import { numberStyleOf, type NumberStyle } from '../../document/claims/numbers';
import { findFigures, wordAt } from '../../document/claims/figures';
import { foldWord, tokenizeWords, type Words } from '../../document/claims/tokens';

/** A figure of a source, with where it is. */
export interface SourceFigure {
  start: number;
  end: number;
  figure: FigureValue;
  /** Index of its first word in `words`. */
  token: number;
  /** An end of a range, indexed under its own value too. */
  endpoint?: boolean;
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
  words: Words;
  postings: Postings;
  figuresByKey: Map<string, SourceFigure[]>;
  /** Per class (and currency), sorted by value: for figures written rounded. */
  figuresByClass: Map<string, SourceFigure[]>;
  turns: SpeakerTurn[];
}

/** The key under which rounded figures are looked up: class, and currency for money. */
export const classKey = (figure: FigureValue) => (figure.class === 'money' ? `money:${figure.currency ?? ''}` : figure.class);

const TURN_RE = /^[ \t]*((?:[\p{L}.'’-]+[ \t]+){0,3}?\p{Lu}{2,}(?:[ \t'’-]+\p{Lu}{2,})*)[ \t]*:/gmu;
const NAME_RE = /\p{Lu}\p{Ll}+(?:[ \t]+(?:(?:van|von|de|da|do|dos|der|den|el)[ \t]+)?\p{Lu}\p{Ll}+)+/gu;

/** Speaker labels of a transcript, in order; initials are resolved to a name the text gives ("HB" → Helena Brito). */
function speakerTurns(text: string): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let names: string[][] | null = null;
  TURN_RE.lastIndex = 0;
  for (let m = TURN_RE.exec(text); m; m = TURN_RE.exec(text)) {
    const label = m[1]!;
    const words = label.split(/[\s'’-]+/).filter(Boolean).map(foldWord);
    if (/^\p{Lu}{2,3}$/u.test(label)) {
      names ??= [...text.slice(0, 5000).matchAll(NAME_RE)].map((n) => n[0].split(/\s+/));
      const initials = [...label];
      // "SH" for "Councillor Sana Haddad": the last words of a name, one per initial.
      const name = names.map((n) => n.slice(-initials.length)).find((n) => n.length === initials.length && n.every((w, i) => w[0] === initials[i]));
      if (name) words.push(...name.map(foldWord));
    }
    turns.push({ start: m.index, words });
  }
  return turns;
}

/**
 * Where each word stands in a source: one id per distinct word, and all positions in one
 * array ordered by word (counting sort), so 10,000 words are not 3,000 little arrays.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly positions: Int32Array;

  constructor(norms: string[]) {
    const ids = new Int32Array(norms.length);
    const counts: number[] = [];
    for (let i = 0; i < norms.length; i++) {
      let id = this.ids.get(norms[i]!);
      if (id === undefined) {
        id = counts.length;
        this.ids.set(norms[i]!, id);
        counts.push(0);
      }
      ids[i] = id;
      counts[id]!++;
    }
    this.offsets = new Int32Array(counts.length + 1);
    for (let id = 0; id < counts.length; id++) this.offsets[id + 1] = this.offsets[id]! + counts[id]!;
    const fill = this.offsets.slice(0, counts.length);
    this.positions = new Int32Array(norms.length);
    for (let i = 0; i < norms.length; i++) this.positions[fill[ids[i]!]!++] = i;
  }

  /** The positions of a word, in order; undefined when the source does not have it. */
  get(norm: string): Int32Array | undefined {
    const id = this.ids.get(norm);
    return id === undefined ? undefined : this.positions.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** How often the source has a word. */
  count(norm: string): number {
    const id = this.ids.get(norm);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index of one snapshot. */
export function buildSourceIndex(text: string, sha256: string, language?: string | null): SourceIndex {
  const style = numberStyleOf(language || guessLanguage(text));
  const words = tokenizeWords(text, style);
  const postings = new Postings(words.norms);
  const figuresByKey = new Map<string, SourceFigure[]>();
  const figuresByClass = new Map<string, SourceFigure[]>();
  for (const found of findFigures(text, style)) {
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
  return { sha256, text, style, words, postings, figuresByKey, figuresByClass, turns: speakerTurns(text) };
}

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** Indexes by snapshot sha-256 (and language), the least recently used dropped past `capacity`. */
export class SourceIndexCache {
  private indexes = new Map<string, SourceIndex>();

  constructor(private readonly capacity = 256) {}

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
    if (this.indexes.size > this.capacity) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }
}
