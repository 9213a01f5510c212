/**
 * Word alignment of a quote against a stretch of a source: which words they share in
 * order, what the source has that the quote lacks and the other way round. The quote is
 * aligned whole; the source may start and end anywhere in the stretch, and where the
 * quote marks an ellipsis the source may have any number of words for free.
 *
 * Similarity is Dice over words: 2 × shared / (quote words + source words of the match).
 */
import type { DiffRun } from './review-types';

/** A word to align: its folded form, and whether the quote leaves words out before it. */
export interface AlignWord {
  norm: string;
  gapBefore?: boolean;
}

/** The best alignment found: the source words it spans (indexes into the stretch) and its similarity. */
export interface Alignment {
  sourceStart: number;
  sourceEnd: number;
  matches: number;
  similarity: number;
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/**
 * Aligns all of `quote` against the best part of `source` (Smith–Waterman on the source
 * side, global on the quote side). Quadratic in the two lengths: callers keep both short.
 */
export function alignWords(quote: AlignWord[], source: AlignWord[]): Alignment | null {
  const n = quote.length;
  const m = source.length;
  if (!n || !m) return null;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 1 diagonal, 2 up (quote word missing in source), 3 left (source word extra)
  for (let i = 1; i <= n; i++) {
    score[i * width] = score[(i - 1) * width]! + GAP;
    move[i * width] = 2;
  }
  for (let i = 1; i <= n; i++) {
    const q = quote[i - 1]!;
    // Words the source has where the quote says "…" cost nothing.
    const leftCost = i < n && quote[i]!.gapBefore ? 0 : GAP;
    for (let j = 1; j <= m; j++) {
      const diagonal = score[(i - 1) * width + j - 1]! + (q.norm === source[j - 1]!.norm ? MATCH : MISMATCH);
      const up = score[(i - 1) * width + j]! + GAP;
      const left = score[i * width + j - 1]! + leftCost;
      let best = diagonal;
      let how = 1;
      if (up > best) {
        best = up;
        how = 2;
      }
      if (left > best) {
        best = left;
        how = 3;
      }
      score[i * width + j] = best;
      move[i * width + j] = how;
    }
  }
  let end = 1;
  for (let j = 2; j <= m; j++) if (score[n * width + j]! > score[n * width + end]!) end = j;
  // Walk back, counting shared words, the span in the source and the words skipped at ellipses.
  let i = n;
  let j = end;
  let matches = 0;
  let free = 0;
  let first = end;
  while (i > 0) {
    const how = move[i * width + j];
    if (j === 0 || how === 2) {
      i--;
    } else if (how === 1) {
      if (quote[i - 1]!.norm === source[j - 1]!.norm) matches++;
      first = j;
      i--;
      j--;
    } else {
      if (i < n && quote[i]!.gapBefore) free++;
      j--;
    }
  }
  const sourceStart = first - 1;
  const span = end - sourceStart;
  const similarity = matches ? (2 * matches) / (n + span - free) : 0;
  return { sourceStart, sourceEnd: end, matches, similarity };
}

/**
 * A word diff between the article's words and the source's (longest common subsequence),
 * as runs: equal, inserted (only in the source), deleted (only in the article).
 */
export function wordDiff(article: Array<{ norm: string; text: string }>, source: Array<{ norm: string; text: string }>): DiffRun[] {
  const n = article.length;
  const m = source.length;
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = article[i]!.norm === source[j]!.norm ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else runs.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && article[i]!.norm === source[j]!.norm) {
      push('equal', article[i]!.text);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      push('inserted', source[j++]!.text);
    } else {
      push('deleted', article[i++]!.text);
    }
  }
  // A change reads better as what was written, then what the source says.
  for (let k = 0; k + 1 < runs.length; k++) {
    if (runs[k]!.op === 'inserted' && runs[k + 1]!.op === 'deleted') [runs[k], runs[k + 1]] = [runs[k + 1]!, runs[k]!];
  }
  return runs;
}
