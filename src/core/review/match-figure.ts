/**
 * Finding a figure in a source. The same value in the same class (99,000 = 99 000 =
 * 99.000 in German; €1.5m = 1,500,000 euros; 12% = 12 per cent) backs a figure when the
 * words around it agree: the noun after it, or two content words shared within ten words
 * either side. A distinctive value (money, three or more significant digits, a decimal, a
 * day and month) needs only that nothing disagrees (no other noun after it); a small number
 * (two to twenty, in words or digits) needs the words to agree. A value that is the source's rounded (38,000 for 37,600) or within 3 %
 * of it (74 for 72 minutes) is close, when the words agree.
 */
import type { FigureValue } from '../../document/claims/claim-types';
import { figureKey } from '../../document/claims/figure-key';
import { contextStems } from '../../document/claims/figures';
import { classKey, type SourceFigure, type SourceIndex } from './source-index';

/** How far apart two figures may be and still be the same one, rounded. */
const TOLERANCE = 0.03;
/** Words either side of a figure that say what it is about. */
export const CONTEXT_WORDS = 10;

/** A figure found in a source, and how well the words around it agree. */
export interface FigureMatch {
  found: SourceFigure;
  exact: boolean;
  shared: string[];
  similarity: number;
}

/** What the article says around a figure: its content words. */
export interface FigureQuery {
  figure: FigureValue;
  /** `figureKey(figure)`, worked out once for every source. */
  key: string;
  stems: string[];
}

const significantDigits = (value: number) => String(Math.round(Math.abs(value) * 1000) / 1000).replace(/[.-]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;

/** A value too particular to turn up by chance about something else. */
function distinctive(figure: FigureValue): boolean {
  if (figure.inWords) return false;
  if (figure.class === 'money') return true;
  if (figure.class === 'date') return figure.value % 100 !== 0;
  if (figure.class === 'year') return false;
  return !Number.isInteger(figure.value) || significantDigits(figure.value) >= 3;
}

const small = (figure: FigureValue) => figure.inWords || (figure.class === 'count' && figure.value <= 20);

/** Whether two values are one figure, one of them rounded: to the other's step, or within 3 %. */
function roundedAlike(a: number, aStep: number, b: number, bStep: number): boolean {
  if (a === b) return true;
  const near = (x: number, step: number, y: number) => step > 0 && Math.abs(Math.round(y / step) * step - x) < step * 1e-9 + 1e-9;
  if (near(a, aStep, b) || near(b, bStep, a)) return true;
  return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

interface Agreement {
  shared: string[];
  strong: boolean;
  sameNoun: boolean;
  /** Both are counts of something, and not the same thing ("37,600 members", "37,600 containers"). */
  contrary: boolean;
}

function agreement(query: FigureQuery, found: SourceFigure, index: SourceIndex): Agreement {
  // The same source figure is weighed for many claims: its words are read once.
  const aroundSet = (found.around ??= new Set(contextStems(index.words, found.start, found.end, CONTEXT_WORDS)));
  const shared = [...new Set(query.stems.filter((s) => aroundSet.has(s)))];
  const noun = query.figure.noun;
  const other = found.figure.noun;
  // The counted noun is read within a few words either side ("14 cranes" is "14 ship-to-shore cranes", "14 new container cranes").
  const sameNoun = noun !== undefined && other !== undefined && (noun === other || (found.figure.nounWindow?.includes(noun) ?? false) || (query.figure.nounWindow?.includes(other) ?? false));
  const nounAgrees = sameNoun || (noun !== undefined && aroundSet.has(noun)) || (other !== undefined && query.stems.includes(other));
  // Only a count says what it counts with the next word; after money it is what the money is for ("the €48 million plant").
  const contrary = query.figure.class === 'count' && noun !== undefined && other !== undefined && !nounAgrees;
  if (small(query.figure)) {
    // A small number is everywhere: it needs the same noun ("two pages"), or, lacking nouns, the same words around it.
    const strong = sameNoun || ((noun === undefined || other === undefined) && shared.length >= 2);
    return { shared, strong, sameNoun, contrary };
  }
  return { shared, strong: nounAgrees || shared.length >= 2, sameNoun, contrary };
}

/** Same day and month; the same year when both give one. */
function sameDate(a: FigureValue, b: FigureValue): boolean {
  return a.value === b.value && (a.year === undefined || b.year === undefined || a.year === b.year);
}

/** Candidates for a rounded match: same class, value within the tolerance or a rounding step. */
function roundedCandidates(figure: FigureValue, index: SourceIndex): SourceFigure[] {
  const list = index.figuresByClass.get(classKey(figure));
  if (!list) return [];
  const reach = Math.max(Math.abs(figure.value) * TOLERANCE * 1.01, figure.step);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.figure.value < figure.value - reach) lo = mid + 1;
    else hi = mid;
  }
  const out: SourceFigure[] = [];
  for (let k = lo; k < list.length && list[k]!.figure.value <= figure.value + reach; k++) out.push(list[k]!);
  return out;
}

