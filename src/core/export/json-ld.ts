/**
 * schema.org JSON-LD for the page's head: NewsArticle (AnalysisNewsArticle when the kicker
 * says "Analysis"), with the fields search engines and aggregators read, the sources as
 * citation and isBasedOn, and IPTC's digital source type when a model made the content.
 * Written so it cannot close its script element.
 */
import type { ArticleFacts } from './article-facts';
import type { ListedSource } from './source-list';
import { stableJson } from './stable-json';

function citation(listed: ListedSource): Record<string, unknown> {
  const csl = listed.source.csl;
  return {
    '@type': 'CreativeWork',
    name: listed.title,
    ...(listed.url ? { url: listed.url } : {}),
    ...(csl.author?.length ? { author: csl.author.map((a) => (a.literal ? { '@type': 'Organization', name: a.literal } : { '@type': 'Person', name: [a.given, a.family].filter(Boolean).join(' ') })) } : {}),
    ...(listed.container ? { publisher: { '@type': 'Organization', name: listed.container } } : {}),
    ...(listed.issued ? { datePublished: listed.issued } : {}),
  };
}

export function jsonLd(facts: ArticleFacts): Record<string, unknown> {
  const sources = facts.sources.map(citation);
  return {
    '@context': 'https://schema.org',
    '@type': facts.analysis ? 'AnalysisNewsArticle' : 'NewsArticle',
    identifier: `urn:uuid:${facts.id}`,
    headline: facts.headline,
    ...(facts.dek ? { description: facts.dek } : {}),
    author: facts.bylines.map((name) => ({ '@type': 'Person', name })),
    datePublished: facts.datePublished,
    dateModified: facts.dateModified,
    dateCreated: facts.createdAt,
    ...(facts.section ? { articleSection: facts.section } : {}),
    keywords: facts.tags,
    wordCount: facts.words,
    timeRequired: `PT${facts.minutes}M`,
    inLanguage: facts.language,
    ...(facts.dateline ? { locationCreated: { '@type': 'Place', name: facts.dateline } } : {}),
    ...(sources.length ? { citation: sources, isBasedOn: sources } : {}),
    ...(facts.related.length ? { relatedLink: facts.related.map((r) => `urn:uuid:${r.id}`) } : {}),
    ...(facts.digitalSourceType ? { digitalSourceType: facts.digitalSourceType.uri } : {}),
  };
}

/** The JSON-LD as script content: `<`, `>` and `&` as \u escapes (no `</script`, no `<!--`), line separators escaped. */
export function jsonLdScript(facts: ArticleFacts): string {
  return stableJson(jsonLd(facts)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
