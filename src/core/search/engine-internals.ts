/**
 * The few fields of MiniSearch read from outside it: its postings (for a word's document
 * frequency) and what its own toJSON reads (for a save a slice at a time). They are
 * declared, protected, in its types; tied to its serialization version 2, checked when a
 * saved index is loaded back.
 */
/* oxlint-disable no-underscore-dangle -- MiniSearch names its fields this way */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';

type Postings = Map<number, Map<number, number>>;

interface EngineFields {
  _index: { get(term: string): Postings | undefined; keys(): Iterable<string> };
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

/** A term's postings: field id → document id → occurrences. */
export function postingsOf(engine: MiniSearch<never>, term: string): Postings | undefined {
  return fieldsOf(engine)._index.get(term);
}

/** Every term of the index, in the tree's order. */
export function termsOf(engine: MiniSearch<never>): string[] {
  return [...fieldsOf(engine)._index.keys()];
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
