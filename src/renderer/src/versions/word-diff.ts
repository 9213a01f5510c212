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

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** An article's words as one text to compare: kicker and section, headline, dek and body, a blank line apart. */
export function comparableText(meta: { kicker?: unknown; section?: unknown; headline?: unknown; dek?: unknown }, bodyText: string): string {
  const label = [text(meta.kicker), text(meta.section)].filter(Boolean).join(' · ');
  const parts = [label, text(meta.headline), text(meta.dek)].filter(Boolean);
  return [...parts, bodyText].join('\n\n');
}

/**
 * The runs with long stretches of unchanged text cut down to `context` words either side
 * of each change ("… "), so the changes of a long article are what meets the eye.
 */
export function changesOnly(runs: DiffRun[], context = 12): DiffRun[] {
  if (!runs.some((run) => run.kind !== 'same')) return runs;
  return runs.map((run, i) => {
    if (run.kind !== 'same') return run;
    const tokens = run.text.match(/\S+|\s+/g) ?? [];
    const wordAt = tokens.map((token) => /\S/.test(token));
    const words = wordAt.filter(Boolean).length;
    const first = i === 0;
    const last = i === runs.length - 1;
    const keep = (first ? 0 : context) + (last ? 0 : context);
    if (words <= keep + 4) return run;
    /** Tokens from one end up to and with the `context`-th word. */
    const take = (from: 'start' | 'end') => {
      const order = from === 'start' ? tokens.map((_, k) => k) : tokens.map((_, k) => tokens.length - 1 - k);
      let seen = 0;
      let at = 0;
      while (at < order.length && seen < context) if (wordAt[order[at++]!]) seen++;
      const taken = order.slice(0, at).sort((a, b) => a - b);
      return taken.map((k) => tokens[k]).join('');
    };
    const head = first ? '' : take('start');
    const tail = last ? '' : take('end');
    return { kind: 'same', text: `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}` };
  });
}
