/**
 * Plain text, word counts and reading time from serialized Lexical JSON, without a
 * Lexical editor: used by the index (Node) and the status bar (renderer) alike.
 */

/** The part of a serialized Lexical node this module reads. */
export interface SerializedNodeLike {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'code', 'table', 'tablerow']);

/** Plain text of a serialized editor state: blocks separated by blank lines. */
export function plainTextFromBody(body: { root?: SerializedNodeLike } | null | undefined): string {
  if (!body?.root) return '';
  const blocks: string[] = [];
  let current = '';
  const walk = (node: SerializedNodeLike): void => {
    if (typeof node.text === 'string') {
      current += node.text;
    } else if (node.type === 'linebreak') {
      current += '\n';
    } else if (node.type === 'tab') {
      current += '\t';
    }
    const children = Array.isArray(node.children) ? (node.children as SerializedNodeLike[]) : [];
    const isBlock = typeof node.type === 'string' && BLOCK_TYPES.has(node.type);
    for (const child of children) walk(child);
    if (isBlock && current.trim() !== '') {
      blocks.push(current.trim());
      current = '';
    }
  };
  walk(body.root);
  if (current.trim() !== '') blocks.push(current.trim());
  return blocks.join('\n\n');
}

const NON_ASCII_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const JOINERS = new Set(["'", '’', '-', '.', ',']);

function isWordChar(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? 1 : 0;
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return NON_ASCII_WORD_CHAR.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Words as a reader counts them: runs of letters and digits, held together by inner
 * apostrophes, hyphens, points and commas ("union's", "long-running", "99,000", "12.5").
 * A character loop rather than a regex: it runs over every article when the index is rebuilt.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const width = isWordChar(text, i);
    if (width) {
      if (!inWord) words++;
      inWord = true;
      i += width;
    } else if (inWord && JOINERS.has(text[i]!) && i + 1 < text.length && isWordChar(text, i + 1)) {
      i += 1;
    } else {
      inWord = false;
      i += 1;
    }
  }
  return words;
}

/** Reading time in whole minutes at 230 words a minute; at least 1 for any text. */
export function readingMinutes(words: number): number {
  if (words <= 0) return 0;
  return Math.max(1, Math.round(words / 230));
}
