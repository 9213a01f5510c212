/**
 * The versions kept as edits settle are thinned as they age, so that a long-lived article's
 * history grows with the days it was worked on, not with every pause of every session:
 * every settled version of the last day stays; then the newest of each day for a month;
 * then the newest of each week. The newest few always stay. Only `settled` versions are
 * thinned: those kept before a status change, a conflict choice, a restore or a sync are
 * the only copy of a text someone chose to replace, and stay.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { containedPath } from '../storage/contained-path';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Every settled version younger than this stays. */
export const KEEP_ALL_FOR_MS = DAY_MS;
/** Then one a day, up to this age; one a week beyond. */
export const ONE_A_DAY_FOR_MS = 30 * DAY_MS;
/** However old, this many of the newest settled versions stay. */
export const KEEP_NEWEST = 10;

const SETTLED = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-settled\.json$/;

function timeOf(name: string): number | null {
  const m = SETTLED.exec(name);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!) : null;
}

/**
 * Which of an article's version file names to drop at `now`: settled versions past a day old
 * that are not the newest of their day (up to a month) or of their week (beyond). Pure.
 */
export function settledVersionsToDrop(names: readonly string[], now: number): string[] {
  const settled = names
    .map((name) => ({ name, at: timeOf(name) }))
    .filter((v): v is { name: string; at: number } => v.at !== null)
    .sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const drop: string[] = [];
  settled.forEach(({ name, at }, index) => {
    const age = now - at;
    if (age < KEEP_ALL_FOR_MS) return;
    // Newest first: the first version met in a day (or week, from Monday) is the one that
    // stays; one of the newest few that stays anyway counts as its day's.
    const bucket = age < ONE_A_DAY_FOR_MS ? `d${Math.floor(at / DAY_MS)}` : `w${Math.floor((at + 3 * DAY_MS) / (7 * DAY_MS))}`;
    if (seen.has(bucket) && index >= KEEP_NEWEST) drop.push(name);
    seen.add(bucket);
  });
  return drop;
}

/**
 * Removes the settled versions `settledVersionsToDrop` names; returns how many went. Best
 * effort: a file that cannot be removed now (gone, held by another program) is tried again
 * the next time a version is kept.
 */
export async function thinSettledVersions(historyDir: string, id: string, names: readonly string[], now = Date.now()): Promise<number> {
  const folder = containedPath(historyDir, id);
  let removed = 0;
  for (const name of settledVersionsToDrop(names, now)) {
    await unlink(path.join(folder, name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
