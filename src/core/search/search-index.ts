/**
 * The full-text index of a workspace's articles: MiniSearch (BM25 ranking, prefix and
 * fuzzy lookup in a radix tree) over the fields of search-document.ts, with what each
 * article's entry was built from (revision, mtime, size) so a stale entry is noticed, and
 * the documents seen since it was loaded, for snippets and phrases.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult as EngineResult } from 'minisearch';
import type { SearchField } from '../../shared/library';
import { FIELD_BOOST, INDEXED_FIELDS, termOf, tokenize, type SearchDocument } from './search-document';
import { headerOf, loadEngine, postingsOf, scoringStateOf, termsOf } from './engine-internals';
import { mayHold, pairFilterOf, type PairFilter } from './phrase-filter';
import { rankMatches, RankedMatches, type EngineHit, type TermQuery } from './ranked-match';
import type { EngineState, IndexedFromTable } from './search-file';

export type { EngineHit } from './ranked-match';

/**
 * Documents kept in memory for snippets and phrases: a hit's file read again costs more
 * than the query. About 5 KB of text an 800-word article: 75 MB at the most.
 */
const MAX_DOCUMENTS = 15_000;

/** What an article's entry was built from. */
export interface IndexedFrom {
  revision: string;
  mtimeMs: number;
  size: number;
}

const ENGINE_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: INDEXED_FIELDS,
  storeFields: [],
  tokenize,
  processTerm: (term) => termOf(term),
  // Dropped documents are swept out of the index a batch at a time, off the query path.
  autoVacuum: { batchSize: 500, batchWait: 20, minDirtCount: 200, minDirtFactor: 0.1 },
};

/** Weighs a term of the query (suggestions weigh an article's distinctive words by their frequency in it). */
export type TermWeight = (term: string) => number;

export class ArticleSearchIndex {
  private readonly from = new Map<string, IndexedFrom>();
  /**
   * The documents indexed or read most recently, by id (at most MAX_DOCUMENTS, the oldest
   * dropped): snippets and phrase checks read them, and read the file again for the others.
   */
  private readonly documents = new Map<string, SearchDocument>();
  /** The pairs of words of each document kept, for phrases (phrase-filter.ts). */
  private readonly pairs = new Map<string, PairFilter>();

  private constructor(private readonly engine: MiniSearch<SearchDocument>) {}

  static empty(): ArticleSearchIndex {
    return new ArticleSearchIndex(new MiniSearch(ENGINE_OPTIONS));
  }

  /** The index as a save wrote it, loaded a slice of time at a time so the process keeps answering. */
  static async load(header: Omit<AsPlainObject, 'index'>, postings: readonly string[], from: IndexedFromTable, sliceMs: number, stopped: () => boolean): Promise<ArticleSearchIndex> {
    const index = new ArticleSearchIndex(await loadEngine(ENGINE_OPTIONS, header, postings, sliceMs, stopped));
    for (const [id, [revision, mtimeMs, size]] of Object.entries(from)) {
      if (index.engine.has(id)) index.from.set(id, { revision, mtimeMs, size });
    }
    return index;
  }

  get size(): number {
    return this.from.size;
  }

  ids(): IterableIterator<string> {
    return this.from.keys();
  }

  indexedFrom(id: string): IndexedFrom | undefined {
    return this.from.get(id);
  }

  /** Adds or replaces an article's entry. */
  put(document: SearchDocument, from: IndexedFrom): void {
    if (this.engine.has(document.id)) this.engine.replace(document);
    else this.engine.add(document);
    this.from.set(document.id, from);
    this.keep(document);
  }

  private keep(document: SearchDocument): void {
    this.documents.delete(document.id);
    this.documents.set(document.id, document);
    this.pairs.set(document.id, pairFilterOf(document));
    if (this.documents.size > MAX_DOCUMENTS) this.forget(this.documents.keys().next().value as string);
  }

  private forget(id: string): void {
    this.documents.delete(id);
    this.pairs.delete(id);
  }

  remove(id: string): void {
    if (this.engine.has(id)) this.engine.discard(id);
    this.from.delete(id);
    this.forget(id);
  }

  /** Whether the document's text is at hand (indexed or read in this session). */
  hasDocument(id: string): boolean {
    return this.documents.has(id);
  }

  /** The document as last indexed in this session, if it was. */
  document(id: string): SearchDocument | undefined {
    return this.documents.get(id);
  }

  /**
   * False when the article cannot hold every phrase (given by phraseKeyOf), told without
   * its text; true when it may, or when its text is not at hand.
   */
  mayHoldPhrases(id: string, phrases: ReadonlyArray<readonly number[]>): boolean {
    const filter = this.pairs.get(id);
    return !filter || phrases.every((phrase) => mayHold(filter, phrase));
  }

