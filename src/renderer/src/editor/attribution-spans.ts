/**
 * The attributions of the body as the sources panel lists them: each attributed span with
 * its source, locator and text, in reading order, and grouped by source ("cited 3×"); and
 * what the panel does to them (select one, take away every one of a source).
 */
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $isAttributionNode, $removeAttribution } from '../../../document/AttributionNode';

/** One attributed span of the body. */
export interface AttributionSpan {
  key: NodeKey;
  sourceId: string;
  locator: string;
  text: string;
}

/** Every attribution in the body, in reading order. Iterative: a deep body must not overflow the stack. */
export function $attributionSpans(): AttributionSpan[] {
  const spans: AttributionSpan[] = [];
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length) {
    const node = stack.pop()!;
    if ($isAttributionNode(node)) {
      spans.push({ key: node.getKey(), sourceId: node.getSourceId(), locator: node.getLocator(), text: node.getTextContent() });
    }
    if ($isElementNode(node)) {
      const children = node.getChildren();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return spans;
}

/** The spans attributed to each source, in reading order; a source cited nowhere has no entry. */
export function citationsBySource(spans: readonly AttributionSpan[]): Map<string, AttributionSpan[]> {
  const bySource = new Map<string, AttributionSpan[]>();
  for (const span of spans) {
    const list = bySource.get(span.sourceId);
    if (list) list.push(span);
    else bySource.set(span.sourceId, [span]);
  }
  return bySource;
}

/** The sources the panel lists: those attached, then any cited in the text but not attached. */
export function listedSourceIds(attached: readonly string[], spans: readonly AttributionSpan[]): string[] {
  const ids = [...attached];
  for (const span of spans) if (span.sourceId && !ids.includes(span.sourceId)) ids.push(span.sourceId);
  return ids;
}

/** True when two lists name the same spans with the same text: the panel need not redraw. */
export function sameSpans(a: readonly AttributionSpan[], b: readonly AttributionSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => {
    const other = b[i]!;
    return span.key === other.key && span.sourceId === other.sourceId && span.locator === other.locator && span.text === other.text;
  });
}

/** Selects the words of an attribution (by key), as the "cited at" list jumps to them. */
export function $selectAttribution(key: NodeKey): boolean {
  const node = $getNodeByKey(key);
  if (!$isAttributionNode(node)) return false;
  const first = node.getFirstDescendant();
  const last = node.getLastDescendant();
  if (!$isTextNode(first) || !$isTextNode(last)) {
    node.select(0, node.getChildrenSize());
    return true;
  }
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), 0, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  return true;
}

/** Takes away every attribution to a source, keeping the words; returns how many there were. */
export function $removeAttributionsTo(sourceId: string): number {
  const spans = $attributionSpans().filter((span) => span.sourceId === sourceId);
  for (const span of spans) {
    const node = $getNodeByKey(span.key);
    if ($isAttributionNode(node)) $removeAttribution(node);
  }
  return spans.length;
}

const OPENING = /^["'\u201C\u201D\u2018\u2019\u201E\u00AB]/;
const CLOSING = /["'\u201C\u201D\u2018\u2019\u00BB][.,;:!?]?$/;

/**
 * An attributed span as a list quotes it: on one line, shortened to `max` characters, in
 * curly quotes unless it carries its own ("“difficult but businesslike”", not doubled).
 */
export function spanLabel(text: string, max = 90): string {
  let line = text.replace(/\s+/g, ' ').trim();
  const ownQuotes = OPENING.test(line) && CLOSING.test(line);
  if (line.length > max) line = `${line.slice(0, max - 1).trimEnd()}…`;
  return ownQuotes ? line : `“${line}”`;
}
