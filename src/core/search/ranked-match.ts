/**
 * A query's words looked up in the index and ranked: scored as MiniSearch's own search()
 * scores the same query (BM25 in each field times the field's boost, prefix and fuzzy
 * matches weighed down by their distance, every word required, ties in the same order),
 * but into flat arrays. search() makes an object for each matching article and term and
 * sorts them all: for a common word, thousands of objects a keystroke for a page of 50.
 * Here the total is a count, and only the hits asked for become objects.
 *
 * One difference, on purpose: a prefix of three or four letters (the word is still being
 * typed) stands for at most PREFIX_TERMS words of the index, those in the most articles,
 * not for every word it starts. A rarer word is reached by its next letters, and always
 * by itself once typed whole. A short prefix of a real newsroom's vocabulary ("con",
 * "pre") starts thousands of words, each scored in every article that has it.
 */
import type { SearchField } from '../../shared/library';
import type { Postings, ScoringState, TermTree } from './engine-internals';

/** How many of the index's words a short prefix stands for at most. */
export const PREFIX_TERMS = 50;
/** Prefixes shorter than this are short. */
const SHORT_PREFIX = 5;

// MiniSearch's defaults, which the index does not change: the weights of a prefix and of
// a fuzzy match, and BM25's parameters.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

/** A match as the index found it: the terms of the document that matched, and where. */
export interface EngineHit {
  id: string;
  score: number;
  /** Terms of the document that matched (`council` for a query `coun`). */
  terms: string[];
  fields: SearchField[];
}

/** One term of a query: looked up exactly, and by prefix, and within `fuzzy` edits (0: none). */
export interface TermQuery {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

/**
 * The query as a tree, every level required (AND): groups (the loose words, the words of
 * the phrases), each of words, each of one or more terms (`state-run` is two).
 */
export type QueryTree = TermQuery[][][];

/** Articles found by a part of the query: their short ids in the order first found, and scores. */
interface Found {
  docs: number[];
  has: Uint8Array;
  score: Float64Array;
}

/** A term of the index that a term of the query matched, and its postings. */
interface Derived {
  term: string;
  postings: Postings;
}

/** The articles holding every part of `tree` that `accept` lets through, best first. */
export function rankMatches(state: ScoringState, tree: QueryTree, boosts: Record<SearchField, number>, accept: (id: string) => boolean): RankedMatches {
  const fields = (Object.keys(boosts) as SearchField[]).flatMap((field) => {
    const fieldId = state.fieldIds[field];
    return fieldId === undefined ? [] : [{ field, fieldId, boost: boosts[field] }];
  });
  const derived: Derived[] = [];
  const sourceTerms = new Set<string>();
  const all = <T>(parts: T[], find: (part: T) => Found): Found => {
    if (!parts.length) return nothing(state.nextId);
    let found = find(parts[0]!);
    for (const part of parts.slice(1)) found = both(found, find(part));
    return found;
  };
  const found = all(tree, (group) =>
    all(group, (word) =>
      all(word, (query) => {
        sourceTerms.add(query.term);
        return termMatches(state, query, fields, derived);
      }),
    ),
  );
  // search() multiplies every score by the number of the query's terms matched: all of them here.
  const quality = sourceTerms.size || 1;
  const docs: number[] = [];
  for (const doc of found.docs) {
    if (!accept(state.documentIds.get(doc) as string)) continue;
    found.score[doc] = found.score[doc]! * quality;
    docs.push(doc);
  }
  return new RankedMatches(state, docs, found.score, derived, fields);
}

/**
 * The ranked articles of a query; a hit is made when asked for. Best first, equal scores
 * in the order found (as search()'s stable sort leaves them); the first page is picked out
 * without sorting the thousands of articles a common word is in.
 */
export class RankedMatches {
  /** The best articles, in rank order: the first `ranked.length`, or all once `sortedAll`. */
  private ranked: number[] = [];
  private sortedAll = false;

  constructor(
    private readonly state: ScoringState,
    /** Every article matched, in the order found. */
    private readonly found: number[],
    private readonly score: Float64Array,
    private readonly derived: Derived[],
    private readonly fields: Array<{ field: SearchField; fieldId: number }>,
  ) {}

  static none(): RankedMatches {
    return new RankedMatches({} as ScoringState, [], new Float64Array(0), [], []);
  }

  /** How many articles matched. */
  get length(): number {
    return this.found.length;
  }

  /** The article id of the `rank`th match. */
  id(rank: number): string {
    return this.state.documentIds.get(this.doc(rank)) as string;
  }

  /** The `rank`th match, with the terms of the article that matched and the fields they are in. */
  hit(rank: number): EngineHit {
    const doc = this.doc(rank);
    const terms = new Set<string>();
    const fields = new Set<SearchField>();
    for (const { term, postings } of this.derived) {
      for (const { field, fieldId } of this.fields) {
        if (!postings.get(fieldId)?.has(doc)) continue;
        terms.add(term);
        fields.add(field);
      }
    }
    return { id: this.id(rank), score: this.score[doc]!, terms: [...terms], fields: [...fields] };
  }