/**
 * The figure in this source. `exact`: the same value, its words agreeing (or the value
 * distinctive); `unrelated` says the value is there but about something else. `near`: a
 * rounded value whose words agree.
 */
export function findFigure(query: FigureQuery, index: SourceIndex, pass: 'exact' | 'near'): { match: FigureMatch | null; unrelated: SourceFigure | null } {
  const { figure } = query;
  let best: FigureMatch | null = null;
  let bestScore = -1;
  let unrelated: SourceFigure | null = null;
  if (pass === 'near') return { match: roundedMatch(query, index), unrelated: null };
  const exact = figure.class === 'date' ? (index.figuresByClass.get('date') ?? []).filter((d) => sameDate(figure, d.figure)) : (index.figuresByKey.get(query.key) ?? []);
  for (const found of exact) {
    const { shared, strong, sameNoun, contrary } = agreement(query, found, index);
    const weak = shared.length >= 1;
    if (strong || (weak && !small(figure)) || (distinctive(figure) && !contrary)) {
      const score = (strong ? 100 : 0) + (sameNoun ? 50 : 0) + shared.length;
      if (score > bestScore) {
        best = { found, exact: true, shared, similarity: 1 };
        bestScore = score;
      }
    } else unrelated ??= found;
  }
  return { match: best, unrelated: best ? null : unrelated };
}

/** A figure the source gives rounded (or the article does), the words around it agreeing. */
function roundedMatch(query: FigureQuery, index: SourceIndex): FigureMatch | null {
  const { figure } = query;
  if (figure.class === 'year' || figure.class === 'date' || small(figure)) return null;
  let best: FigureMatch | null = null;
  let bestScore = -Infinity;
  for (const found of roundedCandidates(figure, index)) {
    const other = found.figure;
    if (other.inWords || (figure.high !== undefined) !== (other.high !== undefined)) continue;
    if (!roundedAlike(figure.value, figure.step, other.value, other.step)) continue;
    if (figure.high !== undefined && !roundedAlike(figure.high, figure.step, other.high!, other.step)) continue;
    const { shared, strong, sameNoun } = agreement(query, found, index);
    if (!strong) continue;
    const difference = Math.abs(figure.value - other.value) / Math.max(Math.abs(figure.value), Math.abs(other.value), 1e-9);
    const score = (sameNoun ? 50 : 0) + shared.length - difference * 10;
    if (score > bestScore) {
      best = { found, exact: false, shared, similarity: 1 - difference };
      bestScore = score;
    }
  }
  return best;
}

/** For a range in the article: both ends stand as figures within fifteen words of each other in the source. */
export function findRangeEnds(figure: FigureValue, index: SourceIndex): [SourceFigure, SourceFigure] | null {
  if (figure.high === undefined) return null;
  const single = (value: number): FigureValue => ({ class: figure.class, value, step: figure.step, ...(figure.currency ? { currency: figure.currency } : {}) });
  const lows = index.figuresByKey.get(figureKey(single(figure.value))) ?? [];
  const highs = index.figuresByKey.get(figureKey(single(figure.high))) ?? [];
  for (const low of lows) for (const high of highs) if (high.token > low.token && high.token - low.token <= 15) return [low, high];
  return null;
}
