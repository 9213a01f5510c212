/**
 * Fuzzy matching of what is typed in the command palette against headlines and command
 * names: every typed character in order, case and accents aside; whole words and runs of
 * letters score higher than scattered ones, and a match at the start of a word higher still.
 */

/** Lowercase without accents, one character for one character (so positions still hold). */
export function foldForMatch(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += bare.length === 1 ? bare : ch.length === 1 ? ch : ' ';
  }
  return out;
}

export interface FuzzyMatch {
  score: number;
  /** Positions of the matched characters in the text, for highlighting. */
  positions: number[];
}

const isWordStart = (text: string, i: number) => i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!);

/** How well `query` (folded) matches `text` (folded), or null when it does not. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.trim();
  if (!q) return { score: 0, positions: [] };
  // A plain substring is the best kind of match, better at a word's start, better earlier.
  const at = text.indexOf(q);
  if (at >= 0) {
    return { score: 1000 + (isWordStart(text, at) ? 200 : 0) - at - text.length / 100, positions: Array.from({ length: q.length }, (_, i) => at + i) };
  }
  // Otherwise each character in order; spaces in the query just separate words.
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = text.indexOf(ch, from);
    if (found < 0) return null;
    score += found === previous + 1 ? 8 : isWordStart(text, found) ? 6 : 1;
    positions.push(found);
    previous = found;
    from = found + 1;
  }
  return { score: score - text.length / 100, positions };
}
