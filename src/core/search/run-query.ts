/**
 * One query against the index: the text parsed into words, phrases and filters; the
 * filters read from the articles' summaries; phrases checked in the texts; a snippet for
 * each hit returned. Filters alone list the matching articles, newest first.
 */
import { performance } from 'node:perf_hooks';
import type { ArticleSummary } from '../../shared/article';
import type { SearchField, SearchHit } from '../../shared/library';
import { foldForMatch, isEmptyQuery, parseSearchQuery, type SearchQuery } from '../../shared/search-query';
import type { FileRegistry } from '../storage/file-registry';
import { INDEXED_FIELDS, termOf, tokenize, type SearchDocument } from './search-document';
import type { EngineHit, RankedMatches } from './ranked-match';
import type { ArticleSearchIndex } from './search-index';
import { phraseKeyOf } from './phrase-filter';
import { phrasePattern, snippetOf } from './snippet';

export interface QueryContext {
  index: ArticleSearchIndex;
  registry: FileRegistry<ArticleSummary>;
  /** An article's text, from memory or its file. */
  documentOf(id: string): SearchDocument | undefined;
}

export function runQuery(text: string, limit: number, context: QueryContext): { hits: SearchHit[]; total: number } {
  const query = parseSearchQuery(text);
  if (isEmptyQuery(query)) return { hits: [], total: 0 };
  const accept = filterOf(query, context.registry);
  const words = query.words.map(termOf).filter((t): t is string => t !== null);
  const phraseWords = query.phrases.flatMap((p) => tokenize(p).map(termOf)).filter((t): t is string => t !== null);
  const phrases = query.phrases.map(phrasePattern).filter((p): p is RegExp => p !== null);
  if (!words.length && !phraseWords.length && !phrases.length) {
    // Filters alone: the matching articles, newest first, each with its dek.
    const matching = context.registry
      .entries()
      .filter((e) => accept(e.summary.id))
      .map((e) => e.summary)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { total: matching.length, hits: matching.slice(0, limit).map((a) => ({ id: a.id, score: 0, fields: [], snippet: { text: a.dek, highlights: [] } })) };
  }
  // Phrases of stop words only ("to be or not"): nothing the index can narrow by.
  if (!words.length && !phraseWords.length) return { hits: [], total: 0 };
  let candidates = context.index.match(words, phraseWords, accept);
  // Nothing found: a word with two letters swapped ("crnaes") is two edits from its word,
  // past what fuzzy matching allows; try each word with one neighbouring pair swapped back.
  if (candidates.length === 0) candidates = withSwappedLetters(words, (tried) => context.index.match(tried, phraseWords, accept)) ?? candidates;
  const { held, total } = phrases.length ? withPhrases(candidates, phrases, query.phrases.map(phraseKeyOf), limit, context) : { held: candidates.hits(limit), total: candidates.length };
  const hits: SearchHit[] = [];
  // A word typed only inside a phrase is marked where the phrase is, not wherever it stands
  // alone: "pay gap" quoted marks "pay gap", never the "gap" of "a gap in pay".
  const phraseOnly = new Set(phraseWords.filter((term) => !words.some((word) => term.startsWith(word))));
  // Snippets for the page returned only.
  for (const hit of held.slice(0, limit)) {
    const document = context.documentOf(hit.id);
    if (document) hits.push({ id: hit.id, score: hit.score, fields: hit.fields, snippet: snippetOf(document, hit.fields, new Set(hit.terms.filter((term) => !phraseOnly.has(term))), phrases) });
  }
  return { hits, total };
}

/** Words of five letters or more, each tried with one pair of neighbouring letters swapped. */
const SWAP_MIN_LETTERS = 5;
const SWAP_MAX_WORDS = 4;

