/**
 * A saved web page as a source: Readability finds the article in a linkedom DOM, its text
 * keeps paragraphs as blank lines, and the page's own metadata fills the fields (title,
 * byline, site, date, language, canonical URL). No script or style text reaches the snapshot:
 * those elements are removed before Readability runs, and the text walk skips them again.
 */
import { Readability } from '@mozilla/readability';
import { fail, ok, type Result } from '../../../shared/result';
import type { SourceFields } from '../../../shared/source';
import type { NewSource } from '../source-store';
import { bylineNames } from './byline-names';
import { blockText, deeperThan, parseDocument, removeHidden, type DomDocument, type DomNode } from './html-text';
import { flattenHtml, nestsDeeperThan } from './html-nesting';
import { pageMetadata } from './page-metadata';
import { fileStem, snapshotText } from './snapshot-text';

/** What Readability found, with its content kept as a DOM node (no serializing and reparsing). */
interface Article {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  content?: DomNode | null;
}

/**
 * Deepest nesting handed to Readability. Its cost grows with the cube of the depth (1,000
 * nested divs take seconds, 5,000 take hours); real articles nest a few dozen deep.
 */
export const MAX_READABILITY_DEPTH = 200;
/** Deepest nesting of the markup parsed as it is; a deeper page is flattened to its paragraphs first. */
export const MAX_MARKUP_DEPTH = 2_000;

/** The readable text of a page; Readability's article, or the page's body when it finds none (or the page is absurdly deep). */
export function readableText(doc: DomDocument): { text: string; article: Article | null } {
  let article: Article | null = null;
  if (doc.documentElement && deeperThan(doc.documentElement, MAX_READABILITY_DEPTH)) {
    for (const el of Array.from(doc.querySelectorAll('nav, header, footer, aside, form'))) el.remove();
    return { text: doc.body ? blockText(doc.body) : '', article };
  }
  try {
    // Readability's types name the browser's Document; linkedom's document is its stand-in.
    const reader = new Readability(doc as never, { serializer: (node: unknown) => node as DomNode, charThreshold: 300 });
    article = reader.parse() as Article | null;
  } catch {
    article = null;
  }
  const text = article?.content ? blockText(article.content) : '';
  if (text.trim() || !doc.body) return { text, article };
  return { text: blockText(doc.body), article };
}

/** The page as a NewSource; `options.fileName` names it in messages and in the snapshot. */
export function extractWebPage(html: string, options: { fileName?: string; mediaType?: string } = {}): Result<NewSource, string> {
  const name = options.fileName ?? 'the page';
  let doc: DomDocument;
  try {
    doc = parseDocument(nestsDeeperThan(html, MAX_MARKUP_DEPTH) ? flattenHtml(html) : html);
  } catch (error) {
    return fail(`${name} could not be read as HTML (${error instanceof Error ? error.message : String(error)})`);
  }
  const meta = pageMetadata(doc);
  removeHidden(doc);
  const { text, article } = readableText(doc);
  const snapshot = snapshotText(text);
  if (!snapshot) return fail(`${name}: no readable text was found in this page`);
  const authors = meta.authors.length ? meta.authors : bylineNames(article?.byline ?? '');
  const fields: SourceFields = {
    type: meta.isArticle ? 'article-newspaper' : 'webpage',
    title: (meta.title || article?.title?.trim() || (options.fileName ? fileStem(options.fileName) : 'Untitled page')).slice(0, 2_000),
  };
  if (authors.length) fields.author = authors.slice(0, 500);
  if (meta.published) fields.issued = meta.published;
  const site = meta.siteName || article?.siteName?.trim() || '';
  if (site) fields['container-title'] = site.slice(0, 2_000);
  if (meta.language) fields.language = meta.language;
  if (meta.url && meta.url.length <= 4_000) fields.URL = meta.url;
  return ok({
    fields,
    snapshot: { text: snapshot, origin: 'web', mediaType: options.mediaType ?? 'text/html', ...(options.fileName ? { fileName: options.fileName } : {}) },
  });
}
