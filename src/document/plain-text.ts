/**
 * Plain text, word counts and reading time from serialized Lexical JSON, without a
 * Lexical editor: used by the index (Node) and the status bar (renderer) alike. The text
 * keeps its positions: each block knows where it sits in the body and in the text, so a
 * claim or a search hit found in the text maps back to its place.
 */

/** The part of a serialized Lexical node this module reads. */
export interface SerializedNodeLike {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'pullquote', 'listitem', 'code', 'tablecell']);
/** Blocks inside blocks (a list in a list item, a table's cells): their text is their children's. */
const CONTAINER_TYPES = new Set(['root', 'list', 'table', 'tablerow']);

/** One block of the body's text: where it is in the body, and where its text is in the whole text. */
export interface TextBlock {
  /** Child indexes from the root to the block (`[3]` is the fourth top-level block; `[2, 0]` the first item of a list). */
  path: number[];
  /** The block's node type (`paragraph`, `heading`, `listitem`, …). */
  type: string;
  text: string;
  /** Offset of the block's first character in the whole plain text. */
  start: number;
}

/** A body's plain text with the blocks it was made of. */
export interface PositionedText {
  text: string;
  blocks: TextBlock[];
}

const BLOCK_SEPARATOR = '\n\n';

/** The text of one block's inline content (text, line breaks, tabs), iteratively. */
function inlineText(block: SerializedNodeLike): string {
  let text = '';
  const stack: SerializedNodeLike[] = [block];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.text === 'string') text += node.text;
    else if (node.type === 'linebreak') text += '\n';
    else if (node.type === 'tab') text += '\t';
    const children = node === block || !isBlockType(node.type) ? childrenOf(node) : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}

const isBlockType = (type: unknown) => typeof type === 'string' && (BLOCK_TYPES.has(type) || CONTAINER_TYPES.has(type));

function childrenOf(node: SerializedNodeLike): SerializedNodeLike[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is SerializedNodeLike => typeof c === 'object' && c !== null) : [];
}

/**
 * Every block with text, in reading order, with its path in the body and its offset in
 * the whole text (blocks joined by blank lines). Iterative: a file nested thousands deep
 * must not overflow the stack.
 */
export function positionedText(body: { root?: SerializedNodeLike } | null | undefined): PositionedText {
  const blocks: TextBlock[] = [];
  if (!body?.root) return { text: '', blocks };
  let length = 0;
  const stack: Array<{ node: SerializedNodeLike; path: number[] }> = [{ node: body.root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const type = typeof node.type === 'string' ? node.type : '';
    const children = childrenOf(node);
    // A block whose children hold blocks (a list item with a nested list) gives its own
    // inline text and lets the nested blocks speak for themselves.
    const isContainer = CONTAINER_TYPES.has(type) || path.length === 0;
    if (!isContainer) {
      const text = inlineText(node);
      if (text.trim() !== '') {
        const start = blocks.length ? length + BLOCK_SEPARATOR.length : 0;
        blocks.push({ path, type, text, start });
        length = start + text.length;
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (isContainer || isBlockType(child.type)) stack.push({ node: child, path: [...path, i] });
    }
  }
  return { text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR), blocks };
}

/** Plain text of a serialized editor state: blocks separated by blank lines. */
export function plainTextFromBody(body: { root?: SerializedNodeLike } | null | undefined): string {
  return positionedText(body).text;
}

/** The block holding `offset` of the text and the offset inside it, or null between blocks. */
export function locateInText(positioned: PositionedText, offset: number): { block: TextBlock; offset: number } | null {
  let low = 0;
  let high = positioned.blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = positioned.blocks[middle]!;
    if (offset < block.start) high = middle - 1;
    else if (offset > block.start + block.text.length) low = middle + 1;
    else return { block, offset: offset - block.start };
  }
  return null;
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
