/**
 * "You may relate": articles close to one article. Its most distinctive words (frequent in
 * it, rare in the library: tf × idf from the search index's own counts) are looked up
 * together with BM25; the text score is then joined by shared tags, shared sources and the
 * same section. Each suggestion says why: the words, tags and sources it shares.
 */
import { ApiError } from '../../shared/errors';
import type { RelatedSuggestion } from '../../shared/library';
import type { ArticleStore } from '../articles/article-store';
import type { SourceStore } from '../sources/source-store';
import { SUGGESTION_STOP_WORDS } from '../library/stop-words';
import { termOf, tokenize } from './search-document';
import type { SearchService } from './search-service';

const QUERY_TERMS = 25;
const CANDIDATES = 40;
const SUGGESTIONS = 5;
/** How much each kind of evidence adds to a text score scaled to 0…1. */
const WEIGHT = { text: 0.6, tag: 0.12, maxTags: 0.24, source: 0.15, maxSources: 0.3, section: 0.08 };

export function suggestRelated(articles: ArticleStore, sources: SourceStore, search: SearchService, id: string): RelatedSuggestion[] {
  const registry = articles.folder.registry;
  const own = registry.byId(id)?.summary;
  if (!own) throw new ApiError('not-found', `No article with id ${id} in this workspace.`);
  const document = search.documentOf(id);
  const index = search.currentIndex();
  const linked = new Set([id, ...own.related]);
  for (const { summary } of registry.entries()) if (summary.related.includes(id)) linked.add(summary.id);

  // The article's words, weighed: headline and dek count more, like in search.
  const frequency = new Map<string, number>();
  const count = (text: string, times: number) => {
    for (const word of tokenize(text)) {
      const term = termOf(word);
      // Common words ("our", "last", "says") neither find a suggestion nor are shown as its reason.
      if (term === null || term.length < 3 || /^\d+$/.test(term) || SUGGESTION_STOP_WORDS.has(term)) continue;
      frequency.set(term, (frequency.get(term) ?? 0) + times);
    }
  };
  if (document) {
    count(document.headline, 3);
    count(document.dek, 2);
    count(document.body, 1);
    count(document.tags, 2);
  }
  const total = Math.max(1, index.documentCount);
  const weights = new Map<string, number>();
  for (const [term, tf] of frequency) {
    const df = index.documentFrequency(term);
    if (df <= 1) continue; // only this article has it: nothing to share
    weights.set(term, (1 + Math.log(tf)) * Math.log(1 + (total - df + 0.5) / (df + 0.5)));
  }
  const terms = [...weights].sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS).map(([term]) => term);
  const hits = index.similar(terms, (term) => weights.get(term) ?? 1, (other) => !linked.has(other) && !!registry.byId(other)).slice(0, CANDIDATES);

  // Articles sharing a source are candidates even when their words differ.
  const candidates = new Map(hits.map((hit) => [hit.id, hit]));
  if (own.sourceIds.length) {
    for (const { summary } of registry.entries()) {
      if (!linked.has(summary.id) && !candidates.has(summary.id) && summary.sourceIds.some((s) => own.sourceIds.includes(s))) {
        candidates.set(summary.id, { id: summary.id, score: 0, terms: [], fields: [] });
      }
    }
  }
  const best = Math.max(...hits.map((h) => h.score), 1e-9);
  // A shared tag is named as a tag, not again as a word.
  const tagTerms = new Set(own.tags.flatMap((t) => tokenize(t).map(termOf)).filter((t): t is string => t !== null));
  const sourceTitle = (sourceId: string) => sources.folder.registry.byId(sourceId)?.summary.title || sourceId;
  const suggestions: RelatedSuggestion[] = [];
  for (const hit of candidates.values()) {
    const other = registry.byId(hit.id)?.summary;
    if (!other) continue;
    const tags = other.tags.filter((t) => own.tags.includes(t));
    const shared = other.sourceIds.filter((s) => own.sourceIds.includes(s));
    const section = own.section && other.section === own.section ? own.section : null;
    const score =
      WEIGHT.text * (hit.score / best) +
      Math.min(WEIGHT.maxTags, tags.length * WEIGHT.tag) +
      Math.min(WEIGHT.maxSources, shared.length * WEIGHT.source) +
      (section ? WEIGHT.section : 0);
    const sharedTerms = hit.terms.filter((t) => weights.has(t) && !tagTerms.has(t)).sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0)).slice(0, 5);
    suggestions.push({
      id: other.id,
      headline: other.headline,
      slug: other.slug,
      score: Math.round(score * 1000) / 1000,
      reasons: { terms: sharedTerms, tags, sources: shared.map(sourceTitle), section },
    });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.headline.localeCompare(b.headline)).slice(0, SUGGESTIONS);
}