/** The first matches `search` finds with one word of `words` spelled with two neighbouring letters swapped, or null. */
function withSwappedLetters(words: string[], search: (words: string[]) => RankedMatches): RankedMatches | null {
  if (words.length > SWAP_MAX_WORDS) return null;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.length < SWAP_MIN_LETTERS) continue;
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      const found = search(words.map((other, k) => (k === w ? swapped : other)));
      if (found.length) return found;
    }
  }
  return null;
}

/** How long checking phrases in the texts may go on once a page of hits is found. */
const PHRASE_CHECK_MS = 15;

/**
 * The candidates that hold every phrase, best first. The index knows words, not their
 * order, so each candidate's text is looked at (those its pairs of words let through); when thousands of articles have all the
 * words (a phrase of common ones) and a page is found, the rest is counted from the share
 * of those checked (the total is then an estimate).
 */
function withPhrases(candidates: RankedMatches, phrases: RegExp[], keys: number[][], limit: number, context: QueryContext): { held: EngineHit[]; total: number } {
  const started = performance.now();
  const held: EngineHit[] = [];
  let checked = 0;
  for (let rank = 0; rank < candidates.length; rank++) {
    if (held.length >= limit && performance.now() - started > PHRASE_CHECK_MS) break;
    checked++;
    const id = candidates.id(rank);
    // Most candidates of a phrase of common words are ruled out without reading their text.
    if (!context.index.mayHoldPhrases(id, keys)) continue;
    const where = phraseFields(context.documentOf(id), phrases);
    if (!where) continue;
    const hit = candidates.hit(rank);
    for (const field of where) if (!hit.fields.includes(field)) hit.fields.push(field);
    held.push(hit);
  }
  const total = checked === candidates.length ? held.length : Math.round((held.length / checked) * candidates.length);
  return { held, total };
}

/** Which articles the query's filters let through (every article in the library when none). */
function filterOf(query: SearchQuery, registry: FileRegistry<ArticleSummary>): (id: string) => boolean {
  const f = query.filters;
  if (!Object.keys(f).length) return (id) => registry.byId(id) !== undefined;
  const wanted = (values: string[] | undefined) => values?.map(foldForMatch);
  const tags = wanted(f.tag);
  const bylines = wanted(f.byline);
  const statuses = wanted(f.status);
  const sections = wanted(f.section);
  const languages = wanted(f.lang);
  return (id) => {
    const summary = registry.byId(id)?.summary;
    if (!summary) return false;
    const own = foldedFields(summary);
    if (statuses && !statuses.includes(own.status)) return false;
    if (sections && !sections.includes(own.section)) return false;
    if (languages && !languages.some((l) => own.language === l || own.language.startsWith(`${l}-`))) return false;
    if (tags && !tags.every((t) => own.tags.includes(t))) return false;
    if (bylines && !bylines.every((b) => own.bylines.some((name) => name === b || name.split(' ').includes(b)))) return false;
    return true;
  };
}

/** The fields the phrases are in, when every phrase is in the article as written; null when one is not. */
function phraseFields(document: SearchDocument | undefined, phrases: RegExp[]): Set<SearchField> | null {
  if (!document) return null;
  const where = new Set<SearchField>();
  for (const pattern of phrases) {
    let found = false;
    for (const field of INDEXED_FIELDS) {
      pattern.lastIndex = 0;
      if (pattern.test(document[field])) {
        found = true;
        where.add(field);
      }
    }
    if (!found) return null;
  }
  return where;
}

/** A summary's filterable fields as filters compare them; folded once per summary (a save makes a new summary). */
const folded = new WeakMap<ArticleSummary, { status: string; section: string; language: string; tags: string[]; bylines: string[] }>();
function foldedFields(summary: ArticleSummary) {
  let known = folded.get(summary);
  if (!known) {
    known = {
      status: foldForMatch(summary.status),
      section: foldForMatch(summary.section),
      language: foldForMatch(summary.language),
      tags: summary.tags.map(foldForMatch),
      bylines: summary.bylines.map(foldForMatch),
    };
    folded.set(summary, known);
  }
  return known;
}
