/**
 * A DOM (linkedom, parsed inside core: no browser globals) and its text as a reader sees
 * it: one block a paragraph, blocks separated by a blank line, no script, style or other
 * text that a page never shows.
 */
import { parseHTML } from 'linkedom';

/** The few DOM members the extractors read; linkedom's nodes have them all. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Parses a page (or a fragment, wrapped in a body) into a document of its own. */
export function parseDocument(html: string): DomDocument {
  const whole = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype[^>]*>|<html[\s>])/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  // linkedom types its window with the browser's lib, which core does not load.
  return (parseHTML(whole) as unknown as { document: DomDocument }).document;
}

/** Elements whose text a reader never sees. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);

/** Elements that start and end a block of text (a table's row is one; its cells are spaced). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * The text of a node: inline runs with their white space collapsed (kept in <pre>), a line
 * break for <br>, a blank line between blocks. Walks with its own stack, so a page nested
 * ten thousand deep costs no call stack.
 */
export function blockText(root: DomNode): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line
      .split('\n')
      .map((l) => l.trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (text) blocks.push(text);
    line = '';
  };
  // Each entry is a node to visit, or the marker that a block element has ended.
  const stack: Array<{ node: DomNode; pre: boolean } | 'end-block'> = [{ node: root, pre: false }];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === 'end-block') {
      flush();
      continue;
    }
    const { node, pre } = next;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const text = node.textContent ?? '';
      line += pre ? text : text.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (HIDDEN.has(name)) continue;
    if (name === 'BR') {
      line += '\n';
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push('end-block');
    } else if (name === 'TD' || name === 'TH') {
      line += ' ';
    }
    const inPre = pre || name === 'PRE';
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, pre: inPre });
  }
  flush();
  return blocks
    .map((b) => b.replace(/ +\n/g, '\n').replace(/\n{3,}/g, '\n\n'))
    .join('\n\n');
}

/** Whether any element lies deeper than `limit` below `root` (walked with its own stack, stopping early). */
export function deeperThan(root: DomNode, limit: number): boolean {
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT) stack.push([children[i]!, depth + 1]);
  }
  return false;
}

/** Removes every element a reader never sees, so nothing downstream can pick up its text. */
export function removeHidden(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template, iframe, object, embed'))) el.remove();
}
