/**
 * Reading an imported body in tests: that the editor loads it and that it holds only the
 * article's node types, and an outline of its blocks to compare against.
 */
import { expect } from 'vitest';
import { loadBody } from '../../../../../src/document/headless';
import { ARTICLE_NODES } from '../../../../../src/document/nodes';
import { lexicalBodySchema, type LexicalBody } from '../../../../../src/shared/article';

/** A serialized node, as far as the tests read it. */
export interface JsonNode {
  type: string;
  tag?: string;
  listType?: string;
  text?: string;
  format?: number | string;
  url?: string;
  children?: JsonNode[];
}

const ALLOWED_TYPES = new Set([...ARTICLE_NODES.map((node) => node.getType()), 'root', 'paragraph', 'text', 'linebreak']);

/** Every node of the body, depth first. */
export function allNodes(body: LexicalBody): JsonNode[] {
  const nodes: JsonNode[] = [];
  const stack: JsonNode[] = [body.root as unknown as JsonNode];
  while (stack.length) {
    const node = stack.pop()!;
    nodes.push(node);
    for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
  }
  return nodes;
}

/** The body passes the article model, loads in the editor and holds no node type an article does not have. */
export function expectArticleBody(body: LexicalBody): void {
  const shape = lexicalBodySchema.safeParse(body);
  expect(shape.success ? 'valid' : shape.error.issues[0]?.message).toBe('valid');
  const loaded = loadBody(body);
  expect(loaded.ok ? 'loaded' : loaded.error).toBe('loaded');
  const strangers = allNodes(body).map((node) => node.type).filter((type) => !ALLOWED_TYPES.has(type));
  expect(strangers).toEqual([]);
}

/** The inline text of a node (line breaks as \n). */
export function textOf(node: JsonNode): string {
  if (node.type === 'linebreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).filter((child) => child.type !== 'list').map(textOf).join('');
}

/** One line a top-level block: `h2 What was agreed`, `quote …`, `list:number`; lists with their items. */
export function outline(body: LexicalBody): string[] {
  const lines: string[] = [];
  const walkList = (list: JsonNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}list:${list.listType}`);
    for (const item of list.children ?? []) {
      const nested = (item.children ?? []).find((child) => child.type === 'list');
      if (nested) walkList(nested, depth + 1);
      else lines.push(`${'  '.repeat(depth)}- ${textOf(item)}`);
    }
  };
  for (const block of (body.root as unknown as JsonNode).children ?? []) {
    if (block.type === 'list') walkList(block, 0);
    else lines.push(`${block.tag ?? block.type} ${textOf(block)}`);
  }
  return lines;
}

/** The text nodes with a format (bold 1, italic 2, code 16 …), as `format:text`. */
export function formattedRuns(body: LexicalBody): string[] {
  return allNodes(body)
    .filter((node) => node.type === 'text' && typeof node.format === 'number' && node.format !== 0)
    .map((node) => `${node.format}:${node.text}`);
}

/** The links, as `text -> url`. */
export function links(body: LexicalBody): string[] {
  return allNodes(body)
    .filter((node) => node.type === 'link')
    .map((node) => `${textOf(node)} -> ${node.url}`);
}
