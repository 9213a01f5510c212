/**
 * A saved web page into the editor: Readability finds the article in a linkedom DOM (the
 * page's navigation, asides, comments and footers stay out), and its content becomes the
 * body. The page's own metadata gives the meta: its article <h1> (or title) the headline,
 * its description the dek, its author the byline, <html lang> the language. Scripts,
 * styles and embedded frames are removed before anything reads the page.
 */
import { Readability } from '@mozilla/readability';
import type { LexicalEditor } from 'lexical';
import { parseHTML } from 'linkedom';
import { fail, ok, type Result } from '../../../shared/result';
import { bylineNames, type DocumentMeta } from './article-shape';
import { $appendDomBlocks, type DomImportReport, type DomNode } from './dom-to-body';

/** The parts of linkedom's document read here (core loads no DOM types). */
export interface PageElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  remove(): void;
  closest(selector: string): PageElement | null;
}
export interface PageDocument {
  documentElement: PageElement | null;
  body: PageElement | null;
  title: string;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

/** Never content, and never to be read by anything: removed before Readability runs. */
const NEVER_CONTENT = 'script, style, noscript, template, iframe, frame, object, embed, svg, math, canvas, button, select, textarea, input';
/** Around the article, not in it: removed when Readability finds no article and the whole body is taken. */
const PAGE_CHROME = 'nav, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], [hidden]';

/** Pages nested deeper than this are read without Readability (whose time grows with the square of the depth), as a whole. */
const MAX_READABLE_DEPTH = 400;
/** Pages nested deeper than this are refused; real pages nest a few dozen elements deep. */
export const MAX_MARKUP_DEPTH = 5_000;
/** Elements that never hold others, or whose end tags the parser supplies: they add no nesting. */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
]);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/** Parses a page (or a fragment, wrapped in a body) into a document of its own. */
export function parsePage(html: string): PageDocument {
  const whole = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype[^>]*>|<html[\s>])/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return (parseHTML(whole) as unknown as { document: PageDocument }).document;
}

/** Reads the page's article into the editor's root and returns what the page says of it; or why not. */
export function importHtml(name: string, html: string, editor: LexicalEditor, warnings: string[], fallbackHeadline: string): Result<DocumentMeta> {
  // The HTML parser's time grows with the square of the nesting: a hostile page is refused before it.
  if (markupDepth(html) > MAX_MARKUP_DEPTH) return fail(`${name} is nested more than ${MAX_MARKUP_DEPTH.toLocaleString('en')} elements deep; no page Copydesk can import is`);
  const page = parsePage(html);
  removeAll(page, NEVER_CONTENT);
  const meta = pageMeta(page);
  let content: DomNode | null = null;
  let byline = '';
  let title = '';
  // Readability's time grows with the square of the page's depth; no real page comes near the cap.
  const readable = page.body !== null && depthOf(page.body) <= MAX_READABLE_DEPTH;
  if (readable) {
    try {
      // Readability's types name the browser's Document; linkedom's document stands in for it.
      const article = new Readability(page as never, { serializer: (node: unknown) => node as DomNode }).parse();
      content = (article?.content as DomNode | null | undefined) ?? null;
      byline = article?.byline?.trim() ?? '';
      title = article?.title?.trim() ?? '';
    } catch {
      content = null;
    }
  }
  if (!content || !(content.textContent ?? '').trim()) {
    // Readability changes the page as it reads it: after it, the whole body comes from a fresh parse.
    const whole = readable ? parsePage(html) : page;
    removeAll(whole, `${NEVER_CONTENT}, ${PAGE_CHROME}`);
    // The page's header and footer, not an article's own (which holds its headline).
    for (const element of Array.from(whole.querySelectorAll('header, footer'))) if (!element.closest('article, main')) element.remove();
    content = whole.body;
    warnings.push('the page has no article Copydesk could tell apart; its whole text was imported, without navigation, headers and footers');
  }
  let report: DomImportReport = { media: 0, unsafeLinks: 0 };
  if (content) {
    const from = content;
    editor.update(() => {
      report = $appendDomBlocks(from);
    }, { discrete: true });
  }
  if (report.media) warnings.push(`${report.media} image${report.media === 1 ? '' : 's'} or media element${report.media === 1 ? '' : 's'} left out`);
  if (report.unsafeLinks) warnings.push(`${report.unsafeLinks} link${report.unsafeLinks === 1 ? '' : 's'} with an unsafe or relative address kept as plain text`);
  const headline = meta.headline || title || page.title.trim();
  const bylines = meta.author ? [meta.author] : byline ? bylineNames(byline) : [];
  return ok({
    fallbackHeadline,
    ...(headline ? { headline } : {}),
    ...(meta.description ? { dek: meta.description } : {}),
    ...(bylines.length ? { bylines } : {}),
    ...(meta.language ? { language: meta.language } : {}),
  });
}

/** What the page's markup says, read before Readability changes the page. */
function pageMeta(page: PageDocument): { headline: string; description: string; author: string; language: string } {
  const content = (selector: string) => page.querySelector(selector)?.getAttribute('content')?.replace(/\s+/g, ' ').trim() ?? '';
  const h1 = page.querySelector('article h1, main h1, [role="main"] h1') ?? onlyOne(page.querySelectorAll('h1'));
  return {
    headline: h1?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    description: content('meta[name="description"]') || content('meta[property="og:description"]'),
    author: content('meta[name="author"]'),
    language: page.documentElement?.getAttribute('lang')?.trim() ?? '',
  };
}

/**
 * How deeply the page's elements nest, estimated from its tags in one pass without parsing
 * (comments and raw-text elements skipped; a tag longer than 4,000 characters is not counted).
 */
export function markupDepth(html: string): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]{0,4000}?(\/?)>/y;
  let depth = 0;
  let deepest = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      at = html.indexOf('-->', at + 4);
      if (at < 0) break;
      continue;
    }
    tag.lastIndex = at;
    const match = tag.exec(html);
    if (!match) continue;
    const name = match[2]!.toLowerCase();
    at = tag.lastIndex - 1;
    if (match[1]) {
      if (!NO_NESTING.has(name)) depth = Math.max(0, depth - 1);
    } else if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = at;
      if (!end.exec(html)) break;
      at = end.lastIndex - 1;
    } else if (!match[3] && !NO_NESTING.has(name)) {
      deepest = Math.max(deepest, ++depth);
    }
  }
  return deepest;
}

/** How deeply the elements under `root` nest, walked with a stack of its own. */
function depthOf(root: DomNode): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_READABLE_DEPTH) break;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return deepest;
}

function onlyOne(elements: ArrayLike<PageElement>): PageElement | null {
  return elements.length === 1 ? elements[0]! : null;
}

function removeAll(page: PageDocument, selector: string): void {
  for (const element of Array.from(page.querySelectorAll(selector))) element.remove();
}
