/**
 * The article body as HTML, one plain function per node type (as Ghost renders Lexical
 * for export): paragraphs, subheads, quotes, lists, links (safe schemes only; others
 * unwrapped), text formats, and attributions as numbered notes that lead to the source
 * list. Every text and attribute is escaped here; the page is sanitized after.
 */
import { isAssetName } from '../../shared/assets';
import { childrenOf, exportableUrl, hasFormat, hasHeaderRow, tableRows, TEXT_FORMAT, type BodyNode, type SourceNumber } from './body-nodes';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface HtmlContext {
  sourceNumber: SourceNumber;
}

type Renderer = (node: BodyNode, context: HtmlContext) => string;

const inner = (node: BodyNode, context: HtmlContext): string => childrenOf(node).map((child) => renderNode(child, context)).join('');

function renderParagraph(node: BodyNode, context: HtmlContext): string {
  const content = inner(node, context);
  return content ? `<p>${content}</p>\n` : '';
}

/** The page's h1 is the headline, so a body h1 becomes an h2. */
function renderHeading(node: BodyNode, context: HtmlContext): string {
  const level = Math.min(6, Math.max(2, Number(/^h([1-6])$/.exec(node.tag ?? '')?.[1] ?? 2)));
  return `<h${level}>${inner(node, context)}</h${level}>\n`;
}

function renderQuote(node: BodyNode, context: HtmlContext): string {
  return `<blockquote><p>${inner(node, context)}</p></blockquote>\n`;
}

function renderPullQuote(node: BodyNode, context: HtmlContext): string {
  const content = inner(node, context);
  if (!content.trim()) return '';
  const by = typeof node.attribution === 'string' && node.attribution.trim() ? `<footer>— ${escapeHtml(node.attribution.trim())}</footer>` : '';
  return `<aside class="pullquote"><blockquote><p>${content}</p></blockquote>${by}</aside>\n`;
}

/** A workspace image travels in the bundle under the same name; an image that was never imported is left out. */
function renderImage(node: BodyNode): string {
  if (!isAssetName(node.asset)) return '';
  const caption = [node.caption?.trim() ? escapeHtml(node.caption.trim()) : '', node.credit?.trim() ? `<small class="credit">${escapeHtml(node.credit.trim())}</small>` : '']
    .filter(Boolean)
    .join(' ');
  return `<figure><img src="${node.asset}" alt="${escapeHtml(node.alt ?? '')}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n`;
}

function renderTable(node: BodyNode, context: HtmlContext): string {
  const rows = tableRows(node);
  if (!rows.length) return '';
  const header = hasHeaderRow(rows);
  const cells = (row: BodyNode[], tag: string) => row.map((cell) => `<${tag}>${inner(cell, context).replace(/<\/?p>|\n/g, (m) => (m === '</p>' ? ' ' : '')).trim()}</${tag}>`).join('');
  const head = header ? `<thead><tr>${cells(rows[0]!, 'th')}</tr></thead>` : '';
  const body = (header ? rows.slice(1) : rows).map((row) => `<tr>${cells(row, 'td')}</tr>`).join('\n');
  return `<table>${head}<tbody>${body}</tbody></table>\n`;
}

function renderList(node: BodyNode, context: HtmlContext): string {
  const ordered = node.listType === 'number';
  const start = ordered && Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : '';
  const tag = ordered ? 'ol' : 'ul';
  const className = node.listType === 'check' ? ' class="checklist"' : '';
  return `<${tag}${start}${className}>\n${inner(node, context)}</${tag}>\n`;
}

function renderListItem(node: BodyNode, context: HtmlContext): string {
  const box = typeof node.checked === 'boolean' ? (node.checked ? '☑ ' : '☐ ') : '';
  return `<li>${box}${inner(node, context).replace(/\n$/, '')}</li>\n`;
}

function renderLink(node: BodyNode, context: HtmlContext): string {
  const url = exportableUrl(node.url);
  const content = inner(node, context);
  if (!url) return content;
  const title = typeof node.title === 'string' && node.title ? ` title="${escapeHtml(node.title)}"` : '';
  return `<a href="${escapeHtml(url)}"${title} rel="noopener noreferrer">${content}</a>`;
}

function renderAttribution(node: BodyNode, context: HtmlContext): string {
  const content = inner(node, context);
  const number = node.sourceId ? context.sourceNumber(node.sourceId) : null;
  if (number === null) return content;
  const locator = node.locator ? ` title="${escapeHtml(node.locator)}"` : '';
  return `<span class="attribution">${content}</span><sup class="source-note"><a href="#source-${number}"${locator}>[${number}]</a></sup>`;
}

const FORMAT_TAGS: Array<[number, string]> = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
  [TEXT_FORMAT.highlight, 'mark'],
];

function renderText(node: BodyNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  for (const [bit, tag] of FORMAT_TAGS) if (hasFormat(node, bit)) html = `<${tag}>${html}</${tag}>`;
  return html;
}

const RENDERERS: Record<string, Renderer> = {
  root: inner,
  paragraph: renderParagraph,
  heading: renderHeading,
  quote: renderQuote,
  list: renderList,
  listitem: renderListItem,
  link: renderLink,
  attribution: renderAttribution,
  pullquote: renderPullQuote,
  image: renderImage,
  table: renderTable,
  horizontalrule: () => '<hr>\n',
  // Notes for the desk are never published (the gate stops an export that still has them).
  editornote: () => '',
  text: renderText,
  linebreak: () => '<br>',
  tab: () => '\t',
};

/** A node type the list does not know (the editor refuses them) keeps its text and nothing else. */
function renderNode(node: BodyNode, context: HtmlContext): string {
  const render = RENDERERS[node.type];
  return render ? render(node, context) : inner(node, context);
}

/** The body's HTML: a fragment of block elements. */
export function bodyHtml(root: BodyNode, sourceNumber: SourceNumber): string {
  return renderNode(root, { sourceNumber });
}
