/**
 * `ninjs.json`: the article as IPTC ninjs 3.1 (resources/standards/ninjs), what a wire or
 * a CMS ingests: headlines, the dek, the body as HTML and as plain text, the byline, the
 * section and tags as subjects, the related articles as associations, the sources as info
 * sources, the digital source type when a model made the content, and whether it may be
 * published (pubStatus).
 */
import { slugify } from '../../shared/slug';
import { joinNames, type ArticleFacts } from './article-facts';

export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

const articleUri = (id: string) => `urn:uuid:${id}`;

/** A URL a `format: uri` field takes: an absolute http(s) URL. */
function absoluteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * ninjs's publication status: "usable" only for an approved article that nothing at the
 * gate stopped (an approval past open claims with a recorded reason counts: the reviewer
 * accepted those claims, and the manifest says so); anything exported past the gate, or
 * not approved, is "withheld" so a CMS does not publish it by default.
 */
export function pubStatus(status: string, exportedPastGate: boolean): 'usable' | 'withheld' {
  return status === 'approved' && !exportedPastGate ? 'usable' : 'withheld';
}

export function ninjs(facts: ArticleFacts, bodyHtml: string, publication: 'usable' | 'withheld'): Record<string, unknown> {
  const descriptions = [
    ...(facts.dek ? [{ role: 'summary', contentType: 'text/plain', value: facts.dek }] : []),
    ...(facts.aiContent ? [{ role: 'ai-disclosure', contentType: 'text/plain', value: facts.aiDisclosure }] : []),
  ];
  const headlines = [
    { role: 'main', contentType: 'text/plain', value: facts.headline },
    ...(facts.kicker ? [{ role: 'kicker', contentType: 'text/plain', value: facts.kicker }] : []),
  ];
  const subjects = [
    ...(facts.section ? [{ name: facts.section, rel: 'section', literal: `section:${slugify(facts.section)}` }] : []),
    ...facts.tags.map((tag) => ({ name: tag, rel: 'tag', literal: `tag:${slugify(tag)}` })),
  ];
  const infoSources = facts.sources.map((s) => {
    const url = absoluteUrl(s.url);
    return { name: s.title, role: 'source', literal: s.source.id, ...(url ? { uri: url } : {}) };
  });
  return {
    uri: articleUri(facts.id),
    type: 'text',
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    representationType: 'full',
    version: facts.revision,
    firstCreated: facts.createdAt,
    versionCreated: facts.exportedAt,
    contentCreated: facts.createdAt,
    pubStatus: publication,
    language: facts.language,
    slugline: facts.slug,
    headlines,
    ...(descriptions.length ? { descriptions } : {}),
    bodies: [
      { role: 'main', contentType: 'text/html', charCount: facts.plainText.length, wordCount: facts.words, value: bodyHtml },
      { role: 'main', contentType: 'text/plain', charCount: facts.plainText.length, wordCount: facts.words, value: facts.plainText },
    ],
    ...(facts.bylines.length ? { by: joinNames(facts.bylines) } : {}),
    ...(facts.dateline ? { located: facts.dateline } : {}),
    ...(subjects.length ? { subjects } : {}),
    ...(facts.analysis ? { genres: [{ name: 'Analysis', uri: 'http://cv.iptc.org/newscodes/genre/Analysis' }] } : {}),
    ...(infoSources.length ? { infoSources } : {}),
    ...(facts.related.length
      ? { associations: facts.related.map((r) => ({ name: r.headline || r.slug, rel: 'related', uri: articleUri(r.id), type: 'text', headlines: [{ role: 'main', value: r.headline || r.slug }] })) }
      : {}),
    ...(facts.digitalSourceType ? { digitalSourceType: facts.digitalSourceType } : {}),
  };
}
