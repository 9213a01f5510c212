/**
 * Markup pasted from a web page, Google Docs or Word, made safe and made an article's:
 * DOMPurify first (no script, no handler, no style sheet, links http, https and mailto
 * only), into a detached document that never runs anything; then what the page wrapped
 * around the words is dropped (navigation, buttons, share bars, "Subscribe", "Read more"),
 * the formatting Docs and Word write as styles becomes tags, Word's list paragraphs become
 * lists, and every image becomes an empty <figure> that carries its alt text and caption,
 * for the editor's "image not imported" placeholder. The result is parsed into nodes by
 * Lexical; nothing of it ever reaches the live page.
 */
import DOMPurify from 'dompurify';
import { PASTE_STYLE, prepareMarkup } from './pre-parse';

/** Elements that are never an article's words. */
const CHROME_TAGS = 'nav, header:not(:has(h1, h2, h3)), footer, button, form, input, select, textarea, label, iframe, video, audio, canvas, noscript, template, dialog, menu';
const CHROME_ROLES = '[role="navigation"], [role="banner"], [role="contentinfo"], [role="button"], [role="dialog"], [role="search"], [role="toolbar"], [aria-hidden="true"], [hidden]';
/** Class or id words of a page's furniture. */
const CHROME_NAMES = /(?:^|[\s_-])(share|sharing|social|newsletter|subscribe|subscription|promo|advert|advertisement|ad|ads|sponsor|cookie|consent|paywall|breadcrumbs?|comments?|related-links|recirc|outbrain|taboola|toolbar|signup|sign-up)(?:$|[\s_-])/i;
/** Whole texts of links, buttons and lines that are the page talking, not the story. */
const CHROME_TEXT =
  /^(read more|more|continue reading|subscribe( now| today)?|sign up( now)?|share( this( article| story)?)?|tweet|email|print|advertisement|sponsored|skip to (main )?content|follow us( on \w+)?|click here|learn more|see more|show more|load more|comments?|\d+ comments?|listen to (this )?(article|story)|save( article)?|gift (this )?article|copy link|back to top)[\s.:!›»→…>]*$/i;

const text = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

function sanitize(html: string): HTMLElement {
  return DOMPurify.sanitize(prepareMarkup(html), {
    RETURN_DOM: true,
    WHOLE_DOCUMENT: false,
    FORBID_TAGS: ['style', 'script', 'svg', 'math', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'template'],
    FORBID_ATTR: ['srcset', 'formaction', 'action', 'background', 'poster'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: [PASTE_STYLE],
    // Its value is a style, not an address: not checked against the link schemes.
    ADD_URI_SAFE_ATTR: [PASTE_STYLE],
  }) as HTMLElement;
}

/** The declarations of a pasted style attribute (kept as data-paste-style), by property. */
function declarations(element: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const part of (element.getAttribute(PASTE_STYLE) ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) style.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return style;
}

/** Docs and Word write emphasis as styles: it becomes tags, then every style goes. */
function stylesToTags(root: HTMLElement): void {
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const b of Array.from(root.querySelectorAll('b'))) {
    if (b.id.startsWith('docs-internal-guid') || declarations(b).get('font-weight') === 'normal') unwrap(b);
  }
  for (const element of Array.from(root.querySelectorAll(`[${PASTE_STYLE}]`))) {
    if (element.tagName === 'SPAN' || element.tagName === 'FONT') {
      const style = declarations(element);
      const weight = style.get('font-weight') ?? '';
      if (weight === 'bold' || Number(weight) >= 600) wrapChildren(element, 'strong');
      if (style.get('font-style') === 'italic') wrapChildren(element, 'em');
      const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
      if (decoration.includes('underline')) wrapChildren(element, 'u');
      if (decoration.includes('line-through')) wrapChildren(element, 's');
      if (style.get('vertical-align') === 'super') wrapChildren(element, 'sup');
      if (style.get('vertical-align') === 'sub') wrapChildren(element, 'sub');
    }
    element.removeAttribute(PASTE_STYLE);
  }
}

/**
 * Word writes a list as paragraphs whose bullet or number is typed text in a span marked
 * `mso-list:Ignore`: the marker says which kind of list, then goes; the paragraphs become
 * <ul>/<ol> items. Runs before the styles are dropped.
 */
function wordLists(root: HTMLElement, html: string): void {
  if (!/mso-list|MsoListParagraph/i.test(html)) return;
  let list: HTMLElement | null = null;
  for (const item of Array.from(root.querySelectorAll<HTMLElement>('p'))) {
    const isItem = /MsoListParagraph/i.test(item.className) || /mso-list:\s*l\d/i.test(item.getAttribute(PASTE_STYLE) ?? '');
    if (!isItem) continue;
    const ignored = Array.from(item.querySelectorAll(`[${PASTE_STYLE}]`)).filter((span) => declarations(span).get('mso-list') === 'ignore');
    const marker = ignored.map(text).join('').trim();
    for (const span of ignored) span.remove();
    const ordered = /^(\d+|[a-z]|[ivx]+)[.)]$/i.test(marker);
    if (!list || item.previousElementSibling !== list || (list.tagName === 'OL') !== ordered) {
      list = item.ownerDocument.createElement(ordered ? 'ol' : 'ul');
      item.before(list);
    }
    const li = item.ownerDocument.createElement('li');
    li.append(...Array.from(item.childNodes));
    list.append(li);
    item.remove();
  }
}

