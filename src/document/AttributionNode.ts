/**
 * An attribution: a span of the body (a quote, a figure) linked to the source that backs
 * it, with an optional locator (a passage of the snapshot, or "p. 4", "para 12"). An inline
 * element around the attributed text, so the text stays the writer's and the link survives
 * edits inside it. Works headless: the DOM is only touched when an editor renders it.
 */
import {
  $applyNodeReplacement,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { ATTRIBUTION_TYPE } from './attribution-json';

export type SerializedAttributionNode = Spread<{ sourceId: string; locator: string }, SerializedElementNode>;

/** What `createDOM` returns, without naming DOM types in a layer that has no DOM. */
type RenderedElement = ReturnType<ElementNode['createDOM']>;

export class AttributionNode extends ElementNode {
  __sourceId: string;
  __locator: string;

  static override getType(): string {
    return ATTRIBUTION_TYPE;
  }

  static override clone(node: AttributionNode): AttributionNode {
    return new AttributionNode(node.__sourceId, node.__locator, node.__key);
  }

  constructor(sourceId = '', locator = '', key?: NodeKey) {
    super(key);
    this.__sourceId = sourceId;
    this.__locator = locator;
  }

  static override importJSON(serialized: SerializedAttributionNode): AttributionNode {
    return $createAttributionNode(serialized.sourceId, serialized.locator).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedAttributionNode>): this {
    return super
      .updateFromJSON(serialized)
      .setSourceId(typeof serialized.sourceId === 'string' ? serialized.sourceId : '')
      .setLocator(typeof serialized.locator === 'string' ? serialized.locator : '');
  }

  override exportJSON(): SerializedAttributionNode {
    return { ...super.exportJSON(), type: ATTRIBUTION_TYPE, version: 1, sourceId: this.getSourceId(), locator: this.getLocator() };
  }

  override createDOM(config: EditorConfig): RenderedElement {
    const element = (globalThis as unknown as { document: { createElement(tag: string): RenderedElement } }).document.createElement('span');
    const className = (config.theme as { attribution?: string }).attribution;
    if (className) element.className = className;
    this.describe(element);
    return element;
  }

  override updateDOM(previous: AttributionNode, element: RenderedElement): boolean {
    if (previous.__sourceId !== this.__sourceId || previous.__locator !== this.__locator) this.describe(element);
    return false;
  }

  /** The source and locator on the element, for the hover card and for screen readers. */
  private describe(element: RenderedElement): void {
    element.setAttribute('data-source-id', this.__sourceId);
    if (this.__locator) element.setAttribute('data-locator', this.__locator);
    else element.removeAttribute('data-locator');
    element.setAttribute('tabindex', '0');
    element.setAttribute('aria-description', 'attributed to a source');
  }

  getSourceId(): string {
    return this.getLatest().__sourceId;
  }

  setSourceId(sourceId: string): this {
    const writable = this.getWritable();
    writable.__sourceId = sourceId;
    return writable;
  }

  getLocator(): string {
    return this.getLatest().__locator;
  }

  setLocator(locator: string): this {
    const writable = this.getWritable();
    writable.__locator = locator;
    return writable;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  /** Typing at either edge goes outside: an attribution grows only when the user asks. */
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override extractWithChild(): boolean {
    return true;
  }
}

export function $createAttributionNode(sourceId: string, locator = ''): AttributionNode {
  return $applyNodeReplacement(new AttributionNode(sourceId, locator));
}

export function $isAttributionNode(node: LexicalNode | null | undefined): node is AttributionNode {
  return node instanceof AttributionNode;
}

/** The attribution a node sits in, if any. */
export function $attributionAround(node: LexicalNode): AttributionNode | null {
  for (let current: LexicalNode | null = node; current; current = current.getParent()) {
    if ($isAttributionNode(current)) return current;
  }
  return null;
}

/**
 * Attributes the selected text to a source: each run of selected inline nodes that share a
 * parent is wrapped in one attribution; text already attributed is given the new source.
 * Returns the number of attributions made or changed (0 when nothing is selected).
 */
export function $attributeSelection(sourceId: string, locator = ''): number {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return 0;
  const nodes = selection.extract();
  let changed = 0;
  const done = new Set<string>();
  let run: LexicalNode[] = [];
  const wrapRun = () => {
    if (!run.length) return;
    const attribution = $createAttributionNode(sourceId, locator);
    run[0]!.insertBefore(attribution);
    for (const node of run) attribution.append(node);
    changed += 1;
    run = [];
  };
  for (const node of nodes) {
    const existing = $attributionAround(node);
    if (existing) {
      wrapRun();
      if (!done.has(existing.getKey())) {
        existing.setSourceId(sourceId).setLocator(locator);
        done.add(existing.getKey());
        changed += 1;
      }
      continue;
    }
    // Only inline content is wrapped; a block in the selection starts a new run.
    if ($isElementNode(node) && !node.isInline()) {
      wrapRun();
      continue;
    }
    // Text inside a selected inline element (a link) moves with that element.
    const parent = node.getParent();
    if (parent && parent.isInline() && nodes.includes(parent)) continue;
    const previous = run.at(-1);
    if (previous && previous.getNextSibling() !== node) wrapRun();
    run.push(node);
  }
  wrapRun();
  return changed;
}

/** Takes an attribution away and keeps its text where it was. */
export function $removeAttribution(attribution: AttributionNode): void {
  for (const child of attribution.getChildren()) attribution.insertBefore(child);
  attribution.remove();
}
