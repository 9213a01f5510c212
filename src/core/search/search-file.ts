/**
 * `.copydesk/search-index.json`: the search index as last saved, with its format version
 * and, per article, the revision, mtime and size it was built from. A cache like the
 * workspace index: missing, of another version or garbled, it is rebuilt from the files
 * (a garbled one is kept aside for whoever wants to look, never read again).
 */
import { readFile, rename } from 'node:fs/promises';
import type { AsPlainObject } from 'minisearch';
import { writeFileDurably } from '../storage/write-durably';

/** Bumped when what is indexed or how words become terms changes: an older file is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

export interface SavedSearchIndex {
  version: number;
  engine: AsPlainObject;
  from: Record<string, [string, number, number]>;
}

export type LoadedSearchIndex =
  | { ok: true; saved: SavedSearchIndex }
  | { ok: false; reason: string };

export async function readSearchIndex(file: string, keepGarbledAside: boolean): Promise<LoadedSearchIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'there was no search index yet' : `the search index could not be read (${code ?? String(error)})` };
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    saved = undefined;
  }
  if (isSaved(saved)) {
    if (saved.version === SEARCH_INDEX_VERSION) return { ok: true, saved };
    return { ok: false, reason: `the search index was of another version (${saved.version})` };
  }
  if (keepGarbledAside) await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
  return { ok: false, reason: 'the search index could not be read (garbled)' };
}

export async function writeSearchIndex(file: string, index: { engine: AsPlainObject; from: SavedSearchIndex['from'] }): Promise<void> {
  const saved: SavedSearchIndex = { version: SEARCH_INDEX_VERSION, ...index };
  await writeFileDurably(file, JSON.stringify(saved));
}

function isSaved(value: unknown): value is SavedSearchIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedSearchIndex>;
  return typeof v.version === 'number' && typeof v.engine === 'object' && v.engine !== null && typeof v.from === 'object' && v.from !== null && !Array.isArray(v.from);
}
