/** Lines in a JSON text: where each element of a top-level array starts, and the line of an offset. */

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Offsets where the elements of a top-level array begin (strings and nesting skipped);
 * [] when the text is not an array. Works on broken JSON too, as far as it goes.
 */
export function jsonElementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (depth === 1 && expecting) {
        starts.push(i);
        expecting = false;
      }
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 0) {
      if (c !== '[') return starts;
      depth = 1;
      expecting = true;
      continue;
    }
    if (depth === 1 && c === ',') {
      expecting = true;
      continue;
    }
    if (depth === 1 && expecting && c !== ']') {
      starts.push(i);
      expecting = false;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (depth === 0) return starts;
  }
  return starts;
}
