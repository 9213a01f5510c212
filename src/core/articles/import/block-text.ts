/**
 * Text into a block as a reader sees it: white space collapsed (kept in <pre>), a line
 * break where a <br> or a block inside the block asks for one, none at the ends. Runs
 * inside an update.
 */
import { $createLineBreakNode, $createTextNode, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode } from 'lexical';

/** Inline state: the formats in force, whether inside a link or <pre>, and the block written to. */
export interface Inline {
  format: number;
  linked: boolean;
  pre: boolean;
  block: Block;
}
/** A block being filled: whether it has text yet, and whether a space or a line break is due. */
export interface Block {
  node: ElementNode;
  empty: boolean;
  endsWithSpace: boolean;
  breakDue: boolean;
}

export const startBlock = (node: ElementNode): Block => ({ node, empty: true, endsWithSpace: false, breakDue: false });

/** Plain text, outside any link or <pre>, into the block. */
export const inlineState = (block: Block): Inline => ({ format: 0, linked: false, pre: false, block });

/** Appends text to the block as a reader sees it: white space collapsed (kept in <pre>), breaks where due. */
export function appendText(raw: string, target: ElementNode, state: Inline): void {
  const { block } = state;
  if (state.pre) {
    raw.split('\n').forEach((line, i) => {
      if (i > 0 && !block.empty) block.breakDue = true;
      if (line) append(line);
    });
    return;
  }
  let collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
  if (block.empty || block.endsWithSpace || block.breakDue) collapsed = collapsed.replace(/^ /, '');
  if (collapsed) append(collapsed);

  function append(text: string) {
    if (block.breakDue) {
      $trimEnd(block.node);
      target.append($createLineBreakNode());
      block.breakDue = false;
    }
    target.append($createTextNode(text).setFormat(state.format));
    block.empty = false;
    block.endsWithSpace = text.endsWith(' ');
  }
}

/**
 * Ends a block: trailing white space and line breaks go; a block left with no text goes too
 * (keeping its parent, which Lexical would otherwise remove with its last child).
 */
export function $endBlock(block: Block): void {
  $trimEnd(block.node);
  if (block.node.getTextContent().trim() === '' && !block.node.getChildren().some((c) => $isElementNode(c) && c.getType() === 'list')) block.node.remove(true);
}

function $trimEnd(element: ElementNode): void {
  for (;;) {
    const last = element.getLastDescendant();
    if (!last || last === element) return;
    if ($isLineBreakNode(last) || ($isElementNode(last) && last.getChildrenSize() === 0)) {
      last.remove(true);
      continue;
    }
    if (!$isTextNode(last)) return;
    const text = last.getTextContent().trimEnd();
    if (text) {
      if (text !== last.getTextContent()) last.setTextContent(text);
      return;
    }
    last.remove(true);
  }
}
