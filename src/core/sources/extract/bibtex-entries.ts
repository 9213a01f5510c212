/**
 * Where each entry of a BibTeX file starts and ends, with its key and line, found by
 * counting braces: so that an error can name the entry it is in, an unclosed entry is
 * caught before the parser reads the rest of the file into it, and an entry the parser
 * skipped without a word is noticed.
 */

export interface BibEntrySpan {
  /** Entry type, lower case: article, online, string, preamble… */
  type: string;
  /** The citation key ('' for @string and @preamble). */
  key: string;
  /** 1-based line of the '@'. */
  line: number;
  start: number;
  /** Offset just after the closing delimiter; -1 when the entry is never closed. */
  end: number;
}

/** Entry types that hold no reference. */
export const NON_DATA_TYPES = new Set(['string', 'preamble', 'comment']);

export function bibEntrySpans(text: string): BibEntrySpan[] {
  const spans: BibEntrySpan[] = [];
  let line = 1;
  let i = 0;
  const advanceTo = (to: number) => {
    for (; i < to; i++) if (text.charCodeAt(i) === 10) line++;
  };
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    advanceTo(at);
    const head = /^@\s*([A-Za-z_][\w:+-]*)\s*([{(])?/.exec(text.slice(at, at + 200));
    if (!head) {
      advanceTo(at + 1);
      continue;
    }
    const type = head[1]!.toLowerCase();
    if (type === 'comment' || !head[2]) {
      // @comment runs to the end of its line, as the parser reads it; an '@' with no brace is text.
      advanceTo(type === 'comment' ? nextLineEnd(text, at) : at + head[0].length);
      continue;
    }
    const open = at + head[0].length - 1;
    const end = closingOffset(text, open);
    const key = NON_DATA_TYPES.has(type) ? '' : (/^\s*([^,\s{}()]*)/.exec(text.slice(open + 1, open + 300))?.[1] ?? '');
    spans.push({ type, key, line, start: at, end });
    if (end < 0) break;
    advanceTo(end);
  }
  return spans;
}

/** The span whose lines hold `line` (the last one starting at or before it). */
export function spanAtLine(spans: BibEntrySpan[], line: number): BibEntrySpan | undefined {
  let found: BibEntrySpan | undefined;
  for (const span of spans) if (span.line <= line) found = span;
  return found;
}

function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Offset after the delimiter that closes the one at `open`, braces nested; -1 if none does. */
function closingOffset(text: string, open: number): number {
  const paren = text[open] === '(';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return paren ? -1 : i + 1;
      depth--;
    } else if (c === ')' && paren && depth === 0) return i + 1;
  }
  return -1;
}
