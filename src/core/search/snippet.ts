/**
 * The passage shown under a search hit: about two lines of the field that matched, around
 * the first match, with every matched word and phrase marked by its offsets.
 */
import type { SearchField, Snippet } from '../../shared/library';
import { oneLine, termOf, type SearchDocument } from './search-document';

const SNIPPET_CHARS = 180;
const LEAD_CHARS = 50;
/**
 * Where a snippet is taken from, by preference, among the fields that matched. Never the
 * headline, which a hit shows anyway: a match there alone gets the dek (or the lead).
 */
const SNIPPET_FIELDS: SearchField[] = ['body', 'dek', 'sources', 'tags', 'bylines'];

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A phrase as a pattern: its words in order, anything but letters and digits between them, any case. */
export function phrasePattern(phrase: string): RegExp | null {
  const words = phrase.match(WORD);
  if (!words) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped.join('[^\\p{L}\\p{M}\\p{N}]+')}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** [start, end) of every matched word (its term among `terms`) and every phrase in `text`. */
export function matchRanges(text: string, terms: ReadonlySet<string>, phrases: readonly RegExp[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (terms.size) {
    for (const m of text.matchAll(WORD)) {
      const term = termOf(m[0]);
      if (term !== null && terms.has(term)) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  for (const pattern of phrases) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Overlaps (a word inside a phrase) become one mark.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Where the first match in `text` is likely to start: the earliest place a term occurs as
 * the start of a word, found without splitting the whole text (a body is thousands of
 * words, and a page of hits has dozens of bodies). -1 when none is found that way (a term
 * whose accents were folded); then the whole text is looked through.
 */
function firstMatchNear(text: string, terms: ReadonlySet<string>, phrases: readonly RegExp[]): number {
  const lower = text.toLowerCase();
  let first = -1;
  const consider = (at: number) => {
    if (at >= 0 && (first < 0 || at < first)) first = at;
  };
  for (const term of terms) {
    // Past the earliest found so far, looking on cannot find an earlier one.
    const until = first < 0 ? lower.length : first;
    let at = lower.indexOf(term);
    while (at > 0 && at < until && inWord(lower.charCodeAt(at - 1))) at = lower.indexOf(term, at + 1);
    consider(at);
  }
  for (const pattern of phrases) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m) consider(m.index);
  }
  return first;
}

/** Whether a character (a UTF-16 unit) is a letter, mark or digit: part of a word. */
function inWord(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(code));
}

/** The snippet of a document for the fields matched; without matches, the dek or the start of the body. */
export function snippetOf(document: SearchDocument, fields: readonly SearchField[], terms: ReadonlySet<string>, phrases: readonly RegExp[]): Snippet {
  for (const field of SNIPPET_FIELDS) {
    if (!fields.includes(field)) continue;
    // The body is on one line already; a body is thousands of characters, and a page has dozens.
    const text = field === 'body' ? document.body : oneLine(document[field]);
    const near = firstMatchNear(text, terms, phrases);
    // Only the stretch around the first match is split into words; the rest is never shown.
    const from = near < 0 ? 0 : Math.max(0, near - LEAD_CHARS - 20);
    const stretch = near < 0 ? text : text.slice(from, from + LEAD_CHARS + SNIPPET_CHARS + 40);
    const ranges = matchRanges(stretch, terms, phrases).map(([a, b]): [number, number] => [a + from, b + from]);
    if (ranges.length) return around(text, ranges);
  }
  const lead = document.dek ? oneLine(document.dek) : document.body;
  return around(lead, matchRanges(lead.slice(0, SNIPPET_CHARS + LEAD_CHARS), terms, phrases));
}

/** A window of `text` from a little before the first range, cut at word boundaries, with the ranges inside it. */
function around(text: string, ranges: Array<[number, number]>): Snippet {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD_CHARS);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const highlights: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    if (from >= end) break;
    if (to <= start) continue;
    highlights.push([Math.max(from, start) - start + prefix.length, Math.min(to, end) - start + prefix.length]);
  }
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, highlights };
}
