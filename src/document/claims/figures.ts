/**
 * Figures in one block of text, each with a value to match: integers and decimals with
 * the language's separators, percentages (12%, 12 per cent, 12 Prozent), money (€48
 * million, $3.2bn, £1.5m, 48 Mio. Euro, 48 millions d’euros), ranges (25,000 to 90,000,
 * 25,000–90,000, between €25,000 and €90,000), dates, years standing alone ("in 2028"),
 * cheap number words (two to twenty, a dozen, a third) and multiples (twice, three times,
 * a class of their own). Not figures: ordinals (2nd, ninth), decades (1950s), times
 * (10:30), codes (COVID-19, Q3), the year or day inside a date (the date is one figure),
 * list and section numbers at a line's start.
 *
 * Just over 300 lines: the figure patterns (digits, words, money, ranges, dates) share one
 * scan of the text and its masks, so they stay together.
 */
import type { FigureValue, TextRange } from './claim-types';
import { contentStem, isStopword, stem } from './content-words';
import { findDates } from './dates';
import { CURRENCY_AFTER, CURRENCY_BEFORE, FRACTION_WORDS, NUMBER_WORDS, PERCENT_AFTER, SCALES, numberLength, parseNumber, type NumberStyle } from './numbers';
import { foldWord, type Words } from './tokens';

/** A figure found in text. */
export interface FigureSpan {
  start: number;
  end: number;
  figure: FigureValue;
}

// One alternation of plain words, no `u` flag, no lookbehind: this runs over whole sources. Word edges and
// what stands before a "dozen" or a fraction ("a", "two") are checked by hand.
const NUMBER_WORD_SOURCE = `\\b(?:${Object.keys(NUMBER_WORDS).join('|')}|dozen|half|thirds?|quarters?|fifths?|tenths?|twice|thrice)\\b`;
// Matched on the lower-cased text (a case-sensitive pattern is much faster); with the `i` flag when lower-casing changes the length.
const NUMBER_WORD_RE = new RegExp(NUMBER_WORD_SOURCE, 'g');
const NUMBER_WORD_RE_ANY_CASE = new RegExp(NUMBER_WORD_SOURCE, 'gi');
const NUMBER_WORD_AT = new RegExp(NUMBER_WORD_SOURCE, 'iy');
/** The number words as a source's words hold them (folded), for `FigureHints`. */
export const NUMBER_WORD_FORMS = new Set(
  [...Object.keys(NUMBER_WORDS), 'dozen', 'half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths', 'twice', 'thrice'].map((w) =>
    w.normalize('NFD').replace(/\p{M}/gu, ''),
  ),
);

/** Where a text's numbers and number words start, when its words are known: no need to search for them. */
export interface FigureHints {
  numberStarts: ArrayLike<number>;
  wordStarts: ArrayLike<number>;
}

const COMPOUND_TAIL = /^-(?:one|two|three|four|five|six|seven|eight|nine)(?![\p{L}])/u;
const COUNT_BEFORE: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const isLetter = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : /\p{L}/u.test(c);
};
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u202f' || c === '\u2009';

/**
 * A sticky twin of a `^`-anchored pattern, to try it at a place in the whole text instead
 * of on a slice from there: sources have thousands of numbers, and a slice per pattern per
 * number was most of the garbage of indexing one. The patterns match at most a few words,
 * well inside the 40 characters a slice held, so the answers are the same.
 */
function stickyTwin(re: RegExp): RegExp {
  if (!re.source.startsWith('^')) throw new Error(`Pattern ${re.source} is not anchored at its start.`);
  return new RegExp(re.source.slice(1), `${re.flags}y`);
}

/** The length of `re` (sticky) matched at `at` in `text`, or -1. */
function lengthAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex - at : -1;
}