function dropChrome(root: HTMLElement): void {
  for (const element of Array.from(root.querySelectorAll(`${CHROME_TAGS}, ${CHROME_ROLES}`))) element.remove();
  for (const element of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!element.isConnected || element.tagName === 'FIGURE' || element.tagName === 'TABLE') continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (CHROME_NAMES.test(names) && text(element).length < 400) element.remove();
  }
  // "Read more ›", "Subscribe": links and short lines that are the page talking.
  for (const link of Array.from(root.querySelectorAll('a'))) {
    if (!link.isConnected) continue;
    const words = text(link);
    if (!words || CHROME_TEXT.test(words)) link.remove();
  }
  for (const element of Array.from(root.querySelectorAll('p, div, li, span, h2, h3, h4, h5, h6, aside, section'))) {
    if (!element.isConnected) continue;
    const words = text(element);
    if (words && CHROME_TEXT.test(words)) element.remove();
  }
  // A block left with nothing in it (its chrome gone) goes too; a table cell keeps its place.
  for (const element of Array.from(root.querySelectorAll('p, div, li, ul, ol, section, aside, blockquote, h1, h2, h3, h4, h5, h6, span, a, strong, em, b, i'))) {
    if (element.isConnected && !text(element) && !element.querySelector('img, figure, br, table')) element.remove();
  }
}

/** Every image becomes an empty <figure> with data-alt, data-caption and data-credit, outside any paragraph. */
function imagesToPlaceholders(root: HTMLElement): void {
  const doc = root.ownerDocument;
  const placeholder = (alt: string, caption: string, credit: string) => {
    const figure = doc.createElement('figure');
    figure.setAttribute('data-alt', alt);
    figure.setAttribute('data-caption', caption);
    figure.setAttribute('data-credit', credit);
    return figure;
  };
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    const img = figure.querySelector('img');
    const captionElement = figure.querySelector('figcaption');
    const creditElement = captionElement?.querySelector('[class*="credit" i], [class*="copyright" i], [class*="source" i], small, cite') ?? null;
    const credit = creditElement ? text(creditElement) : '';
    creditElement?.remove();
    const caption = captionElement ? text(captionElement) : '';
    if (!img && !caption) {
      unwrap(figure);
      continue;
    }
    // A figure holding a table or a quote is that, not an image.
    if (!img && figure.querySelector('table, blockquote')) {
      unwrap(figure);
      continue;
    }
    figure.replaceWith(placeholder(img?.getAttribute('alt')?.trim() ?? '', caption, credit));
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const figure = placeholder(img.getAttribute('alt')?.trim() ?? '', img.getAttribute('title')?.trim() ?? '', '');
    // Out of the paragraph it sat in: an image is a block of its own.
    let block: Element = img;
    while (block.parentElement && block.parentElement !== root && !['TD', 'TH', 'LI'].includes(block.parentElement.tagName)) block = block.parentElement;
    if (block === img) img.replaceWith(figure);
    else {
      block.after(figure);
      img.remove();
    }
  }
}

/** A table with no header cells whose first row is all bold (as Word writes one) gets that row as its header. */
function headerRows(root: HTMLElement): void {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (table.querySelector('th')) continue;
    const first = table.querySelector('tr');
    const cells = first ? Array.from(first.children).filter((c) => c.tagName === 'TD') : [];
    const bold = (cell: Element) => text(cell) !== '' && Array.from(cell.querySelectorAll('b, strong')).map(text).join(' ').replace(/\s+/g, ' ').trim() === text(cell);
    if (!cells.length || !cells.every(bold)) continue;
    for (const cell of cells) {
      const th = cell.ownerDocument.createElement('th');
      th.append(...Array.from(cell.childNodes));
      for (const b of Array.from(th.querySelectorAll('b, strong'))) unwrap(b);
      cell.replaceWith(th);
    }
  }
}

/** A pull quote on a page is an aside or figure around a blockquote: it is kept as a quote. */
function keepQuotes(root: HTMLElement): void {
  for (const aside of Array.from(root.querySelectorAll('aside'))) {
    if (aside.querySelector('blockquote') || /pull-?quote/i.test(aside.className)) {
      const quote = root.ownerDocument.createElement('blockquote');
      quote.append(...Array.from(aside.childNodes));
      aside.replaceWith(quote);
    }
  }
}

/** Pasted markup as a detached, sanitized element ready for Lexical's importer. */
export function cleanPastedHtml(html: string): HTMLElement {
  const root = sanitize(html);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      // Whatever DOMPurify let through, no handler and no unsafe address survives here either.
      if (/^on/i.test(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  wordLists(root, html);
  stylesToTags(root);
  for (const o of Array.from(root.getElementsByTagName('o:p'))) unwrap(o);
  keepQuotes(root);
  dropChrome(root);
  headerRows(root);
  imagesToPlaceholders(root);
  // Line breaks between blocks (Docs puts one after each list) are not paragraphs.
  for (const br of Array.from(root.querySelectorAll('br'))) {
    const parent = br.parentElement;
    if (parent === root || !parent || !text(parent) || br === parent.firstChild || br === parent.lastChild) br.remove();
  }
  // Word's and Docs' empty paragraphs between paragraphs are not text.
  for (const p of Array.from(root.querySelectorAll('p'))) if (!text(p) && !p.querySelector('figure, img')) p.remove();
  return root;
}