  /** Keeps a document read from its file for later snippets (it was indexed from the same bytes). */
  remember(document: SearchDocument): void {
    if (this.from.has(document.id)) this.keep(document);
  }

  /**
   * Articles holding every word (by prefix, and with a typo when the word is long) and
   * every word of the phrases (exactly), best first; `accept` filters by id. Ranked as
   * MiniSearch ranks them (engineMatch), a short prefix standing for its commonest words.
   */
  match(words: string[], phraseWords: string[], accept: (id: string) => boolean): RankedMatches {
    const tree = [];
    if (words.length) tree.push(words.map((word) => termQueries(word, true)));
    if (phraseWords.length) tree.push(phraseWords.map((word) => termQueries(word, false)));
    if (!tree.length) return RankedMatches.none();
    return rankMatches(scoringStateOf(this.engine as MiniSearch<never>), tree, FIELD_BOOST, accept);
  }

  /**
   * The same query through MiniSearch's own search(), every prefix whole: what match()
   * is measured and checked against (the benchmark, the tests).
   */
  engineMatch(words: string[], phraseWords: string[], accept: (id: string) => boolean): EngineHit[] {
    const queries = [];
    if (words.length) {
      queries.push({
        queries: words,
        combineWith: 'AND' as const,
        // Each word is a query of its own, `terms` its parts (`state-run`): its last part by prefix.
        prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
        // One typo from five letters on, two from ten.
        fuzzy: (term: string) => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : false),
      });
    }
    if (phraseWords.length) queries.push({ queries: phraseWords, combineWith: 'AND' as const, prefix: false, fuzzy: false });
    if (!queries.length) return [];
    const results = this.engine.search(
      { queries, combineWith: 'AND' },
      { boost: FIELD_BOOST, filter: (result) => accept(result.id as string) },
    );
    return results.map(hitOf);
  }

  /** Articles sharing any of the terms, best first; BM25 with each term weighed by `weight`. */
  similar(terms: string[], weight: TermWeight, accept: (id: string) => boolean): EngineHit[] {
    if (!terms.length) return [];
    return this.engine
      .search(
        { queries: terms, combineWith: 'OR', prefix: false, fuzzy: false },
        { fields: ['headline', 'dek', 'body', 'tags'], boost: FIELD_BOOST, boostTerm: (term) => weight(term), filter: (result) => accept(result.id as string) },
      )
      .map(hitOf);
  }

  /**
   * In how many articles a term occurs, for the weight of a word. Read from the engine's
   * own postings (declared, if protected, in its types): a search per term would cost
   * milliseconds for a common word. Articles dropped but not yet swept out still count.
   */
  documentFrequency(term: string): number {
    const postings = postingsOf(this.engine as MiniSearch<never>, term);
    if (!postings) return 0;
    let largest = 0;
    for (const docs of postings.values()) largest = Math.max(largest, docs.size);
    return largest;
  }

  get documentCount(): number {
    return this.engine.documentCount;
  }

  /**
   * What a save writes, read from the engine as its own toJSON reads it, but leaving the
   * postings to be read a slice at a time. Nothing may be added while a save reads them.
   */
  saveState(): { engine: EngineState; from: IndexedFromTable } {
    const from: IndexedFromTable = {};
    for (const [id, f] of this.from) from[id] = [f.revision, f.mtimeMs, f.size];
    const engine = this.engine as MiniSearch<never>;
    return { engine: { header: headerOf(engine), terms: termsOf(engine), postings: (term) => postingsOf(engine, term) }, from };
  }
}

/**
 * A word of the query as the terms the index looks up, as MiniSearch's search() makes them
 * from a query string: the word's parts (`state-run` is two), the last by prefix from three
 * letters; one typo from five letters on, two from ten. A phrase's words are exact.
 */
function termQueries(word: string, loose: boolean): TermQuery[] {
  const terms = tokenize(word)
    .map(termOf)
    .filter((t): t is string => t !== null);
  return terms.map((term, i) => ({
    term,
    prefix: loose && i === terms.length - 1 && term.length >= 3,
    fuzzy: loose ? (term.length >= 10 ? 2 : term.length >= 5 ? 1 : 0) : 0,
  }));
}

function hitOf(result: EngineResult): EngineHit {
  const fields = new Set<SearchField>();
  for (const where of Object.values(result.match)) for (const field of where) fields.add(field as SearchField);
  return { id: result.id as string, score: result.score, terms: result.terms, fields: [...fields] };
}
