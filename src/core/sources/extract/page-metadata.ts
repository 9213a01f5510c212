/**
 * What a saved page says about itself: Open Graph and article meta tags, JSON-LD, the
 * canonical link, <time datetime>, <html lang>. Read before anything strips the scripts
 * (JSON-LD lives in one); nothing here runs or trusts the page, it only reads strings.
 */
import type { CslName } from '../../../shared/source';
import { bylineNames, personOrBody } from './byline-names';
import type { DomDocument } from './html-text';

export interface PageMetadata {
  title: string;
  authors: CslName[];
  siteName: string;
  /** YYYY-MM-DD or ''. */
  published: string;
  language: string;
  /** The page's own absolute http(s) address (canonical link, og:url), or ''. */
  url: string;
  /** og:type article, or a JSON-LD NewsArticle. */
  isArticle: boolean;
}

/** Largest JSON-LD block parsed; a bigger one is not metadata. */
const MAX_JSON_LD_CHARS = 1_000_000;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|Report)$/;

export function pageMetadata(doc: DomDocument): PageMetadata {
  const meta = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const siteName = clean(meta.get('og:site_name') || ld.publisher || meta.get('application-name') || '');
  const title = withoutSiteSuffix(
    clean(meta.get('og:title') || meta.get('twitter:title') || ld.headline || doc.title || doc.querySelector('h1')?.textContent || ''),
    siteName,
  );
  const metaAuthor = [meta.get('author'), meta.get('article:author'), meta.get('dc.creator')].find((a) => a && !/^https?:\/\//i.test(a.trim()));
  const authors = ld.authors.length ? ld.authors : metaAuthor ? bylineNames(metaAuthor) : bylineNames(domByline(doc));
  const published = [
    meta.get('article:published_time'),
    ld.datePublished,
    meta.get('datepublished'),
    meta.get('dc.date'),
    meta.get('date'),
    timeAttribute(doc),
  ].reduce<string>((found, value) => found || dateLabel(value ?? ''), '');
  const language = [doc.documentElement?.getAttribute('lang'), meta.get('content-language'), meta.get('og:locale')?.replace('_', '-')]
    .map((l) => (l ?? '').trim())
    .find((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l) && l.length <= 35) ?? '';
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const url = [canonical, meta.get('og:url') ?? ''].map(absoluteHttpUrl).find(Boolean) ?? '';
  const isArticle = (meta.get('og:type') ?? '').trim().toLowerCase() === 'article' || ld.isNews;
  return { title, authors, siteName, published, language, url, isArticle };
}

/** A date as the page writes it, as YYYY-MM-DD ('' when it is not a date). */
export function dateLabel(value: string): string {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    // The date as written, not moved to UTC: a story dated late on the 12th in New York is the 12th's.
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y > 1000 ? iso.slice(1, 4).join('-') : '';
  }
  if (!/\d{4}/.test(text) || text.length > 100) return '';
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return '';
  return [parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

function metaTags(doc: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content');
    if (key && content?.trim() && !tags.has(key)) tags.set(key, content.trim());
  }
  return tags;
}

interface LdArticle {
  headline?: string | undefined;
  authors: CslName[];
  publisher?: string | undefined;
  datePublished?: string | undefined;
  isNews: boolean;
}

/** The first article-like object in the page's JSON-LD (arrays and @graph looked into). */
function jsonLdArticle(doc: DomDocument): LdArticle {
  const objects: Array<Record<string, unknown>> = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      collect(JSON.parse(text), objects, 0);
    } catch {
      // A broken JSON-LD block is the page's problem: its metadata is skipped, the page is read.
    }
  }
  const typesOf = (o: Record<string, unknown>) => [o['@type']].flat().filter((t): t is string => typeof t === 'string');
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) || t === 'BlogPosting')) ?? objects.find((o) => typesOf(o).includes('WebPage'));
  if (!article) return { authors: [], isNews: false };
  return {
    headline: textOf(article.headline) ?? textOf(article.name),
    authors: [article.author].flat().flatMap((a): CslName[] => {
      const name = typeof a === 'string' ? a : textOf((a as Record<string, unknown> | null)?.name);
      if (!name || /^https?:\/\//i.test(name)) return [];
      return typeof a === 'object' && a && String((a as Record<string, unknown>)['@type']) === 'Organization' ? [{ literal: name }] : [personOrBody(name)];
    }),
    publisher: textOf((article.publisher as Record<string, unknown> | undefined)?.name) ?? textOf(article.publisher),
    datePublished: textOf(article.datePublished) ?? textOf(article.dateCreated),
    isNews: typesOf(article).some((t) => ARTICLE_TYPES.test(t)),
  };
}

function collect(value: unknown, into: Array<Record<string, unknown>>, depth: number): void {
  if (depth > 4 || into.length > 200) return;
  if (Array.isArray(value)) for (const v of value) collect(v, into, depth + 1);
  else if (value && typeof value === 'object') {
    into.push(value as Record<string, unknown>);
    collect((value as Record<string, unknown>)['@graph'], into, depth + 1);
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? clean(value) : undefined;
}

/**
 * The byline as the page prints it. Readability finds one too, but not inside a block it
 * drops as page furniture (a "story-header"), which is where many sites print it.
 */
function domByline(doc: DomDocument): string {
  const el = doc.querySelector('[itemprop~="author"], [class*="byline"], [id*="byline"], [rel="author"], [class~="author"]');
  const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length < 200 ? text : '';
}

function timeAttribute(doc: DomDocument): string {
  for (const selector of ['[itemprop="datePublished"]', 'article time[datetime]', 'time[pubdate]', 'main time[datetime]', 'time[datetime]']) {
    const el = doc.querySelector(selector);
    const value = el?.getAttribute('datetime') ?? el?.getAttribute('content');
    if (value?.trim()) return value;
  }
  return '';
}

function absoluteHttpUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** "Port deal signed | The Harbour Ledger" → "Port deal signed", when the site is named. */
function withoutSiteSuffix(title: string, siteName: string): string {
  if (!siteName || title.length <= siteName.length) return title;
  const rest = title.slice(0, title.length - siteName.length);
  if (title.slice(rest.length).toLowerCase() !== siteName.toLowerCase()) return title;
  const match = /^(.+?)\s+[|\-–—·:]\s*$/.exec(rest);
  return match ? match[1]! : title;
}
