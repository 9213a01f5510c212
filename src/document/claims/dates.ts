/**
 * Dates in text ("6 November 2026", "November 6", "6. November", "9 décembre",
 * "12 de novembro de 2026", "2026-11-06", "06.11.2026", "October 2025"): one figure each,
 * so the year or day inside a date is never read as a figure of its own.
 */
import type { FigureValue } from './claim-types';

const MONTHS: Array<[number, string[]]> = [
  [1, ['January', 'Jan.', 'Januar', 'Jänner', 'janvier', 'januari', 'janeiro', 'enero']],
  [2, ['February', 'Feb.', 'Februar', 'février', 'februari', 'fevereiro', 'febrero']],
  [3, ['March', 'Mar.', 'März', 'mars', 'maart', 'março', 'marzo']],
  [4, ['April', 'Apr.', 'avril', 'april', 'abril']],
  [5, ['May', 'Mai', 'mai', 'mei', 'maio', 'mayo']],
  [6, ['June', 'Jun.', 'Juni', 'juin', 'juni', 'junho', 'junio']],
  [7, ['July', 'Jul.', 'Juli', 'juillet', 'juli', 'julho', 'julio']],
  [8, ['August', 'Aug.', 'août', 'augustus', 'agosto']],
  [9, ['September', 'Sept.', 'Sep.', 'Sept', 'septembre', 'september', 'setembro', 'septiembre']],
  [10, ['October', 'Oct.', 'Oktober', 'octobre', 'oktober', 'outubro', 'octubre']],
  [11, ['November', 'Nov.', 'novembre', 'november', 'novembro', 'noviembre']],
  [12, ['December', 'Dec.', 'Dezember', 'décembre', 'december', 'dezembro', 'diciembre']],
];

const MONTH_OF = new Map<string, number>();
for (const [month, names] of MONTHS) for (const name of names) MONTH_OF.set(name, month);
const escape = (s: string) => s.replace(/[.]/g, '\\.');
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
const END = '(?![\\p{L}\\p{N}])';

type Read = { day: number; month: number; year?: number };

// Sticky patterns, tried only where a date can start: at a number, or at a month name before one.
const AT_NUMBER: Array<{ re: RegExp; read: (m: RegExpExecArray) => Read }> = [
  { re: new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})${END}`, 'uy'), read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  { re: new RegExp(`(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${END}`, 'uy'), read: (m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }) },
  {
    re: new RegExp(`(\\d{1,2})(?:\\.|st|nd|rd|th|er)?\\s+(?:de\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?(\\d{4}))?${END}`, 'uy'),
    read: (m) => ({ day: Number(m[1]), month: MONTH_OF.get(m[2]!) ?? 0, year: m[3] ? Number(m[3]) : undefined }),
  },
];
const AT_MONTH: Array<{ re: RegExp; read: (m: RegExpExecArray) => Read }> = [
  {
    re: new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?:,?\\s+(\\d{4})${END})?`, 'uy'),
    read: (m) => ({ month: MONTH_OF.get(m[1]!) ?? 0, day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined }),
  },
  { re: new RegExp(`${MONTH}\\s+(?:de\\s+)?(\\d{4})${END}`, 'uy'), read: (m) => ({ month: MONTH_OF.get(m[1]!) ?? 0, day: 0, year: Number(m[2]) }) },
];

/** A date found in text. */
export interface DateSpan {
  start: number;
  end: number;
  figure: FigureValue;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

function tryAt(text: string, at: number, patterns: typeof AT_NUMBER): DateSpan | null {
  for (const { re, read } of patterns) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const date = read(m);
    if (date.month < 1 || date.month > 12 || date.day > 31 || date.day < 0) continue;
    if (date.year !== undefined && (date.year < 1000 || date.year > 2999)) continue;
    const figure: FigureValue = { class: 'date', value: date.month * 100 + date.day, step: 1 };
    if (date.year !== undefined) figure.year = date.year;
    return { start: at, end: at + m[0].length, figure };
  }
  return null;
}

/** Where the month name (as MONTHS spells it) before `at` starts, across spaces and a Portuguese "de"; -1 if none. */
function monthBefore(text: string, at: number, hops = 0): number {
  let j = at;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  if (j === at) return -1;
  const end = j;
  while (j > 0 && (isWordChar(text[j - 1]) || (text[j - 1] === '.' && j === end))) j--;
  if (isWordChar(text[j - 1])) return -1;
  const word = text.slice(j, end);
  if (word === 'de' && hops === 0) return monthBefore(text, j, 1);
  return MONTH_OF.has(word) ? j : -1;
}

/** Where runs of digits start in `text`. */
function digitRuns(text: string): number[] {
  const starts: number[] = [];
  const digits = /\d+/g;
  for (let m = digits.exec(text); m; m = digits.exec(text)) starts.push(m.index);
  return starts;
}

/**
 * Every date in `text`, in order, none overlapping. Looks only where numbers start: at
 * `numberStarts` when the caller knows them (a source's words do), else at every run of digits.
 */
export function findDates(text: string, numberStarts: ArrayLike<number> = digitRuns(text)): DateSpan[] {
  const found: DateSpan[] = [];
  for (let k = 0; k < numberStarts.length; k++) {
    const at = numberStarts[k]!;
    if (found.length && at < found[found.length - 1]!.end) continue;
    const before = text[at - 1];
    let date: DateSpan | null = null;
    const monthStart = monthBefore(text, at);
    if (monthStart >= 0 && (!found.length || monthStart >= found[found.length - 1]!.end)) date = tryAt(text, monthStart, AT_MONTH);
    if (!date && !isWordChar(before) && before !== '.' && before !== ',') date = tryAt(text, at, AT_NUMBER);
    if (date) found.push(date);
  }
  return found;
}
