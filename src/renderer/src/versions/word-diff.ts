/**
 * A word-level comparison of two texts (the `diff` package), as runs to show: kept, added,
 * removed. A comparison that would take too long gives up and says so rather than freeze
 * the window.
 */
import { diffWords } from 'diff';

export interface DiffRun {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface WordDiff {
  runs: DiffRun[];
  added: number;
  removed: number;
  /** True when the texts differed too much to compare in time. */
  tooLarge: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const countWordsIn = (text: string) => text.match(WORD)?.length ?? 0;

/** From `before` to `after`: what was added and removed, word by word. */
export function wordDiff(before: string, after: string, timeoutMs = 1500): WordDiff {
  const changes = diffWords(before, after, { timeout: timeoutMs });
  if (!changes) return { runs: [], added: 0, removed: 0, tooLarge: true };
  let added = 0;
  let removed = 0;
  const runs = changes.map((change): DiffRun => {
    if (change.added) added += countWordsIn(change.value);
    if (change.removed) removed += countWordsIn(change.value);
    return { kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value };
  });
  return { runs, added, removed, tooLarge: false };
}

/** An article's words as one text to compare: headline, dek and body, a blank line apart. */
export function comparableText(meta: { headline?: unknown; dek?: unknown }, bodyText: string): string {
  const parts = [meta.headline, meta.dek].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return [...parts, bodyText].join('\n\n');
}
