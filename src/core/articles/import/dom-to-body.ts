/**
 * An HTML DOM (linkedom; a saved page's article or mammoth's rendering of a .docx) to the
 * article's Lexical blocks, appended to the root inside an update: paragraphs, headings,
 * block quotes, nested lists, links with safe addresses, and bold, italic, code and the
 * other text formats. Scripts, styles and the like never reach the body; images, media and
 * form controls are left out; a block inside a quote or a list item becomes a line break.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListItemNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $getRoot, TEXT_TYPE_TO_FORMAT, type ElementNode } from 'lexical';
import { isSafeLinkUrl } from '../../../shared/safe-url';
import { $endBlock, appendText, inlineState, startBlock, type Block, type Inline } from './block-text';

/** The few DOM members read here; linkedom's nodes have them all (core loads no DOM types). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** What was left out on the way, for the import's warnings. */
export interface DomImportReport {
  media: number;
  unsafeLinks: number;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
/** Past this depth the DOM's text is taken as it is: no page needs more, and no walk recurses further. */
const MAX_DEPTH = 200;

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'OPTION', 'DIALOG']);
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'MAP', 'AREA']);
const PARAGRAPHS = new Set(['P', 'FIGCAPTION', 'DT', 'DD', 'ADDRESS', 'CAPTION', 'SUMMARY', 'LEGEND', 'TR']);
const CONTAINERS = new Set([
  'BODY', 'HTML', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'TABLE', 'TBODY', 'THEAD', 'TFOOT',
  'FIGURE', 'DL', 'FORM', 'FIELDSET', 'DETAILS', 'CENTER', 'HGROUP', 'SEARCH',
]);
const BLOCKS = new Set([...PARAGRAPHS, ...CONTAINERS, 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'PRE', 'HR']);
const FORMATS: Record<string, string> = {
  B: 'bold', STRONG: 'bold', I: 'italic', EM: 'italic', CITE: 'italic', DFN: 'italic', VAR: 'italic', U: 'underline', INS: 'underline',
  S: 'strikethrough', STRIKE: 'strikethrough', DEL: 'strikethrough', CODE: 'code', KBD: 'code', SAMP: 'code', TT: 'code',
  SUB: 'subscript', SUP: 'superscript', MARK: 'highlight',
};
export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * Appends `container`'s content to the root as article blocks; inside an update.
 * `headingTag` maps an <h1>–<h6> (given its element) to the tag it gets.
 */
