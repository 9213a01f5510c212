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

/**
 * Largest API request either shell takes (browser mode's HTTP body, the desktop's IPC
 * payload): a 20,000-word article is about 3 MB of Lexical JSON, an import 20 MB in base64.
 */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * Whether a value would serialize to more than `maxBytes` (counted as JSON characters, a
 * typed array by its bytes). Stops counting as soon as it is over, so a huge payload costs
 * no more than the cap. Iterative.
 */
export function exceedsRequestSize(value: unknown, maxBytes: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (item === null || typeof item !== 'object') size += 8;
    else if (ArrayBuffer.isView(item)) size += item.byteLength;
    else if (item instanceof ArrayBuffer) size += item.byteLength;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      if (size > maxBytes) return true;
      for (const child of item) stack.push(child);
    } else {
      for (const key in item as Record<string, unknown>) {
        size += key.length + 4;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (size > maxBytes) return true;
  }
  return false;
}
