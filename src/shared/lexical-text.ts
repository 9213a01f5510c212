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

/** Words as a reader counts them: runs of letters/digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

/** Reading time in whole minutes at 230 words a minute; at least 1 for any text. */
export function readingMinutes(words: number): number {
  if (words <= 0) return 0;
  return Math.max(1, Math.round(words / 230));
}