export function $appendDomBlocks(container: DomNode, headingTag: (level: number, element: DomNode) => HeadingTag = (level) => `h${level}` as HeadingTag): DomImportReport {
  const report: DomImportReport = { media: 0, unsafeLinks: 0 };
  const root = $getRoot();
  let open: Block | null = null;

  const closeOpen = () => {
    if (open) $endBlock(open);
    open = null;
  };
  const openParagraph = (): Block => {
    if (!open) {
      open = startBlock($createParagraphNode());
      root.append(open.node);
    }
    return open;
  };
  const own = (node: ElementNode, fill: (block: Block) => void) => {
    closeOpen();
    const block = startBlock(node);
    root.append(node);
    fill(block);
    $endBlock(block);
  };

  const inline = (node: DomNode, target: ElementNode, state: Inline, depth: number): void => {
    if (node.nodeType === TEXT || node.nodeType === CDATA || (node.nodeType === ELEMENT && depth > MAX_DEPTH)) {
      appendText(visibleText(node), target, state);
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = node.nodeName.toUpperCase();
    if (HIDDEN.has(name)) return;
    if (MEDIA.has(name)) {
      report.media++;
      return;
    }
    const { block } = state;
    if (name === 'BR') {
      if (!block.empty) block.breakDue = true;
      return;
    }
    if (name === 'A') {
      const href = node.getAttribute?.('href')?.trim() ?? '';
      if (!state.linked && href && isSafeLinkUrl(href)) {
        const link = $createLinkNode(href);
        target.append(link);
        walkChildren(node, link, { ...state, linked: true }, depth);
        return;
      }
      if (href && !state.linked) report.unsafeLinks++;
    }
    const format = FORMATS[name];
    const next: Inline = format ? { ...state, format: state.format | TEXT_TYPE_TO_FORMAT[format]! } : state;
    const isBlock = BLOCKS.has(name);
    if (isBlock && !block.empty) block.breakDue = true;
    // Cells of a row read as one line, a space apart.
    if ((name === 'TD' || name === 'TH') && !block.empty) appendText(' ', target, next);
    walkChildren(node, target, name === 'PRE' ? { ...next, pre: true, format: next.format | TEXT_TYPE_TO_FORMAT.code! } : next, depth);
    if (isBlock && !block.empty) block.breakDue = true;
  };
  const walkChildren = (node: DomNode, target: ElementNode, state: Inline, depth: number) => {
    const children = Array.from(node.childNodes);
    for (const child of children) inline(child, target, state, depth + 1);
  };
  const fillInline = (element: DomNode, block: Block, depth: number, pre = false) => {
    const state: Inline = { format: pre ? TEXT_TYPE_TO_FORMAT.code! : 0, linked: false, pre, block };
    walkChildren(element, block.node, state, depth);
  };

  const fillList = (element: DomNode, list: ListNode, depth: number) => {
    let item: Block | null = null;
    const newItem = (): Block => {
      const node = $createListItemNode();
      list.append(node);
      return startBlock(node);
    };
    const nest = (child: DomNode) => {
      if (item) $endBlock(item);
      item = null;
      // Too deep to walk further: the nested list's text is one item of this one.
      if (depth > MAX_DEPTH) {
        const flat = newItem();
        appendText(visibleText(child), flat.node, inlineState(flat));
        $endBlock(flat);
        return;
      }
      const wrapper: ListItemNode = $createListItemNode();
      const nested = $createListNode(child.nodeName.toUpperCase() === 'OL' ? 'number' : 'bullet', listStart(child));
      list.append(wrapper);
      wrapper.append(nested);
      fillList(child, nested, depth + 1);
    };
    for (const child of Array.from(element.childNodes)) {
      const name = child.nodeType === ELEMENT ? child.nodeName.toUpperCase() : '';
      if (name === 'UL' || name === 'OL') {
        nest(child);
      } else if (name === 'LI') {
        // Items are made when text comes, so an item holding only a nested list adds no empty one.
        if (item) $endBlock(item);
        item = null;
        for (const part of Array.from(child.childNodes)) {
          const partName = part.nodeType === ELEMENT ? part.nodeName.toUpperCase() : '';
          if (partName === 'UL' || partName === 'OL') {
            nest(part);
            continue;
          }
          if (!item && isBlank(part)) continue;
          item ??= newItem();
          inline(part, item.node, { format: 0, linked: false, pre: false, block: item }, depth + 1);
        }
        if (item) $endBlock(item);
        item = null;
      } else if (!isBlank(child)) {
        item ??= newItem();
        inline(child, item.node, { format: 0, linked: false, pre: false, block: item }, depth + 1);
      }
    }
    if (item) $endBlock(item);
  };

  const flow = (element: DomNode, depth: number): void => {
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType !== ELEMENT) {
        if (open || !isBlank(child)) inline(child, openParagraph().node, inlineState(openParagraph()), depth + 1);
        continue;
      }
      const name = child.nodeName.toUpperCase();
      if (HIDDEN.has(name)) continue;
      const heading = /^H([1-6])$/.exec(name);
      if (depth > MAX_DEPTH) own($createParagraphNode(), (block) => appendText(visibleText(child), block.node, inlineState(block)));
      else if (heading) own($createHeadingNode(headingTag(Number(heading[1]), child)), (block) => fillInline(child, block, depth));
      else if (name === 'BLOCKQUOTE') own($createQuoteNode(), (block) => fillInline(child, block, depth));
      else if (name === 'PRE') own($createParagraphNode(), (block) => fillInline(child, block, depth, true));
      else if (PARAGRAPHS.has(name)) own($createParagraphNode(), (block) => fillInline(child, block, depth));
      else if (name === 'UL' || name === 'OL') {
        closeOpen();
        const list = $createListNode(name === 'OL' ? 'number' : 'bullet', listStart(child));
        root.append(list);
        fillList(child, list, depth + 1);
      } else if (name === 'HR') closeOpen();
      else if (CONTAINERS.has(name) || name === 'LI') {
        closeOpen();
        flow(child, depth + 1);
        closeOpen();
      } else inline(child, openParagraph().node, inlineState(openParagraph()), depth + 1);
    }
  };

  flow(container, 0);
  closeOpen();
  return report;
}

/** A node's text without what a reader never sees, walked with a stack of its own (for DOM past MAX_DEPTH). */
function visibleText(root: DomNode): string {
  let text = '';
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) text += node.textContent ?? '';
    else if (node.nodeType !== ELEMENT || HIDDEN.has(node.nodeName.toUpperCase())) continue;
    else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text;
}

function isBlank(node: DomNode): boolean {
  return node.nodeType !== ELEMENT && (node.textContent ?? '').trim() === '';
}

function listStart(list: DomNode): number {
  const start = Number.parseInt(list.getAttribute?.('start') ?? '', 10);
  return Number.isSafeInteger(start) && start >= 0 ? start : 1;
}
