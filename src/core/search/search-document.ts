/**
 * What the search index holds of an article: its searchable fields as text, and the one
 * way text becomes terms (split into words, accents and case folded, the commonest
 * English words left out). Search, snippets and suggestions all use these, so a word is
 * the same term wherever it is looked for.
 */
import type { ArticleFile } from '../../shared/article';
import type { SearchField } from '../../shared/library';
import { plainTextFromBody, type SerializedNodeLike } from '../../document/plain-text';

/** One article as the index takes it in; list fields are joined by newlines. */
export interface SearchDocument {
  id: string;
  headline: string;
  dek: string;
  /** The text of the body on one line, each run of spaces and line breaks one space (as snippets show it). */
  body: string;
  tags: string;
  bylines: string;
  sources: string;
}

/** The fields indexed, and how much a match in each counts. */
export const FIELD_BOOST: Record<SearchField, number> = { headline: 3, dek: 2, tags: 2, bylines: 1.5, sources: 1, body: 1 };
export const INDEXED_FIELDS = Object.keys(FIELD_BOOST) as SearchField[];

/** Words too common to tell articles apart; left out of the index and of queries. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or she ' +
    'so than that the their them then there these they this to was we were which who will with would you'
  ).split(' '),
);

/** Letters, marks and digits; everything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, as written. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** A word as the index keeps it: accents and case folded; null for a stop word. */
export function termOf(word: string): string | null {
  const folded = /^\p{ASCII}*$/u.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === 0 || STOP_WORDS.has(folded) ? null : folded;
}

/** Text on one line: every run of white space one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The index's view of an article; `sourceTitle` names attached sources by their titles. */
export function searchDocumentOf(article: ArticleFile, sourceTitle: (id: string) => string | undefined): SearchDocument {
  return {
    id: article.id,
    headline: article.meta.headline,
    dek: article.meta.dek,
    body: oneLine(plainTextFromBody(article.body)),
    tags: article.meta.tags.join('\n'),
    bylines: article.meta.bylines.join('\n'),
    sources: article.meta.sourceIds.map((id) => sourceTitle(id) ?? '').filter(Boolean).join('\n'),
  };
}

/**
 * The searchable text of a file the library has read whole before (its entry says so):
 * its fields taken as they are, without validating the file again, which would cost as
 * much as the indexing (the text walk is iterative, so no nesting can hurt it). A file
 * that is no longer an article of that id gives null (the folder's own read will list it
 * as damaged).
 */
export function searchDocumentOfText(text: string, id: string, sourceTitle: (id: string) => string | undefined): SearchDocument | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const file = raw as { id?: unknown; meta?: Record<string, unknown>; body?: unknown };
  if (typeof raw !== 'object' || raw === null || file.id !== id || typeof file.meta !== 'object' || file.meta === null) return null;
  const meta = file.meta;
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const body = typeof file.body === 'object' && file.body !== null ? (file.body as { root?: SerializedNodeLike }) : null;
  return {
    id,
    headline: textOf(meta.headline),
    dek: textOf(meta.dek),
    body: oneLine(plainTextFromBody(body)),
    tags: list(meta.tags).join('\n'),
    bylines: list(meta.bylines).join('\n'),
    sources: list(meta.sourceIds)
      .map((s) => sourceTitle(s) ?? '')
      .filter(Boolean)
      .join('\n'),
  };
}