const NOUN_WINDOW = 60;
const WORD_AFTER = /^[\s\u00a0\u202f-]*([\p{L}][\p{L}'’]*)/u;
const WORD_AFTER_AT = stickyTwin(WORD_AFTER);

/** The next word after `at` as read within text[…, limit): the whole text when the word ends inside the window, else the window (as a slice would). */
function wordAfter(text: string, at: number, limit: number): { word: string; end: number } | null {
  WORD_AFTER_AT.lastIndex = at;
  let m = WORD_AFTER_AT.exec(text);
  if (m && at + m[0].length <= limit) return { word: m[1]!, end: at + m[0].length };
  if (!m) return null;
  // The word runs past the window: read it as cut there.
  m = WORD_AFTER.exec(text.slice(at, limit));
  return m ? { word: m[1]!, end: at + m[0].length } : null;
}

/** Words that stand between a number and the noun it counts ("14 new cranes", "neue Kräne", "nouvelles grues"): skipped when looking for the noun. */
const MODIFIERS = new Set(
  [
    'new additional extra further more other electric electrical container modern large larger small smaller big bigger old older major existing current planned proposed',
    'full part remaining permanent temporary local', 'neue neuen neuer weitere weiteren zusätzliche zusätzlichen elektrische', 'nouveaux nouvelles nouveau nouvelle autres supplémentaires',
    'nieuwe extra andere novos novas outros outras',
  ]
    .join(' ')
    .split(/\s+/),
);
const OF_WORDS = new Set(['of', 'de', 'd', 'von', 'der', 'des', 'du']);

/**
 * The noun a figure counts, and the words it is read from: the first content word within a
 * few words after the number that is not a modifier ("14 ship-to-shore cranes", "14 new
 * cranes" → "crane"; "99,000 eligible households" → "eligible"), skipping "of". Hyphenated
 * modifiers and common adjectives are passed over in every language; the words read (at most
 * four) let two figures agree when one says "cranes" and the other "container cranes".
 */
function nounAfter(text: string, from: number): { noun: string; window: string[] } | undefined {
  const limit = Math.min(text.length, from + NOUN_WINDOW);
  let at = from;
  let noun: string | undefined;
  const window: string[] = [];
  for (let hops = 0; hops < 6 && window.length < 4; hops++) {
    const next = wordAfter(text, at, limit);
    if (!next) break;
    const word = foldWord(next.word);
    let end = next.end;
    // A hyphenated modifier ("ship-to-shore", "long-haul"): read to its end and pass over it.
    let compound = false;
    while (text[end] === '-' && isLetter(text[end + 1]) && end < limit) {
      const part = wordAfter(text, end, limit);
      if (!part) break;
      end = part.end;
      compound = true;
    }
    at = end;
    if (compound) continue;
    if (isStopword(word)) {
      if (hops === 0 && OF_WORDS.has(word)) continue;
      break;
    }
    const s = stem(word);
    window.push(s);
    if (noun === undefined && !MODIFIERS.has(word)) noun = s;
  }
  if (!window.length) return undefined;
  return { noun: noun ?? window[0]!, window };
}

function setNoun(figure: FigureValue, text: string, from: number): void {
  const found = nounAfter(text, from);
  if (!found) return;
  figure.noun = found.noun;
  if (found.window.length > 1) figure.nounWindow = found.window;
}

interface Suffix {
  end: number;
  factor: number;
  unit: 'percent' | 'points' | 'times' | null;
  currency?: string;
}

const skipSpace = (text: string, q: number) => (isSpace(text[q]) ? q + 1 : q);
const PERCENT_AT = PERCENT_AFTER.map(([re, unit]) => [stickyTwin(re), unit] as const);
const SCALES_AT = SCALES.map((scale) => ({ ...scale, pattern: stickyTwin(scale.pattern) }));
const CURRENCY_AT = CURRENCY_AFTER.map(([re, code]) => [stickyTwin(re), code] as const);

/** What follows a number: percent or a multiple, or a scale and a currency ("million", "Mio. Euro", "millions d’euros", "bn"). */
function readSuffix(text: string, at: number, currencyBefore: string | undefined): Suffix {
  let p = at;
  const lead = text[skipSpace(text, p)];
  // Most numbers are followed by a plain word or punctuation: no regex for them.
  if (lead === undefined || !(lead === '%' || lead === '€' || lead === '$' || lead === '£' || /[pPmMbBkKtTeEdDgGcCfFrRuUSv]/.test(lead))) {
    return currencyBefore ? { end: p, factor: 1, unit: null, currency: currencyBefore } : { end: p, factor: 1, unit: null };
  }
  for (const [re, unit] of PERCENT_AT) {
    const length = lengthAt(re, text, skipSpace(text, p));
    if (length >= 0) return { end: skipSpace(text, p) + length, factor: 1, unit };
  }
  let factor = 1;
  for (const scale of SCALES_AT) {
    const q = skipSpace(text, p);
    const length = lengthAt(scale.pattern, text, q);
    if (length < 0) continue;
    const after = skipSpace(text, q + length);
    const currencyAfter = CURRENCY_AT.some(([re]) => lengthAt(re, text, after) >= 0);
    if (scale.needsCurrency && !currencyBefore && !currencyAfter) continue;
    factor = scale.factor;
    p = q + length;
    break;
  }
  let currency = currencyBefore;
  if (!currency) {
    const q = skipSpace(text, p);
    for (const [re, code] of CURRENCY_AT) {
      const length = lengthAt(re, text, q);
      if (length >= 0) {
        currency = code;
        p = q + length;
        break;
      }
    }
  }
  return currency ? { end: p, factor, unit: null, currency } : { end: p, factor, unit: null };
}

const YEAR_BEFORE = /(?:^|[^\p{L}])(?:in|by|since|until|till|from|to|before|after|during|of|early|late|mid|spring|summer|autumn|fall|winter|year|im|bis|seit|ab|vor|nach|jahr|en|depuis|jusqu'en|dès|de|em|desde|até|sinds|tot|van)[\s\u00a0]+$/iu;

/**
 * Whether a four-digit number from 1800 to 2100 is a year: after "in", "by", "seit", "en"…
 * always; in languages that group thousands ("2.000 Arbeiter", "2 000 ouvriers") always;
 * in English, unless a noun it counts follows ("2000 workers").
 */
function isYear(text: string, start: number, end: number, style: NumberStyle): boolean {
  if (YEAR_BEFORE.test(text.slice(Math.max(0, start - 14), start)) || style === 'comma') return true;
  const next = /^[\s\u00a0]*([\p{Ll}][\p{L}]*)/u.exec(text.slice(end, end + 30))?.[1];
  return !next || isStopword(foldWord(next)) || next.endsWith('ly');
}

interface NumberRead extends FigureSpan {
  /** Where the digits end (before any scale, percent or currency). */
  digitsEnd: number;
  factor: number;
}

/** "10 Uhr": a time, not a figure. */
const UHR_AT = stickyTwin(/^\s?Uhr(?![\p{L}])/u);

/** Whether only spaces or tabs stand between the line's start (or 8 characters back) and `i`. */
function lineStartBefore(text: string, i: number): boolean {
  const from = Math.max(0, i - 8);
  let j = i;
  while (j > from && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  return j === from || text[j - 1] === '\n';
}

/** Whether a range could go on after `at`: a digit or currency sign within the 12 characters a join is read from. */
function numberSoonAfter(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 12);
  for (let k = at; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 0x20ac || c === 36 || c === 0xa3) return true;
  }
  return false;
}

/** A number in digits at i, read with what surrounds it; null when it is not a figure (ordinal, code, time, decade). */
function readNumber(text: string, i: number, style: NumberStyle, rangeEnd = false): NumberRead | null {
  const prev = text[i - 1];
  if (isLetter(prev) || isDigit(prev) || prev === '/' || prev === ':' || prev === '#' || prev === '.' || prev === ',') return null;
  // After a dash that follows a word or number ("COVID-19", "2016–17"): a code, or the end of a range read as such.
  if (!rangeEnd && (prev === '-' || prev === '\u2010' || prev === '\u2013') && /[\p{L}\p{N}]/u.test(text[i - 2] ?? '')) return null;
  const digitsEnd = i + numberLength(text, i);
  const raw = text.slice(i, digitsEnd);
  // A list or section number at the start of a line ("3. The authority…", "2) Costs", "1.2 Enrolment") is not a figure.
  if (lineStartBefore(text, i)) {
    if (/^[.)][ \t]/.test(text.slice(digitsEnd, digitsEnd + 2)) || (/^\d{1,2}\.\d{1,2}$/.test(raw) && /^[ \t]+\p{Lu}/u.test(text.slice(digitsEnd, digitsEnd + 3)))) return null;
  }
  const c = text[digitsEnd];
  if (c !== undefined && c !== ' ' && c !== ',') {
    const next = text.slice(digitsEnd, digitsEnd + 8);
    // A school or financial year ("2016/17") is its first year.
    if (/^\/\d{2}(?!\d)/.test(next) && /^(?:18|19|20)\d\d$/.test(raw)) return { start: i, end: digitsEnd + 3, figure: { class: 'year', value: Number(raw), step: 1 }, digitsEnd, factor: 1 };
    if (/^(?:[/:]\d|h\d\d)/.test(next)) return null;
    if (/^(?:st|nd|rd|th|er|ème|eme|e|re)(?![\p{L}])/u.test(next) || /^['’]?s(?![\p{L}])/u.test(next)) return null;
    if (style === 'comma' && /^\.\s\p{Lu}/u.test(next) && !raw.includes('.') && raw.length <= 2) return null;
  } else if (lengthAt(UHR_AT, text, digitsEnd) >= 0) return null;
  const currencyBefore = prev !== undefined && prev !== '(' && prev !== '\n' && (prev !== ' ' || /[€$£¥A-Z.]/.test(text[i - 2] ?? '')) ? CURRENCY_BEFORE.find(([re]) => re.test(text.slice(Math.max(0, i - 4), i)))?.[1] : undefined;
  const parsed = parseNumber(raw, style);
  const suffix = readSuffix(text, digitsEnd, currencyBefore);
  if (suffix.end === digitsEnd && isLetter(text[digitsEnd])) return null;
  const value = parsed.value * suffix.factor;
  const step = parsed.step * suffix.factor;
  let figure: FigureValue;
  if (suffix.unit) figure = { class: suffix.unit, value, step };
  else if (suffix.currency) figure = { class: 'money', value, step, currency: suffix.currency };
  else {
    figure = /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100 && suffix.factor === 1 && isYear(text, i, suffix.end, style) ? { class: 'year', value, step: 1 } : { class: 'count', value, step };
  }
  if (figure.class !== 'year') setNoun(figure, text, suffix.end);
  const start = currencyBefore ? i - /(?:US\$|\$US|R\$|CHF|Fr\.|EUR|USD|GBP|JPY|[€$£¥])\s?$/.exec(text.slice(Math.max(0, i - 4), i))![0].length : i;
  return { start, end: suffix.end, figure, digitsEnd, factor: suffix.factor };
}

const RANGE_JOIN = /^[\s\u00a0]*(?:[–—-]|to|bis|à|a|até|tot)[\s\u00a0]*(?=[€$£\d])/u;
const BETWEEN_JOIN = /^[\s\u00a0]*(?:and|und|et|e|en)[\s\u00a0]+(?=[€$£\d])/u;

/** Where `text` has a number word, by the pattern. */
function numberWordMatches(text: string): RegExpExecArray[] {
  const lower = text.toLowerCase();
  const [re, haystack] = lower.length === text.length ? [NUMBER_WORD_RE, lower] : [NUMBER_WORD_RE_ANY_CASE, text];
  re.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let m = re.exec(haystack); m; m = re.exec(haystack)) matches.push(m);
  return matches;
}

/** The number word at each of `starts` (where the caller's words say one is). */
function numberWordsAt(text: string, starts: ArrayLike<number>): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (let k = 0; k < starts.length; k++) {
    NUMBER_WORD_AT.lastIndex = starts[k]!;
    const m = NUMBER_WORD_AT.exec(text);
    if (m) matches.push(m);
  }
  return matches;
}

const FRACTION_AFTER = /^[-\u2010](thirds|quarters|fifths|tenths)(?![\p{L}])/iu;
/** "the two sides", "die beiden Seiten", "les deux camps": the parties to a dispute, not a count of them. */
const SIDES_AFTER = /^[\s\u00a0]+(?:sides|camps|parties|seiten|lager|parteien|camps|côtés|parties|partijen|kanten|lados|partes)(?![\p{L}])/iu;
/** "two years ago", "vor zwei Jahren", "il y a deux ans": a time counted back from the day of writing, which no source states so. */
const AGO_AFTER = /^[\s\u00a0]+(?:days|weeks|months|years|decades)[\s\u00a0]+ago(?![\p{L}])/iu;
const AGO_BEFORE = /(?:(?:^|[^\p{L}])vor|il y a|há)[\s\u00a0]+$/iu;
const AGO_UNIT_AFTER = /^[\s\u00a0]+(?:tagen|wochen|monaten|jahren|jahrzehnten|jours|semaines|mois|ans|années|dias|semanas|meses|anos)(?![\p{L}])/iu;

/**
 * Number words in set phrases that are no quantity of record: "the two sides" (of a
 * dispute), "two years ago". Real counts ("twelve crews", "two sides of beef" aside) stay.
 */
function setPhrase(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (SIDES_AFTER.test(after) && /(?:^|[^\p{L}])(?:the|both|these|those|die|beiden|les|ces|de|os|as)[\s\u00a0]+$/iu.test(text.slice(Math.max(0, start - 10), start))) return true;
  if (AGO_AFTER.test(after)) return true;
  return AGO_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && AGO_UNIT_AFTER.test(after);
}

/** Number words: "five working days", "a dozen", "two thirds", "three-quarters". */
function findNumberWords(text: string, wordStarts?: ArrayLike<number>): FigureSpan[] {
  const found: FigureSpan[] = [];
  for (const m of wordStarts ? numberWordsAt(text, wordStarts) : numberWordMatches(text)) {
    let start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1];
    const after = text[end];
    if ((before !== undefined && /[\p{L}\p{N}'’-]/u.test(before)) || (after !== undefined && /[\p{L}\p{N}'’]/u.test(after)) || COMPOUND_TAIL.test(text.slice(end, end + 7))) continue;
    const word = m[0].toLowerCase();
    let figure: FigureValue;
    let to = end;
    const times = /^\s+(?:times|fois|vezes|keer)(?![\p{L}])/u.exec(text.slice(end, end + 8));
    if (word === 'twice' || word === 'thrice' || (times && NUMBER_WORDS[word] !== undefined)) {
      // A multiple ("twice", "three times") is a class of its own: "two or three times" never backs "two".
      figure = { class: 'times', value: word === 'twice' ? 2 : word === 'thrice' ? 3 : NUMBER_WORDS[word]!, step: 1, inWords: true };
      if (times) to = end + times[0].length;
    } else if (word === 'dozen' || FRACTION_WORDS[word] !== undefined) {
      // "a dozen", "two dozen", "a third", "two thirds": the count stands before.
      const lead = /(a|one|two|three|four|five|six)(\s+)$/i.exec(text.slice(Math.max(0, start - 8), start));
      const count = lead ? COUNT_BEFORE[lead[1]!.toLowerCase()]! : 0;
      if (!lead || !count || (word !== 'dozen' && count > 3)) continue;
      start -= lead[1]!.length + lead[2]!.length;
      if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
      // The count word was read as a figure of its own ("two" of "two thirds"): it is part of this one.
      if (found.length && found[found.length - 1]!.end > start) found.pop();
      figure = word === 'dozen' ? { class: 'count', value: 12 * count, step: 1, inWords: true } : { class: 'percent', value: count * FRACTION_WORDS[word]!, step: 1, inWords: true };
    } else {
      const value = NUMBER_WORDS[word] ?? 0;
      const fraction = FRACTION_AFTER.exec(text.slice(end, end + 12));
      const share = fraction ? value * FRACTION_WORDS[fraction[1]!.toLowerCase()]! : 0;
      if (fraction && share <= 100) {
        // "three-quarters of", "two-thirds": a share, read whole.
        figure = { class: 'percent', value: share, step: 1, inWords: true };
        to = end + fraction[0].length;
      } else {
        if (setPhrase(text, start, end)) continue;
        figure = { class: 'count', value, step: 1, inWords: true };
      }
    }
    if (figure.class === 'count') setNoun(figure, text, end);
    found.push({ start, end: to, figure });
  }
  return found;
}

