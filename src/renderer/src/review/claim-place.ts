/**
 * Where a claim sits in the editor. The check names a claim by its block's path in the
 * body and by offsets in that block's plain text (src/document/plain-text.ts); here the
 * path is followed through the editor's current state and the offsets are turned into
 * points in its text nodes, then into a DOM range (for a selection or a highlight).
 * Nothing here changes the document.
 */
import {
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';

/** One run of a block's plain text: a text node's characters, or a line break (one character, no caret inside). */
export interface TextRun {
  key: NodeKey;
  length: number;
  /** False for a line break: a point cannot sit inside it. */
  text: boolean;
}

/** A point in a text node: its key and the offset in its text. */
export interface TextPoint {
  key: NodeKey;
  offset: number;
}

/** The start and end of a claim in the editor, and the words between them now. */
export interface ClaimPlace {
  start: TextPoint;
  end: TextPoint;
  text: string;
}

/**
 * The point at offset `at` of a block's text. At the seam of two runs, a start belongs to
 * the run that begins there and an end to the run that ends there, so a selection holds
 * the claim's words and nothing of its neighbours. Null past the end of the text.
 */
export function pointInRuns(runs: readonly TextRun[], at: number, side: 'start' | 'end'): TextPoint | null {
  let position = 0;
  let seam: TextPoint | null = null;
  for (const run of runs) {
    const from = position;
    const to = position + run.length;
    position = to;
    if (!run.text) continue;
    if (side === 'start') {
      if (at >= from && at < to) return { key: run.key, offset: at - from };
      if (at === to) seam = { key: run.key, offset: run.length };
    } else {
      if (at > from && at <= to) return { key: run.key, offset: at - from };
      if (at === from && !seam) seam = { key: run.key, offset: 0 };
    }
  }
  return seam;
}

/** The block at a path of child indexes from the root, or null when the body has no such block now. */
export function $blockAtPath(path: readonly number[]): ElementNode | null {
  let node: LexicalNode | null = $getRoot();
  for (const index of path) {
    if (!$isElementNode(node)) return null;
    node = node.getChildAtIndex(index);
  }
  return $isElementNode(node) && path.length > 0 ? node : null;
}

/**
 * A block's text as runs, in the order plain-text.ts reads it: text (tabs included),
 * line breaks, and the text inside inline elements (links, attributions); a block nested
 * in it (a list in a list item) speaks for itself and is left out.
 */
export function $blockRuns(block: ElementNode): TextRun[] {
  const runs: TextRun[] = [];
  const stack: LexicalNode[] = [...block.getChildren()].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if ($isTextNode(node)) runs.push({ key: node.getKey(), length: node.getTextContentSize(), text: true });
    else if ($isLineBreakNode(node)) runs.push({ key: node.getKey(), length: 1, text: false });
    else if ($isElementNode(node) && node.isInline()) {
      const children = node.getChildren();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return runs;
}

/** The text a block's runs hold between two offsets (line breaks as "\n"), as the check saw it. */
function $textBetween(runs: readonly TextRun[], from: number, to: number): string {
  let text = '';
  let position = 0;
  for (const run of runs) {
    const start = position;
    position += run.length;
    if (position <= from || start >= to) continue;
    if (!run.text) {
      text += '\n';
      continue;
    }
    const node = $getNodeByKey(run.key);
    const words = $isTextNode(node) ? node.getTextContent() : '';
    text += words.slice(Math.max(0, from - start), Math.min(run.length, to - start));
  }
  return text;
}

/**
 * Where a claim is now: its points in the current editor state, and the words between
 * them (to tell whether the text moved since the check). Null when its block is gone.
 */
export function $claimPlace(path: readonly number[], start: number, end: number): ClaimPlace | null {
  const block = $blockAtPath(path);
  if (!block) return null;
  const runs = $blockRuns(block);
  const from = pointInRuns(runs, start, 'start');
  const to = pointInRuns(runs, end, 'end');
  if (!from || !to) return null;
  return { start: from, end: to, text: $textBetween(runs, start, end) };
}

/** The DOM text node a Lexical text node renders its characters into. */
function domTextOf(editor: LexicalEditor, key: NodeKey): Text | null {
  let node: Node | null = editor.getElementByKey(key);
  while (node && node.nodeType !== Node.TEXT_NODE) node = node.firstChild;
  return node as Text | null;
}

/** A DOM range over a claim's words, for a selection or a highlight; null when they are not on the page. */
export function claimDomRange(editor: LexicalEditor, place: ClaimPlace): Range | null {
  const startNode = domTextOf(editor, place.start.key);
  const endNode = domTextOf(editor, place.end.key);
  if (!startNode || !endNode) return null;
  const range = document.createRange();
  try {
    range.setStart(startNode, Math.min(place.start.offset, startNode.length));
    range.setEnd(endNode, Math.min(place.end.offset, endNode.length));
  } catch {
    return null;
  }
  return range;
}
