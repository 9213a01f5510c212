/**
 * The library's models beyond the article list: search hits and the search index's state,
 * the tag vocabulary, related-article links and suggestions. Schemas for the contract.
 */
import { z } from 'zod';
import { articleStatusSchema } from './article';

/** Whether the search index covers the whole library, or is being built or brought up to date. */
export const searchStateSchema = z.enum(['ready', 'indexing']);
export type SearchState = z.infer<typeof searchStateSchema>;

/** The search index's progress: how many of the library's articles it covers. */
export const searchStatusSchema = z.object({
  state: searchStateSchema,
  indexed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SearchStatus = z.infer<typeof searchStatusSchema>;

/** Where a search matched: the article's fields, by their names in the file. */
export const SEARCH_FIELDS = ['headline', 'dek', 'body', 'tags', 'bylines', 'sources'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A passage of an article with the matched words marked: [start, end) offsets into `text`. */
export const snippetSchema = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type Snippet = z.infer<typeof snippetSchema>;

export const searchHitSchema = z.object({
  id: z.string(),
  score: z.number(),
  snippet: snippetSchema,
  /** The fields the query matched in. */
  fields: z.array(z.enum(SEARCH_FIELDS)),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  /** The best hits first, at most `limit`. */
  hits: z.array(searchHitSchema),
  /**
   * Every article that matched. For a phrase whose words thousands of articles share, the
   * texts are read until a page of hits is found and a moment more, and the rest counted
   * from that share: then an estimate.
   */
  total: z.number().int().nonnegative(),
  /** `indexing` while the index is built or caught up: the hits may miss some articles. */
  state: searchStateSchema,
  tookMs: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** A tag of the workspace and how many articles carry it. */
export const tagCountSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type TagCount = z.infer<typeof tagCountSchema>;

export const tagRenameResultSchema = z.object({
  /** Articles whose file was rewritten with the new tag. */
  changed: z.array(z.object({ id: z.string(), headline: z.string(), slug: z.string() })),
  /** True when the new name was already a tag: the two are one now. */
  merged: z.boolean(),
  /** Articles that carry the tag but could not be changed (changed on disk, unreadable). */
  failed: z.array(z.object({ id: z.string(), headline: z.string(), reason: z.string() })),
});
export type TagRenameResult = z.infer<typeof tagRenameResultSchema>;

/** One end of a related-article link; `trashed` until restored, `missing` when deleted or never there. */
export const relatedArticleSchema = z.object({
  id: z.string(),
  headline: z.string(),
  slug: z.string(),
  status: articleStatusSchema.nullable(),
  state: z.enum(['ok', 'trashed', 'missing']),
});
export type RelatedArticle = z.infer<typeof relatedArticleSchema>;

export const relatedLinksSchema = z.object({
  /** The articles this one links to, in its own order. */
  related: z.array(relatedArticleSchema),
  /** The articles that link to this one ("Related to this"). */
  backlinks: z.array(relatedArticleSchema),
});
export type RelatedLinks = z.infer<typeof relatedLinksSchema>;

/** An article worth relating, and why: shared distinctive words, tags, sources (titles), the same section. */
export const relatedSuggestionSchema = z.object({
  id: z.string(),
  headline: z.string(),
  slug: z.string(),
  score: z.number(),
  reasons: z.object({
    terms: z.array(z.string()),
    tags: z.array(z.string()),
    sources: z.array(z.string()),
    section: z.string().nullable(),
  }),
});
export type RelatedSuggestion = z.infer<typeof relatedSuggestionSchema>;
