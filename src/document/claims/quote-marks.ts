/**
 * Quotations in one block of text, in every common style: “…” and "…", ‘…’ and '…' where
 * they are quotes and not apostrophes (don't, the union's, ’90s), « … » with or without
 * (narrow) no-break spaces, „…“ and ‚…‘, »…« and ›…‹. Quotes nested in a quote belong to
 * it: only the outermost is returned. A mark never closed ends at the block's end (an
 * unclosed single mark is taken for an apostrophe instead).
 */

/** One outermost quotation: its marks and the quoted words between them. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark; the block's length when it is never closed. */
  close: number;
  unclosed: boolean;
  /** The quoted words, without the marks and the spaces inside them. */
  start: number;
  end: number;
}

interface Level {
  pos: number;
  closers: string;
  single: boolean;
}

const QUOTE_CHARS = new Set(['"', "'", '\u201c', '\u201d', '\u201e', '\u2018', '\u2019', '\u201a', '\u00ab', '\u00bb', '\u2039', '\u203a']);
const SINGLE = new Set(["'", '\u2018', '\u2019', '\u201a', '\u2039', '\u203a']);
const OPENING_PUNCTUATION = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/', ':']);
const ELISION = /^(?:\d\d(?:s|\b)|(?:tis|twas|em|til|cause|n)\b)/i;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where an opening mark may stand: at the start, after a space, an opening bracket or dash, or another mark. */
const openingContext = (prev: string | undefined) => prev === undefined || isSpace(prev) || OPENING_PUNCTUATION.has(prev) || QUOTE_CHARS.has(prev);

/** The marks that close a quote opened by `c` at i, or null when `c` does not open one here. */
function opens(c: string, text: string, i: number): string | null {
  const prev = text[i - 1];
  const next = text[i + 1];
  switch (c) {
    case '\u201c':
      return '\u201d\u201c';
    case '\u201e':
      return '\u201c\u201d';
    case '\u00ab':
      return '\u00bb';
    case '\u2039':
      return '\u203a';
    case '\u201a':
      return '\u2018\u2019';
    case '\u201d':
      return openingContext(prev) && next !== undefined && !isSpace(next) ? '\u201d' : null;
    case '\u00bb':
      return next !== undefined && !isSpace(next) ? '\u00ab' : null;
    case '\u203a':
      return next !== undefined && !isSpace(next) ? '\u2039' : null;
    case '"':
      return next !== undefined && !isSpace(next) ? '"' : null;
    case '\u2018':
    case "'":
      if (!openingContext(prev) || next === undefined || isSpace(next)) return null;
      if (ELISION.test(text.slice(i + 1, i + 7))) return null;
      return c === "'" ? "'" : '\u2019';
    default:
      return null;
  }
}

/** Whether `c` at i can close a quote whose closers include it. */
function canClose(c: string, level: Level, text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  // “ closes „ always, and a “ only where it looks like a closing mark (“…“, a common slip).
  if (c === '\u201c' && text[level.pos] === '\u201c') return !isSpace(prev) && (next === undefined || !isWordChar(next));
  if (c === "'" || c === '\u2019') return !isSpace(prev) && !isWordChar(next);
  return true;
}

function scan(text: string, ignored: Set<number>): { spans: QuoteSpan[]; strayOpen: number | null } {
  const stack: Level[] = [];
  const spans: QuoteSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!QUOTE_CHARS.has(c) || ignored.has(i)) continue;
    // An apostrophe inside a word (don't, o'clock, l’école) is neither mark.
    if ((c === "'" || c === '\u2019' || c === '\u2018') && isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue;
    let closed = false;
    for (let k = stack.length - 1; k >= 0; k--) {
      const level = stack[k]!;
      if (level.closers.includes(c) && canClose(c, level, text, i)) {
        if (k === 0) pushSpan(spans, text, level.pos, i, false);
        stack.length = k;
        closed = true;
        break;
      }
    }
    if (closed) continue;
    const closers = opens(c, text, i);
    if (closers) stack.push({ pos: i, closers, single: SINGLE.has(c) });
  }
  const bottom = stack[0];
  if (!bottom) return { spans, strayOpen: null };
  if (bottom.single) return { spans, strayOpen: bottom.pos };
  pushSpan(spans, text, bottom.pos, text.length, true);
  return { spans, strayOpen: null };
}

function pushSpan(spans: QuoteSpan[], text: string, open: number, close: number, unclosed: boolean): void {
  let start = open + 1;
  let end = close;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return;
  spans.push({ open, close, unclosed, start, end });
}

/** The outermost quotations of a block's text, in order. */
export function findQuotes(text: string): QuoteSpan[] {
  const ignored = new Set<number>();
  // An unclosed single mark was an apostrophe after all: scan again without it (a few times at most).
  for (let attempt = 0; attempt < 6; attempt++) {
    const { spans, strayOpen } = scan(text, ignored);
    if (strayOpen === null) return spans;
    ignored.add(strayOpen);
  }
  return scan(text, ignored).spans;
}
