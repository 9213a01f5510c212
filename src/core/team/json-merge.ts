/**
 * A three-way merge of one JSON file changed on both sides of a sync, on the parsed values,
 * so git's text merge (and its conflict markers) never touches a workspace file.
 *
 * Each field is merged on its own: a field changed on one side only takes that side; a
 * field changed the same way on both is taken once; a field changed differently on both
 * is a conflict, which keeps ours in the result and names the field, so the caller keeps
 * theirs whole elsewhere. Articles get rules of their own: tags, sources and related
 * articles merge as sets, review decisions by claim id, the status history as a union,
 * `updatedAt` takes the later time, and the body merges block by block where the two
 * sides changed different blocks.
 */
import { diffArrays } from 'diff';

export interface JsonMerge {
  merged: unknown;
  /** The fields changed differently on both sides (`meta.headline`, `review.decisions[claim]`, `body`). */
  conflicts: string[];
}

type Rule = (base: unknown, ours: unknown, theirs: unknown, at: string, conflicts: string[]) => unknown;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The same JSON value, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** One value, three ways: the side that changed wins; both changed alike is taken once; objects merge by key. */
function mergeValue(base: unknown, ours: unknown, theirs: unknown, at: string, conflicts: string[], rules: Record<string, Rule>): unknown {
  if (sameJson(ours, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  if (sameJson(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs)) return mergeObject(isObject(base) ? base : {}, ours, theirs, at, conflicts, rules);
  conflicts.push(at || '(file)');
  return ours;
}

/** One value taken whole: a decision is one person's verdict, never half of each. */
function mergeWhole(base: unknown, ours: unknown, theirs: unknown, at: string, conflicts: string[]): unknown {
  if (sameJson(ours, theirs) || sameJson(base, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  conflicts.push(at);
  return ours;
}

function mergeObject(base: Json, ours: Json, theirs: Json, at: string, conflicts: string[], rules: Record<string, Rule>): Json {
  const merged: Json = {};
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !(key in ours))];
  for (const key of keys) {
    const path = at ? `${at}.${key}` : key;
    const rule = rules[path];
    const value = rule
      ? rule(base[key], ours[key], theirs[key], path, conflicts)
      : mergeValue(base[key], ours[key], theirs[key], path, conflicts, rules);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** A list whose order does not matter: theirs' additions and removals applied to ours. */
const asSet: Rule = (base, ours, theirs, at, conflicts) => {
  if (!Array.isArray(ours) || !Array.isArray(theirs)) return mergeValue(base, ours, theirs, at, conflicts, {});
  const baseList = Array.isArray(base) ? base : [];
  const key = (item: unknown) => canonical(item);
  const inTheirs = new Set(theirs.map(key));
  const inBase = new Set(baseList.map(key));
  const kept = ours.filter((item) => !(inBase.has(key(item)) && !inTheirs.has(key(item))));
  const have = new Set(kept.map(key));
  for (const item of theirs) if (!inBase.has(key(item)) && !have.has(key(item))) kept.push(item);
  return kept;
};

/** The later of two times; both sides' edits are in the file. */
const laterTime: Rule = (base, ours, theirs) => {
  if (typeof ours !== 'string' || typeof theirs !== 'string') return ours ?? theirs ?? base;
  return ours > theirs ? ours : theirs;
};

/** Review decisions, one per claim id: merged claim by claim. */
const byClaim: Rule = (base, ours, theirs, at, conflicts) => {
  if (!Array.isArray(ours) || !Array.isArray(theirs)) return mergeValue(base, ours, theirs, at, conflicts, {});
  const idOf = (item: unknown) => (isObject(item) && typeof item.claimId === 'string' ? item.claimId : canonical(item));
  const index = (list: unknown[]) => new Map(list.map((item) => [idOf(item), item]));
  const baseById = index(Array.isArray(base) ? base : []);
  const oursById = index(ours);
  const theirsById = index(theirs);
  const merged: unknown[] = [];
  const ids = [...oursById.keys(), ...[...theirsById.keys()].filter((id) => !oursById.has(id))];
  for (const id of ids) {
    const value = mergeWhole(baseById.get(id), oursById.get(id), theirsById.get(id), `${at}[${id}]`, conflicts);
    if (value !== undefined) merged.push(value);
  }
  return merged;
};

/** The status history: every change either side recorded, oldest first. */
const union: Rule = (base, ours, theirs, at, conflicts) => {
  if (ours === undefined || theirs === undefined) return mergeValue(base, ours, theirs, at, conflicts, {});
  if (!Array.isArray(ours) || !Array.isArray(theirs)) return mergeValue(base, ours, theirs, at, conflicts, {});
  const seen = new Set(ours.map(canonical));
  const baseKeys = new Set((Array.isArray(base) ? base : []).map(canonical));
  const theirsKeys = new Set(theirs.map(canonical));
  // An entry either side removed (never done by Copydesk, but another tool may) stays removed.
  const kept = ours.filter((item) => !(baseKeys.has(canonical(item)) && !theirsKeys.has(canonical(item))));
  for (const item of theirs) if (!seen.has(canonical(item)) && !baseKeys.has(canonical(item))) kept.push(item);
  const when = (item: unknown) => (isObject(item) && typeof item.at === 'string' ? item.at : '');
  return kept.map((item, i) => ({ item, i })).sort((a, b) => (when(a.item) < when(b.item) ? -1 : when(a.item) > when(b.item) ? 1 : a.i - b.i)).map((e) => e.item);
};

/** A change to a run of the base's blocks: [start, end) replaced by `blocks`. */
interface Hunk {
  start: number;
  end: number;
  blocks: unknown[];
}

function hunks(base: unknown[], side: unknown[]): Hunk[] {
  const changes = diffArrays(base.map(canonical), side.map(canonical));
  const result: Hunk[] = [];
  let at = 0;
  let sideAt = 0;
  let open: Hunk | null = null;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      if (open) result.push(open);
      open = null;
      at += count;
      sideAt += count;
      continue;
    }
    open ??= { start: at, end: at, blocks: [] };
    if (change.removed) {
      at += count;
      open.end = at;
    } else {
      open.blocks.push(...side.slice(sideAt, sideAt + count));
      sideAt += count;
    }
  }
  if (open) result.push(open);
  return result;
}

const touches = (a: Hunk, b: Hunk) => (a.start < b.end && b.start < a.end) || a.start === b.start;

/** Blocks changed on both sides merge when the changes touch different blocks; else null. */
export function mergeBlocks(base: unknown[], ours: unknown[], theirs: unknown[]): unknown[] | null {
  const mine = hunks(base, ours).map((hunk) => ({ hunk, side: 'ours' as const }));
  const other = hunks(base, theirs).map((hunk) => ({ hunk, side: 'theirs' as const }));
  for (const a of mine) {
    for (const b of other) {
      if (!touches(a.hunk, b.hunk)) continue;
      const alike = a.hunk.start === b.hunk.start && a.hunk.end === b.hunk.end && sameJson(a.hunk.blocks, b.hunk.blocks);
      if (!alike) return null;
      b.hunk.blocks = [];
      b.hunk.end = b.hunk.start; // taken once, from ours
    }
  }
  const all = [...mine, ...other].map((e) => e.hunk).filter((h) => h.start !== h.end || h.blocks.length > 0);
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: unknown[] = [];
  let at = 0;
  for (const hunk of all) {
    merged.push(...base.slice(at, hunk.start), ...hunk.blocks);
    at = hunk.end;
  }
  merged.push(...base.slice(at));
  return merged;
}

/** The body: its blocks merged where the changes do not touch; otherwise ours, and a conflict. */
const byBlock: Rule = (base, ours, theirs, at, conflicts) => {
  const blocksOf = (body: unknown) => (isObject(body) && isObject(body.root) && Array.isArray(body.root.children) ? body.root.children : null);
  const [b, o, t] = [blocksOf(base), blocksOf(ours), blocksOf(theirs)];
  if (!b || !o || !t || sameJson(ours, theirs) || sameJson(base, ours) || sameJson(base, theirs)) {
    return mergeValue(base, ours, theirs, at, conflicts, {});
  }
  const blocks = mergeBlocks(b, o, t);
  if (!blocks) {
    conflicts.push(at);
    return ours;
  }
  const rootConflicts: string[] = [];
  const { children: _b, ...baseRoot } = (base as { root: Json }).root;
  const { children: _o, ...oursRoot } = (ours as { root: Json }).root;
  const { children: _t, ...theirsRoot } = (theirs as { root: Json }).root;
  const root = mergeObject(baseRoot, oursRoot, theirsRoot, `${at}.root`, rootConflicts, {});
  if (rootConflicts.length) {
    conflicts.push(at);
    return ours;
  }
  const { root: _r, ...frame } = mergeObject(base as Json, ours as Json, theirs as Json, at, [], { [`${at}.root`]: () => undefined });
  return { ...frame, root: { ...root, children: blocks } };
};

const ARTICLE_RULES: Record<string, Rule> = {
  'meta.tags': asSet,
  'meta.sourceIds': asSet,
  'meta.related': asSet,
  'meta.updatedAt': laterTime,
  'review.decisions': byClaim,
  'review.history': union,
  body: byBlock,
};

/** Merges an article file changed on both sides (base null: added on both). */
export function mergeArticle(base: unknown, ours: unknown, theirs: unknown): JsonMerge {
  const conflicts: string[] = [];
  const merged = mergeValue(base ?? {}, ours, theirs, '', conflicts, ARTICLE_RULES);
  return { merged, conflicts };
}

/** Merges any other JSON file (a source) by key. */
export function mergeJson(base: unknown, ours: unknown, theirs: unknown): JsonMerge {
  const conflicts: string[] = [];
  const merged = mergeValue(base ?? {}, ours, theirs, '', conflicts, {});
  return { merged, conflicts };
}
