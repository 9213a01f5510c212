/**
 * What every file of a bundle says about the article, worked out once: its fields, kind
 * (analysis, AI content), size, dates and numbered sources, and its body as the editor
 * loads it (a body the editor cannot open is not exported).
 */
import { loadBody } from '../../document/headless';
import { countWords, plainTextFromBody, readingMinutes } from '../../document/plain-text';
import { AI_DIGITAL_SOURCE_TYPES, aiUseOf, DEFAULT_AI_NOTES, type AiUse } from '../../shared/ai-use';
import { ApiError } from '../../shared/errors';
import type { BodyNode, SourceNumber } from './body-nodes';
import type { ArticleState, RelatedArticle } from './bundle-types';
import { listSources, sourceNumbers, type ListedSource } from './source-list';

export interface ArticleFacts {
  id: string;
  slug: string;
  revision: string;
  headline: string;
  dek: string;
  kicker: string;
  section: string;
  bylines: string[];
  dateline: string;
  /** BCP 47; "en" when the article names none. */
  language: string;
  tags: string[];
  aiDisclosure: string;
  /** How AI took part; `none` declares nothing. */
  aiUse: AiUse;
  /** The IPTC digital source type of that use, when AI took part. */
  digitalSourceType: { name: string; uri: string } | null;
  /** The kicker says "Analysis": schema.org's AnalysisNewsArticle. */
  analysis: boolean;
  /** An AI disclosure is set: the content is declared as made with a model. */
  aiContent: boolean;
  words: number;
  minutes: number;
  plainText: string;
  createdAt: string;
  /** When it was approved (the last approval), else the export time. */
  datePublished: string;
  dateModified: string;
  exportedAt: string;
  body: BodyNode;
  sources: ListedSource[];
  sourceNumber: SourceNumber;
  related: RelatedArticle[];
}

/** The IPTC digital source type of content a model generated. */
export const AI_DIGITAL_SOURCE_TYPE = AI_DIGITAL_SOURCE_TYPES['ai-generated'].uri;

/** "Daan Willemsen", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const iso = (date: string): string => new Date(date).toISOString();

export function articleFacts(state: ArticleState, at: Date): ArticleFacts {
  const { article } = state;
  const loaded = loadBody(article.body);
  if (!loaded.ok) throw new ApiError('damaged', `The body of “${article.meta.headline || article.slug}” cannot be opened by the editor (${loaded.error}), so it cannot be exported.`);
  const body = loaded.value.getEditorState().toJSON().root as unknown as BodyNode;
  const plainText = plainTextFromBody(article.body);
  const words = countWords(plainText);
  const exportedAt = at.toISOString();
  const approvals = (article.review.history ?? []).filter((change) => change.to === 'approved');
  const datePublished = iso(approvals.at(-1)?.at ?? exportedAt);
  const sources = listSources(state.sources);
  const meta = article.meta;
  const aiUse = aiUseOf(meta);
  return {
    id: article.id,
    slug: article.slug,
    revision: article.revision,
    headline: meta.headline.trim(),
    dek: meta.dek.trim(),
    kicker: meta.kicker.trim(),
    section: meta.section.trim(),
    bylines: meta.bylines.map((b) => b.trim()).filter(Boolean),
    dateline: meta.dateline.trim(),
    language: meta.language.trim() || 'en',
    tags: meta.tags.map((t) => t.trim()).filter(Boolean),
    aiDisclosure: aiUse === 'none' ? '' : meta.aiDisclosure.trim() || DEFAULT_AI_NOTES[aiUse],
    aiUse,
    digitalSourceType: aiUse === 'none' ? null : AI_DIGITAL_SOURCE_TYPES[aiUse],
    analysis: /analysis/i.test(meta.kicker),
    aiContent: aiUse !== 'none',
    words,
    minutes: readingMinutes(words),
    plainText,
    createdAt: iso(meta.createdAt),
    datePublished,
    dateModified: Date.parse(meta.updatedAt) > Date.parse(datePublished) ? iso(meta.updatedAt) : datePublished,
    exportedAt,
    body,
    sources,
    sourceNumber: sourceNumbers(sources),
    related: state.related,
  };
}
