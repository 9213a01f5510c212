/**
 * A pull quote: a short passage set large beside the text, with the name of who said it
 * (its attribution, kept apart from the words so export can set it as a caption). A plain
 * block quotation is Lexical's QuoteNode; this is the display one.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { createElement, themeClass, type RenderedElement } from './dom-element';

export const PULL_QUOTE_TYPE = 'pullquote';

export type SerializedPullQuoteNode = Spread<{ attribution: string }, SerializedElementNode>;

export class PullQuoteNode extends ElementNode {
  __attribution: string;

  static override getType(): string {
    return PULL_QUOTE_TYPE;
  }

  static override clone(node: PullQuoteNode): PullQuoteNode {
    return new PullQuoteNode(node.__attribution, node.__key);
  }

  constructor(attribution = '', key?: NodeKey) {
    super(key);
    this.__attribution = attribution;
  }

  static override importJSON(serialized: SerializedPullQuoteNode): PullQuoteNode {
    return $createPullQuoteNode().updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedPullQuoteNode>): this {
    return super.updateFromJSON(serialized).setAttribution(typeof serialized.attribution === 'string' ? serialized.attribution : '');
  }

  override exportJSON(): SerializedPullQuoteNode {
    return { ...super.exportJSON(), type: PULL_QUOTE_TYPE, version: 1, attribution: this.getAttribution() };
  }

  override createDOM(config: EditorConfig): RenderedElement {
    const element = createElement('blockquote', themeClass(config.theme, 'pullquote'));
    this.describe(element);
    return element;
  }

  override updateDOM(previous: PullQuoteNode, element: RenderedElement): boolean {
    if (previous.__attribution !== this.__attribution) this.describe(element);
    return false;
  }

  /** The attribution is shown after the words (a CSS caption) and read out by screen readers. */
  private describe(element: RenderedElement): void {
    element.setAttribute('data-attribution', this.__attribution ? `— ${this.__attribution}` : '');
    element.setAttribute('aria-roledescription', 'pull quote');
    if (this.__attribution) element.setAttribute('aria-description', `said by ${this.__attribution}`);
    else element.removeAttribute('aria-description');
  }

  getAttribution(): string {
    return this.getLatest().__attribution;
  }

  setAttribution(attribution: string): this {
    const writable = this.getWritable();
    writable.__attribution = attribution;
    return writable;
  }

  /** Enter at the end of a pull quote starts a body paragraph, as after a quote. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    for (const child of this.getChildren()) paragraph.append(child);
    this.replace(paragraph);
    return true;
  }

  override canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createPullQuoteNode(attribution = ''): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode(attribution));
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
