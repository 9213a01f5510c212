/**
 * Takes the event-handler attributes (onerror=, onload=, …) out of pasted markup before
 * any parser sees it, and renames style attributes to `data-paste-style`. Parsing is inert
 * (DOMParser runs nothing), but Chromium still checks each handler and style attribute
 * against the page's CSP as it parses and reports a violation; with neither there is
 * nothing to report. (The styles are kept under another name because Docs and Word write
 * bold and italic as styles.) DOMPurify then does the sanitizing proper. A small tokenizer after the HTML standard's rules for start tags
 * (quoted and unquoted values, `/` between attributes), comments and raw-text elements,
 * so `<img/onerror=…>` and a `>` inside a quoted value are read as a browser reads them.
 * No DOM: testable in Node.
 */

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const SPACE = /[\t\n\f\r ]/;

export const PASTE_STYLE = 'data-paste-style';

export function prepareMarkup(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    const name = /^[a-zA-Z][^\t\n\f\r />]*/.exec(html.slice(lt + 1, lt + 200))?.[0];
    if (!name) {
      out += '<';
      i = lt + 1;
      continue;
    }
    let j = lt + 1 + name.length;
    let tag = `<${name}`;
    for (;;) {
      while (j < n && (SPACE.test(html[j]!) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') break;
      // An attribute's name runs to a space, '/', '>' or '=' (an '=' may be its first character).
      let k = j + 1;
      while (k < n && !SPACE.test(html[k]!) && !'/>='.includes(html[k]!)) k++;
      const attribute = html.slice(j, k);
      let value = '';
      let m = k;
      while (m < n && SPACE.test(html[m]!)) m++;
      if (html[m] === '=') {
        m++;
        while (m < n && SPACE.test(html[m]!)) m++;
        const quote = html[m];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, m + 1);
          const stop = close < 0 ? n : close + 1;
          value = html.slice(m, stop);
          m = stop;
        } else {
          let stop = m;
          while (stop < n && !SPACE.test(html[stop]!) && html[stop] !== '>') stop++;
          value = html.slice(m, stop);
          m = stop;
        }
        k = m;
      }
      const kept = /^style$/i.test(attribute) ? PASTE_STYLE : /^on/i.test(attribute) || attribute.toLowerCase() === PASTE_STYLE ? null : attribute;
      if (kept) tag += ` ${kept}${value ? `=${value}` : ''}`;
      j = k;
    }
    out += `${tag}>`;
    i = j + 1;
    // The text of a raw-text element is not markup: copied as it is, to its end tag.
    const lower = name.toLowerCase();
    if (RAW_TEXT.has(lower)) {
      const end = html.toLowerCase().indexOf(`</${lower}`, i);
      const stop = end < 0 ? n : end;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out;
}