/** Where each number starts: the first digit after something that is not a digit. */
function digitStarts(text: string): number[] {
  const starts: number[] = [];
  const digits = /\d+/g;
  for (let m = digits.exec(text); m; m = digits.exec(text)) starts.push(m.index);
  return starts;
}

/**
 * Every figure of `text`, in order. Figures starting inside a `masked` range (quotes,
 * editor notes) are left out: a quote is checked as a whole.
 */
export function findFigures(text: string, style: NumberStyle, masked: TextRange[] = [], hints?: FigureHints): FigureSpan[] {
  const numberStarts = hints?.numberStarts ?? digitStarts(text);
  const taken: FigureSpan[] = [...findDates(text, numberStarts), ...findNumberWords(text, hints?.wordStarts)].sort((a, b) => a.start - b.start);
  const found: FigureSpan[] = [];
  let t = 0;
  let done = 0;
  for (let k = 0; k < numberStarts.length; k++) {
    const i = numberStarts[k]!;
    if (i < done) continue;
    while (t < taken.length && taken[t]!.end <= i) t++;
    if (t < taken.length && taken[t]!.start <= i) continue;
    const first = readNumber(text, i, style);
    if (!first) continue;
    done = first.end;
    if (!numberSoonAfter(text, first.end)) {
      found.push({ start: first.start, end: first.end, figure: first.figure });
      continue;
    }
    const before = text.slice(Math.max(0, first.start - 12), first.start);
    const between = /(?:between|zwischen|entre|tussen)[\s\u00a0]+$/i.test(before);
    const join = (between ? BETWEEN_JOIN : /(?:from|von|de|van)[\s\u00a0]+$/i.test(before) ? null : RANGE_JOIN)?.exec(text.slice(first.end, first.end + 12));
    const at = join ? first.end + join[0].length : -1;
    const secondStart = at >= 0 && /^[€$£]/.test(text[at] ?? '') ? at + 1 : at;
    const second = secondStart >= 0 && isDigit(text[secondStart]) ? readNumber(text, secondStart, style, true) : null;
    // "25 to 30 million": the first end takes the second's scale and unit.
    const low = second && first.factor === 1 && first.end === first.digitsEnd ? first.figure.value * second.factor : first.figure.value;
    if (second && second.figure.value > low && (second.figure.class === first.figure.class || first.end === first.digitsEnd)) {
      const figure: FigureValue = { ...second.figure, value: low, high: second.figure.value, step: Math.min(first.figure.step * (low / first.figure.value || 1), second.figure.step) };
      found.push({ start: first.start, end: second.end, figure });
      done = second.end;
      continue;
    }
    found.push({ start: first.start, end: first.end, figure: first.figure });
  }
  const all = [...found, ...taken].sort((a, b) => a.start - b.start);
  if (!masked.length) return all;
  return all.filter((f) => !masked.some((m) => f.start >= m.start && f.start < m.end));
}

/** The index of the word holding or following `offset`. */
export function wordAt(words: Words, offset: number): number {
  let lo = 0;
  let hi = words.norms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The content words within `radius` words either side of [start, end): what a figure is about. */
export function contextStems(words: Words, start: number, end: number, radius: number): string[] {
  const first = wordAt(words, start);
  let after = first;
  const count = words.norms.length;
  while (after < count && words.starts[after]! < end) after++;
  const stems: string[] = [];
  for (let k = Math.max(0, first - radius); k < Math.min(count, after + radius); k++) {
    if (k >= first && k < after) continue;
    const s = contentStem(words.norms[k]!);
    if (s) stems.push(s);
  }
  return stems;
}
