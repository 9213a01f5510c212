/**
 * Where a block's attributions sit in its text: the same walk as `positionedText` makes
 * over a block's inline nodes, noting where each attribution starts and ends, so a quote
 * or figure inside one is known to be attributed to its source.
 */
import type { TextRange } from './claim-types';
import { ATTRIBUTION_TYPE } from '../attribution-json';
import type { SerializedNodeLike } from '../plain-text';

/** One attribution in a block: its range of the block's text and the source it names. */
export interface AttributionSpan extends TextRange {
  sourceId: string;
  locator: string;
}

interface NodeWithFields extends SerializedNodeLike {
  sourceId?: unknown;
  locator?: unknown;
}

// The block types of plain-text.ts: their children are not this block's inline content.
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code', 'tablecell', 'root', 'list', 'table', 'tablerow']);

function childrenOf(node: SerializedNodeLike): NodeWithFields[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is NodeWithFields => typeof c === 'object' && c !== null) : [];
}

/** The node at `path` (child indexes from the root), as `positionedText` counts them. */
export function nodeAtPath(root: SerializedNodeLike, path: number[]): SerializedNodeLike | null {
  let node: SerializedNodeLike | undefined = root;
  for (const index of path) {
    node = childrenOf(node)[index];
    if (!node) return null;
  }
  return node;
}

/** The text of a block (as `positionedText` gives it) and the attributions in it, in order. */
export function attributionSpans(block: SerializedNodeLike): { text: string; spans: AttributionSpan[] } {
  let text = '';
  const spans: AttributionSpan[] = [];
  const stack: Array<NodeWithFields | { exit: AttributionSpan }> = [block];
  while (stack.length) {
    const item = stack.pop()!;
    if ('exit' in item) {
      item.exit.end = text.length;
      if (item.exit.end > item.exit.start) spans.push(item.exit);
      continue;
    }
    const node = item;
    if (typeof node.text === 'string') text += node.text;
    else if (node.type === 'linebreak') text += '\n';
    else if (node.type === 'tab') text += '\t';
    const walkChildren = node === block || !(typeof node.type === 'string' && BLOCK_TYPES.has(node.type));
    if (!walkChildren) continue;
    if (node !== block && node.type === ATTRIBUTION_TYPE) {
      const sourceId = typeof node.sourceId === 'string' ? node.sourceId : '';
      stack.push({ exit: { start: text.length, end: text.length, sourceId, locator: typeof node.locator === 'string' ? node.locator : '' } });
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, spans };
}
