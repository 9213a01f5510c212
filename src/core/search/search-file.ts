/**
 * `.copydesk/search-index.jsonl`: the search index as last saved. Line 1 is ours (format
 * version and, per article, the revision, mtime and size its entry was built from), line 2
 * MiniSearch's own header, and each further line a slice of its terms with their postings.
 * Written and read a slice at a time: at 10,000 articles the index is tens of megabytes,
 * and one JSON.stringify or JSON.parse of it would hold the process for seconds.
 *
 * A cache like the workspace index: missing, of another version or garbled, it is rebuilt
 * from the files (a garbled one is kept aside for whoever wants to look, never read again).
 */
import { readFile, rename } from 'node:fs/promises';
import type { AsPlainObject } from 'minisearch';
import { writeFileDurably } from '../storage/write-durably';

/** Bumped when what is indexed or how words become terms changes: an older file is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

/** Per article id: the revision, mtime and size its entry was built from. */
export type IndexedFromTable = Record<string, [string, number, number]>;

/** The parts of a MiniSearch index a save reads: the same fields as its own toJSON. */
export interface EngineState {
  header: Omit<AsPlainObject, 'index'>;
  /** Every term, in a stable order, taken when the save starts. */
  terms: string[];
  postings(term: string): Map<number, Map<number, number>> | undefined;
}

export type LoadedSearchIndex =
  | { ok: true; header: Omit<AsPlainObject, 'index'>; postings: string[]; from: IndexedFromTable }
  | { ok: false; reason: string };

// Small lines: a line of common terms holds tens of thousands of postings, stringified at once.
const TERMS_PER_LINE = 100;
const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

export async function writeSearchIndex(file: string, engine: EngineState, from: IndexedFromTable): Promise<void> {
  const lines = [JSON.stringify({ version: SEARCH_INDEX_VERSION, from }), JSON.stringify(engine.header)];
  for (let i = 0; i < engine.terms.length; i += TERMS_PER_LINE) {
    const slice: Array<[string, Record<string, Record<string, number>>]> = [];
    for (const term of engine.terms.slice(i, i + TERMS_PER_LINE)) {
      const postings = engine.postings(term);
      if (!postings) continue;
      const data: Record<string, Record<string, number>> = {};
      for (const [fieldId, docs] of postings) data[fieldId] = Object.fromEntries(docs);
      slice.push([term, data]);
    }
    lines.push(JSON.stringify(slice));
    await yieldToOthers();
  }
  await writeFileDurably(file, `${lines.join('\n')}\n`);
}

export async function readSearchIndex(file: string, keepGarbledAside: boolean): Promise<LoadedSearchIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'there was no search index yet' : `the search index could not be read (${code ?? String(error)})` };
  }
  const garbled = async (): Promise<LoadedSearchIndex> => {
    if (keepGarbledAside) await keepAside(file);
    return { ok: false, reason: 'the search index could not be read (garbled)' };
  };
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  try {
    const ours = JSON.parse(lines[0] ?? '') as { version?: unknown; from?: unknown };
    if (typeof ours !== 'object' || ours === null || typeof ours.version !== 'number') return await garbled();
    if (ours.version !== SEARCH_INDEX_VERSION) return { ok: false, reason: `the search index was of another version (${ours.version})` };
    if (typeof ours.from !== 'object' || ours.from === null || Array.isArray(ours.from)) return await garbled();
    const header = JSON.parse(lines[1] ?? '') as Omit<AsPlainObject, 'index'>;
    if (typeof header !== 'object' || header === null || typeof header.documentCount !== 'number') return await garbled();
    // The postings are parsed as they are loaded, a line at a time (see loadEngine).
    return { ok: true, header, postings: lines.slice(2), from: ours.from as IndexedFromTable };
  } catch {
    return await garbled();
  }
}

/** A garbled index file, renamed for whoever wants to look at it; it is never read again. */
export async function keepAside(file: string): Promise<void> {
  await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
}
