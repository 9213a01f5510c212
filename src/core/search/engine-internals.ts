/**
 * The few fields of MiniSearch read from outside it: its postings (for a word's document
 * frequency) and what its own toJSON reads (for a save a slice at a time). They are
 * declared, protected, in its types; tied to its serialization version 2, checked when a
 * saved index is loaded back.
 */
/* oxlint-disable no-underscore-dangle -- MiniSearch names its fields this way */
import { performance } from 'node:perf_hooks';
import MiniSearchClass, { type AsPlainObject, type Options } from 'minisearch';

type MiniSearch<T> = MiniSearchClass<T>;

/** A term's postings: field id → document id → occurrences. */
export type Postings = Map<number, Map<number, number>>;

/** The radix tree of terms: exact, prefix and fuzzy lookup (MiniSearch's SearchableMap). */
export interface TermTree {
  get(term: string): Postings | undefined;
  keys(): Iterable<string>;
  atPrefix(prefix: string): Iterable<[string, Postings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
}

interface EngineFields {
  _index: TermTree;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
}

const fieldsOf = (engine: MiniSearch<never>) => engine as unknown as EngineFields;

/** A term's postings (field id → document id → occurrences), or undefined when no article has it. */
export function postingsOf(engine: MiniSearch<never>, term: string): Postings | undefined {
  return fieldsOf(engine)._index.get(term);
}

/** Every term of the index, in the tree's order. */
export function termsOf(engine: MiniSearch<never>): string[] {
  return [...fieldsOf(engine)._index.keys()];
}

/** What a query is scored from, as MiniSearch's own search reads it. */
export interface ScoringState {
  terms: TermTree;
  documentCount: number;
  /** One past the largest short document id in use. */
  nextId: number;
  /** Short document id → the article's id; a missing id is a document dropped but not yet swept out. */
  documentIds: Map<number, unknown>;
  fieldIds: Record<string, number>;
  /** Short document id → each field's length in terms, by field id. */
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
}

export function scoringStateOf(engine: MiniSearch<never>): ScoringState {
  const e = fieldsOf(engine);
  return {
    terms: e._index,
    documentCount: e._documentCount,
    nextId: e._nextId,
    documentIds: e._documentIds,
    fieldIds: e._fieldIds,
    fieldLength: e._fieldLength,
    avgFieldLength: e._avgFieldLength,
  };
}

/** Everything toJSON writes but the postings. */
export function headerOf(engine: MiniSearch<never>): Omit<AsPlainObject, 'index'> {
  const e = fieldsOf(engine);
  return {
    documentCount: e._documentCount,
    nextId: e._nextId,
    documentIds: Object.fromEntries(e._documentIds),
    fieldIds: e._fieldIds,
    fieldLength: Object.fromEntries(e._fieldLength),
    averageFieldLength: e._avgFieldLength,
    storedFields: Object.fromEntries(e._storedFields),
    dirtCount: e._dirtCount,
    serializationVersion: 2,
  };
}

/** One saved line of postings: [term, { fieldId: { documentId: occurrences } }] for a slice of terms. */
export type SavedPostings = Array<[string, Record<string, Record<string, number>>]>;

/**
 * An engine from its saved header and lines of postings, put straight into its tree a
 * slice of time at a time (MiniSearch's own async loader waits a timer tick every
 * thousand postings, which at 10,000 articles adds seconds). A line that is not postings
 * throws: the caller rebuilds.
 */
export async function loadEngine<T>(
  options: Options<T>,
  header: Omit<AsPlainObject, 'index'>,
  lines: readonly string[],
  sliceMs: number,
  /** Asked between slices: true stops the load (the workspace closed). */
  stopped: () => boolean = () => false,
): Promise<MiniSearch<T>> {
  if (header.serializationVersion !== 2) throw new Error(`postings of serialization version ${String(header.serializationVersion)}`);
  const engine = MiniSearchClass.loadJS<T>({ ...header, index: [] }, options);
  const tree = (engine as unknown as { _index: { set(term: string, value: Postings): void } })._index;
  let sliceStarted = performance.now();
  for (const line of lines) {
    const slice = JSON.parse(line) as SavedPostings;
    if (!Array.isArray(slice)) throw new Error('a line of the index is not a list of postings');
    for (const [term, data] of slice) {
      if (typeof term !== 'string' || typeof data !== 'object' || data === null) throw new Error('a posting is not [term, fields]');
      const fields: Postings = new Map();
      for (const fieldId of Object.keys(data)) {
        const saved = data[fieldId]!;
        const docs = new Map<number, number>();
        for (const docId of Object.keys(saved)) docs.set(Number(docId), saved[docId]!);
        fields.set(Number(fieldId), docs);
      }
      tree.set(term, fields);
    }
    if (performance.now() - sliceStarted > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) throw new LoadStopped();
      sliceStarted = performance.now();
    }
  }
  return engine;
}

/** A load given up because the workspace closed. */
export class LoadStopped extends Error {
  constructor() {
    super('the workspace closed');
  }
}
