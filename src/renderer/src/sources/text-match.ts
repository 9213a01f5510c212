/**
 * Finding an article's words in a source's snapshot as a reviewer reads them: curly and
 * straight quotes alike, dashes alike, any run of spaces and line breaks as one space,
 * case ignored. Positions map back to the snapshot as captured, so a match can be shown
 * and highlighted in the original text.
 */

/** A text normalized once for matching, with the way back to the original positions. */
export interface PreparedText {
  original: string;
  normalized: string;
  /** For each character of `normalized`, where its original character(s) begin… */
  starts: Int32Array;
  /** …and end, in `original`. */
  ends: Int32Array;
}

/** A match in the original text: `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/** A stretch of the snapshot around a match, as a card shows it. */
export interface Passage {
  before: string;
  match: string;
  after: string;
  /** True when the snapshot goes on before / after the passage. */
  clippedStart: boolean;
  clippedEnd: boolean;
  range: TextRange;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
/** Soft hyphens, zero-width spaces and joiners, word joiners, byte-order marks. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const SPACE = /\s/;

const SPACE_CODE = 32;

/**
 * Normalizes a text for matching, keeping where each normalized character came from. One
 * pass over UTF-16 code units, ASCII on a fast path: a 5 MB snapshot takes a moment once.
 */
export function prepareText(original: string): PreparedText {
  let capacity = original.length + 16;
  let codes = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  const push = (code: number, start: number, end: number) => {
    if (n === capacity) {
      // Lower case made the text longer (İ): grow.
      capacity *= 2;
      const [c, s, e] = [new Uint16Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
      c.set(codes);
      s.set(starts);
      e.set(ends);
      [codes, starts, ends] = [c, s, e];
    }
    codes[n] = code;
    starts[n] = start;
    ends[n] = end;
    n += 1;
  };
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    // Invisible first: JavaScript counts a byte-order mark as white space.
    if (INVISIBLE.has(code)) continue;
    const isSpace = code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(original[i]!);
    if (isSpace) {
      // A run of white space is one space, which stands for the whole run.
      if (n > 0 && codes[n - 1] === SPACE_CODE && ends[n - 1] === i) ends[n - 1] = i + 1;
      else push(SPACE_CODE, i, i + 1);
      continue;
    }
    if (code < 128) {
      push(code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      continue;
    }
    const ch = original[i]!;
    if (SINGLE_QUOTES.test(ch)) push(39, i, i + 1);
    else if (DOUBLE_QUOTES.test(ch)) push(34, i, i + 1);
    else if (DASHES.test(ch)) push(45, i, i + 1);
    else {
      // Every code unit of the lower case points at the original character.
      const lower = ch.toLowerCase();
      for (let k = 0; k < lower.length; k++) push(lower.charCodeAt(k), i, i + 1);
    }
  }
  let normalized = '';
  for (let at = 0; at < n; at += 8192) normalized += String.fromCharCode(...codes.subarray(at, Math.min(n, at + 8192)));
  return { original, normalized, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** A query normalized like the text it is looked for in; trimmed. */
export function normalizeQuery(query: string): string {
  return prepareText(query).normalized.trim();
}

/** Quote marks and punctuation at the edges of a quoted span are the article's, not the source's. */
function quotedCore(needle: string): string {
  return needle.replace(/^[\s"'.,;:!?()[\]-]+/, '').replace(/[\s"'.,;:!?()[\]-]+$/, '');
}

/** Every match of `query` in the text, in order, up to `limit`. */
export function findMatches(prepared: PreparedText, query: string, limit = 10_000): TextRange[] {
  const needle = normalizeQuery(query);
  if (!needle) return [];
  const matches: TextRange[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = prepared.normalized.indexOf(needle, from);
    if (at < 0) break;
    matches.push({ start: prepared.starts[at]!, end: prepared.ends[at + needle.length - 1]! });
    from = at + needle.length;
  }
  return matches;
}

/**
 * Moves a cut towards the match (forward for the start, back for the end) to the nearest
 * word boundary, so a passage neither starts nor ends mid-word; never past the match.
 */
function snapToWord(text: string, at: number, direction: 1 | -1, limit: number): number {
  const atBoundary = (i: number) => SPACE.test(text[direction === 1 ? i - 1 : i] ?? ' ');
  let i = at;
  for (let steps = 0; steps < 30 && i !== limit && !atBoundary(i); steps++) i += direction;
  return atBoundary(i) || i === limit ? i : at;
}

/** Collapses white space as a card shows it, on one line. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Where the attributed text is in the snapshot, with about `radius` characters either side
 * within its paragraph; null when it is not there. Quote marks and punctuation at the
 * span's edges are ignored.
 */
export function findPassage(prepared: PreparedText, attributed: string, radius = 100): Passage | null {
  const core = quotedCore(normalizeQuery(attributed));
  if (!core) return null;
  const [range] = findMatches(prepared, core, 1);
  if (!range) return null;
  const text = prepared.original;
  // The passage stays in the match's paragraph (a blank line ends one); only the window matters.
  const windowStart = Math.max(0, range.start - radius - 1);
  const breaks = [...text.slice(windowStart, range.start).matchAll(/\n\s*\n/g)];
  const lastBreak = breaks.at(-1);
  const paragraphStart = lastBreak ? windowStart + lastBreak.index + lastBreak[0].length : 0;
  const nextBreak = /\n\s*\n/.exec(text.slice(range.end, range.end + radius + 1));
  const paragraphEnd = nextBreak ? range.end + nextBreak.index : text.length;
  const from = range.start - radius <= paragraphStart ? paragraphStart : snapToWord(text, range.start - radius, 1, range.start);
  const to = range.end + radius >= paragraphEnd ? paragraphEnd : snapToWord(text, range.end + radius, -1, range.end);
  return {
    before: oneLine(text.slice(from, range.start)).trimStart(),
    match: oneLine(text.slice(range.start, range.end)),
    after: oneLine(text.slice(range.end, to)).trimEnd(),
    clippedStart: from > paragraphStart,
    clippedEnd: to < paragraphEnd,
    range,
  };
}

const prepared = new Map<string, PreparedText>();

/** `prepareText`, remembered for the last few snapshots (a long one is costly to normalize). */
export function preparedSnapshot(text: string): PreparedText {
  const known = prepared.get(text);
  if (known) return known;
  const fresh = prepareText(text);
  prepared.set(text, fresh);
  if (prepared.size > 8) prepared.delete(prepared.keys().next().value!);
  return fresh;
}
