/**
 * One walk over a serialized body that answers what reading an article file needs: is the
 * body within its limits (depth, size), how many words does it have, and which sources do
 * its attributions name. The same answers as bodyShapeProblem, countWords(plainTextFromBody)
 * and attributedSourceIds, in one pass instead of three: this runs for every file when the
 * index is rebuilt.
 */
import { MAX_BODY_DEPTH, MAX_BODY_NODES } from '../shared/body-limits';
import { ATTRIBUTION_TYPE } from './attribution-json';
import { countWords } from './plain-text';

export interface BodyStats {
  /** What is wrong with the body's shape, or null. */
  problem: string | null;
  words: number;
  attributedSourceIds: string[];
}

/** Nodes whose text ends where they end: text on either side of them is never one word. */
const BREAKING_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'listitem', 'list', 'code', 'table', 'tablerow', 'tablecell']);
const END = Symbol('end of block');

interface Visit {
  value: unknown;
  depth: number;
  /** Reached through `children` from the root: its text is the body's text. */
  text: boolean;
}

const cache = new WeakMap<object, BodyStats>();

/** The body's stats; computed once per body object. */
export function bodyStats(body: unknown): BodyStats {
  if (typeof body !== 'object' || body === null) return { problem: null, words: 0, attributedSourceIds: [] };
  const known = cache.get(body);
  if (known) return known;
  const stats = walk(body);
  cache.set(body, stats);
  return stats;
}

/** The stats of a body copied by a schema (the same content as `from`), without walking it again. */
export function carryBodyStats(from: unknown, to: unknown): void {
  if (typeof from !== 'object' || from === null || typeof to !== 'object' || to === null) return;
  const known = cache.get(from);
  if (known) cache.set(to, known);
}

function walk(body: object): BodyStats {
  let nodes = 0;
  let words = 0;
  let current = '';
  const sources = new Set<string>();
  const stack: Array<Visit | typeof END> = [{ value: (body as { root?: unknown }).root, depth: 1, text: true }];
  // Keys of the body other than root are walked for their shape only.
  for (const key in body) if (key !== 'root') stack.push({ value: (body as Record<string, unknown>)[key], depth: 1, text: false });
  while (stack.length) {
    const visit = stack.pop()!;
    if (visit === END) {
      words += countWords(current);
      current = '';
      continue;
    }
    const { value, depth, text } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) return { problem: `it is nested more than ${MAX_BODY_DEPTH} levels deep`, words: 0, attributedSourceIds: [] };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, text: false });
      continue;
    }
    if (++nodes > MAX_BODY_NODES) return { problem: `it has more than ${MAX_BODY_NODES.toLocaleString('en')} nodes`, words: 0, attributedSourceIds: [] };
    const node = value as Record<string, unknown>;
    if (text) {
      if (typeof node.text === 'string') current += node.text;
      else if (node.type === 'linebreak') current += '\n';
      else if (node.type === 'tab') current += '\t';
      if (node.type === ATTRIBUTION_TYPE && typeof node.sourceId === 'string') sources.add(node.sourceId);
      if (typeof node.type === 'string' && BREAKING_TYPES.has(node.type)) {
        // Text before this block is its own; the block's text closes with it.
        words += countWords(current);
        current = '';
        stack.push(END);
      }
    }
    for (const key in node) {
      const child = node[key];
      if (typeof child !== 'object' || child === null || key === 'children') continue;
      stack.push({ value: child, depth: Array.isArray(child) ? depth : depth + 1, text: false });
    }
    const children = node.children;
    if (Array.isArray(children)) {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], depth: depth + 1, text });
    }
  }
  words += countWords(current);
  return { problem: null, words, attributedSourceIds: [...sources] };
}
