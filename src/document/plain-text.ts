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

const END_OF_BLOCK = Symbol('end of block');
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'code', 'table', 'tablerow']);

/** Plain text of a serialized editor state: blocks separated by blank lines. */
export function plainTextFromBody(body: { root?: SerializedNodeLike } | null | undefined): string {
  if (!body?.root) return '';
  const blocks: string[] = [];
  let current = '';
  const closeBlock = () => {
    const text = current.trim();
    if (text !== '') blocks.push(text);
    current = '';
  };
  // An explicit stack, not recursion: a file nested thousands deep must not overflow it.
  const stack: Array<SerializedNodeLike | typeof END_OF_BLOCK> = [body.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === END_OF_BLOCK) {
      closeBlock();
      continue;
    }
    if (typeof node.text === 'string') current += node.text;
    else if (node.type === 'linebreak') current += '\n';
    else if (node.type === 'tab') current += '\t';
    if (typeof node.type === 'string' && BLOCK_TYPES.has(node.type)) stack.push(END_OF_BLOCK);
    const children = Array.isArray(node.children) ? (node.children as SerializedNodeLike[]) : [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  closeBlock();
  return blocks.join('\n\n');
}

const NON_ASCII_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** ' ’ - . , join two runs into one word ("union's", "long-running", "99,000", "12.5"). */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 44;

/** Width (1 or 2 code units) of the word character at i, or 0 if it is not one. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  return NON_ASCII_WORD_CHAR.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Words as a reader counts them: runs of letters and digits, held together by inner
 * apostrophes, hyphens, points and commas. A character loop with an ASCII table rather
 * than a regex: it runs over every article when the index is rebuilt.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(i);
    const width = c < 128 ? ASCII_WORD[c]! : wordCharWidth(text, i);
    if (width) {
      if (!inWord) words++;
      inWord = true;
      i += width;
      continue;
    }
    if (!(inWord && isJoiner(c) && i + 1 < length && wordCharWidth(text, i + 1))) inWord = false;
    i += 1;
  }
  return words;
}

/** Reading time in whole minutes at 230 words a minute; at least 1 for any text. */
export function readingMinutes(words: number): number {
  if (words <= 0) return 0;
  return Math.max(1, Math.round(words / 230));
}
