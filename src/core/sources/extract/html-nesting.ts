/**
 * A guard before the DOM: linkedom's parser slows down more than linearly with nesting
 * depth (100,000 nested divs take seconds; a 20 MB file of them, hours). The markup is
 * scanned once, as a parser would nest it; a page absurdly deep is flattened to its
 * paragraphs, headings and metadata first, so it still yields its text.
 */

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a parser closes when another of the same kind opens (unclosed <p> and <li> are common and harmless). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/** Whether the markup nests elements deeper than `limit`. */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>|<(script|style)\b[^>]*>[\s\S]*?<\/\4\s*>|<!--[\s\S]*?-->/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (VOID.has(name) || match[3]) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) continue;
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}

/** The page with every tag removed but those that carry its text's shape and its metadata; scripts other than JSON-LD and styles dropped. */
export function flattenHtml(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi, (whole, name: string, attributes: string) =>
      name.toLowerCase() === 'script' && /application\/ld\+json/i.test(attributes) ? whole : ' ',
    )
    .replace(/<(?!\/?(?:p|h[1-6]|li|br|pre|blockquote|title|meta|link|html|head|body|time|script)\b)\/?[a-zA-Z][^>]*>/gi, ' ');
}
