/**
 * Attributions as the serialized body holds them (`{ type: 'attribution', sourceId, … }`
 * around the attributed text), read and changed without an editor: for the library (which
 * sources an article cites), for detaching a deleted source, and for review.
 */
import type { LexicalBody } from '../shared/article';

export const ATTRIBUTION_TYPE = 'attribution';

interface NodeLike {
  type?: unknown;
  sourceId?: unknown;
  children?: unknown;
}

/** Every source id an attribution in the body points at, each once, in order of first use. */
export function attributedSourceIds(body: LexicalBody): string[] {
  const seen = new Set<string>();
  const stack: unknown[] = [body.root];
  while (stack.length) {
    const node = stack.pop() as NodeLike;
    if (node.type === ATTRIBUTION_TYPE && typeof node.sourceId === 'string') seen.add(node.sourceId);
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) if (typeof node.children[i] === 'object' && node.children[i]) stack.push(node.children[i]);
  }
  return [...seen];
}

/** The body with every attribution to `sourceId` replaced by its children (the text stays). */
export function withoutAttributionsTo(body: LexicalBody, sourceId: string): LexicalBody {
  const copy = structuredClone(body);
  const stack: NodeLike[] = [copy.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!Array.isArray(node.children)) continue;
    const children: unknown[] = [];
    for (const child of node.children as NodeLike[]) {
      if (child && child.type === ATTRIBUTION_TYPE && child.sourceId === sourceId && Array.isArray(child.children)) children.push(...(child.children as unknown[]));
      else children.push(child);
    }
    node.children = children;
    for (const child of children) if (typeof child === 'object' && child) stack.push(child as NodeLike);
  }
  return copy;
}
