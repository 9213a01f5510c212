/**
 * How deep and how large an article body may be. Real articles are a few levels deep (a
 * list in a list item in a quote) and a few thousand nodes; the limits stop a hostile or
 * broken file (or request) long before recursion in a parser, a renderer or
 * JSON.stringify can overflow the stack.
 */

/** Deepest nesting of nodes in a body, the root counted as level 1. */
export const MAX_BODY_DEPTH = 64;
/** Most nodes in one body: a 100,000-word article has well under 200,000. */
export const MAX_BODY_NODES = 500_000;

/** What is wrong with a body's shape, or null when it is within the limits. Iterative. */
export function bodyShapeProblem(body: unknown): string | null {
  return valueShapeProblem(body, MAX_BODY_DEPTH);
}

/** What is wrong with a parsed JSON value's nesting or size, or null. Iterative. */
export function valueShapeProblem(body: unknown, maxDepth: number): string | null {
  if (typeof body !== 'object' || body === null) return null;
  let nodes = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (depth > maxDepth) return `it is nested more than ${maxDepth} levels deep`;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    nodes += 1;
    if (nodes > MAX_BODY_NODES) return `it has more than ${MAX_BODY_NODES.toLocaleString('en')} nodes`;
    for (const key in value as Record<string, unknown>) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: Array.isArray(child) ? depth : depth + 1 });
    }
  }
  return null;
}
