/**
 * `article.md`: front matter for static site generators, the AI disclosure when there is
 * one, the body, footnotes for the attributed sources, the source list and the related
 * articles.
 */
import { attributedSourceIds } from '../../document/attribution-json';
import type { LexicalBody } from '../../shared/article';
import type { ArticleFacts } from './article-facts';
import { bodyMarkdown, escapeMarkdown } from './body-markdown';
import { frontMatter, type FrontMatterValue } from './front-matter';
import { sourceDetails, type ListedSource } from './source-list';

const one = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

function sourceLine(listed: ListedSource): string {
  const details = sourceDetails(listed);
  const url = listed.url ? ` <${listed.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '';
  return `${one(listed.title)}.${details ? ` ${one(details)}` : ''}${url}`;
}

export function articleMarkdown(facts: ArticleFacts): string {
  const fields: Array<[string, FrontMatterValue]> = [
    ['title', facts.headline],
    ['description', facts.dek],
    ['date', { date: facts.datePublished }],
    ['lastmod', { date: facts.dateModified }],
    ['slug', facts.slug],
    ['authors', facts.bylines],
    ['tags', facts.tags],
    ['categories', facts.section ? [facts.section] : []],
    ['kicker', facts.kicker],
    ['dateline', facts.dateline],
    ['lang', facts.language],
  ];
  if (facts.aiContent) fields.push(['ai_disclosure', facts.aiDisclosure]);
  const body = bodyMarkdown(facts.body, facts.sourceNumber);
  const parts = [frontMatter(fields).trimEnd()];
  if (facts.aiContent) parts.push(`*${one(facts.aiDisclosure)}*`);
  if (body) parts.push(body);
  const cited = new Set(attributedSourceIds({ root: facts.body } as unknown as LexicalBody).map(facts.sourceNumber));
  const notes = facts.sources.filter((s) => cited.has(s.number)).map((s) => `[^${s.number}]: ${sourceLine(s)}`);
  if (facts.sources.length) parts.push(`## Sources\n\n${facts.sources.map((s) => `${s.number}. ${sourceLine(s)}`).join('\n')}`);
  if (facts.related.length) parts.push(`## Related articles\n\n${facts.related.map((r) => `- ${one(r.headline || r.slug)}`).join('\n')}`);
  if (notes.length) parts.push(notes.join('\n'));
  return `${parts.join('\n\n')}\n`;
}