  /** The first `count` matches. */
  hits(count: number): EngineHit[] {
    const hits: EngineHit[] = [];
    for (let rank = 0; rank < Math.min(count, this.found.length); rank++) hits.push(this.hit(rank));
    return hits;
  }

  private doc(rank: number): number {
    if (rank >= this.ranked.length && !this.sortedAll) this.rank(rank + 1);
    return this.ranked[rank]!;
  }

  /** Ranks at least the best `count`: picked out when they are few beside the rest, else all sorted. */
  private rank(count: number): void {
    const score = this.score;
    const at = new Map<number, number>();
    const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && at.get(a)! < at.get(b)!);
    if (count > PAGE_PICKED || count * 8 > this.found.length) {
      // A stable sort: equal scores keep the order found.
      this.ranked = [...this.found].sort((a, b) => score[b]! - score[a]!);
      this.sortedAll = true;
      return;
    }
    const size = Math.max(count, this.ranked.length * 2, 16);
    const best: number[] = [];
    this.found.forEach((doc, i) => {
      if (best.length === size && !(score[doc]! > score[best[size - 1]!]!)) return;
      at.set(doc, i);
      let place = best.length;
      while (place > 0 && better(doc, best[place - 1]!)) place--;
      best.splice(place, 0, doc);
      if (best.length > size) best.pop();
    });
    this.ranked = best;
  }
}

/** Up to how many of the best are picked out rather than sorting all. */
const PAGE_PICKED = 200;

function nothing(size: number): Found {
  return { docs: [], has: new Uint8Array(size), score: new Float64Array(size) };
}

/** The articles in both, scored by the sum, in the order of `b` (as MiniSearch's AND). */
function both(a: Found, b: Found): Found {
  const found = nothing(a.score.length);
  for (const doc of b.docs) {
    if (!a.has[doc]) continue;
    found.docs.push(doc);
    found.has[doc] = 1;
    found.score[doc] = a.score[doc]! + b.score[doc]!;
  }
  return found;
}

/** One term of the query: its exact word, the words it starts, the words within its edits. */
function termMatches(state: ScoringState, query: TermQuery, fields: Array<{ fieldId: number; boost: number }>, derived: Derived[]): Found {
  const found = nothing(state.nextId);
  const add = (term: string, postings: Postings | undefined, weight: number) => {
    if (!postings) return;
    derived.push({ term, postings });
    for (const { fieldId, boost } of fields) {
      const occurrences = postings.get(fieldId);
      if (!occurrences) continue;
      let matching = occurrences.size;
      const averageLength = state.avgFieldLength[fieldId]!;
      for (const [doc, frequency] of occurrences) {
        // A document dropped but not yet swept out of the postings.
        if (!state.documentIds.has(doc)) {
          matching -= 1;
          continue;
        }
        const length = state.fieldLength.get(doc)![fieldId]!;
        const weighted = weight * boost * bm25(frequency, matching, state.documentCount, length, averageLength);
        if (!found.has[doc]) {
          found.has[doc] = 1;
          found.docs.push(doc);
        }
        found.score[doc] = found.score[doc]! + weighted;
      }
    }
  };
  add(query.term, state.terms.get(query.term), 1);
  const fuzzy = query.fuzzy ? state.terms.fuzzyGet(query.term, query.fuzzy) : undefined;
  if (query.prefix) {
    for (const [term, postings] of prefixTerms(state.terms, query.term)) {
      const distance = term.length - query.term.length;
      if (!distance) continue;
      // A word both started and within the edits counts once, as a prefix.
      fuzzy?.delete(term);
      add(term, postings, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
    }
  }
  if (fuzzy) {
    for (const [term, [postings, distance]] of fuzzy) {
      if (distance) add(term, postings, (FUZZY_WEIGHT * term.length) / (term.length + distance));
    }
  }
  return found;
}

/**
 * The words of the index a prefix starts, in the tree's order: all of them, or for a
 * short prefix the PREFIX_TERMS in the most articles.
 */
export function prefixTerms(tree: TermTree, prefix: string): Array<[string, Postings]> {
  const started = [...tree.atPrefix(prefix)];
  if (prefix.length >= SHORT_PREFIX || started.length <= PREFIX_TERMS + 1) return started;
  const articles = new Map<string, number>();
  for (const [term, postings] of started) {
    let most = 0;
    for (const docs of postings.values()) most = Math.max(most, docs.size);
    articles.set(term, most);
  }
  const kept = new Set(
    started
      .filter(([term]) => term !== prefix)
      .sort((a, b) => articles.get(b[0])! - articles.get(a[0])!)
      .slice(0, PREFIX_TERMS)
      .map(([term]) => term),
  );
  return started.filter(([term]) => kept.has(term));
}

function bm25(frequency: number, matching: number, documents: number, length: number, averageLength: number): number {
  const inverse = Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
  return inverse * (BM25_D + (frequency * (BM25_K + 1)) / (frequency + BM25_K * (1 - BM25_B + (BM25_B * length) / averageLength)));
}
