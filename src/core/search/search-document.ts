/**
 * What the search index holds of an article: its searchable fields as text, and the one
 * way text becomes terms (split into words, accents and case folded, the commonest
 * English words left out). Search, snippets and suggestions all use these, so a word is
 * the same term wherever it is looked for.
 */
import type { ArticleFile } from '../../shared/article';
import type { SearchField } from '../../shared/library';
import { plainTextFromBody } from '../../document/plain-text';

/** One article as the index takes it in; list fields are joined by newlines. */
export interface SearchDocument {
  id: string;
  headline: string;
  dek: string;
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

/** The index's view of an article; `sourceTitle` names attached sources by their titles. */
export function searchDocumentOf(article: ArticleFile, sourceTitle: (id: string) => string | undefined): SearchDocument {
  return {
    id: article.id,
    headline: article.meta.headline,
    dek: article.meta.dek,
    body: plainTextFromBody(article.body),
    tags: article.meta.tags.join('\n'),
    bylines: article.meta.bylines.join('\n'),
    sources: article.meta.sourceIds.map((id) => sourceTitle(id) ?? '').filter(Boolean).join('\n'),
  };
}
