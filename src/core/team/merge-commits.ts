/**
 * The merge of a sync, built in git's object store without touching the working files:
 * `git merge-tree --write-tree` merges the two commits, then every article or source file
 * both sides changed is merged again on its parsed JSON (json-merge.ts), and every path git
 * could not merge gets a whole file (ours, else theirs) instead of conflict markers. The
 * result is a merge commit; moving the working files onto it is working-files.ts's job.
 */
import { GitCommand } from './git-command';
import { mergeArticle, mergeJson } from './json-merge';

/** A file kept both ways: ours in the file, theirs in the merge's second parent (and the article's versions). */
export interface KeptBoth {
  /** Where the file lies, `articles/<slug>.json`. */
  file: string;
  /** The fields both sides changed differently. */
  fields: string[];
  /** Their whole file, as text, when it could be read; kept in the article's versions. */
  theirs: string | null;
}

export interface BuiltMerge {
  commit: string;
  keptBoth: KeptBoth[];
}

const ZERO = '0000000000000000000000000000000000000000';
const isRecordFile = (file: string) => /^(articles|sources)\/[^/]+\.json$/.test(file);

interface Stages {
  mode: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

/** Parses `merge-tree --write-tree -z`: the tree, then `<mode> <oid> <stage>\t<path>` per conflicted stage. */
function parseMergeTree(output: string): { tree: string; conflicted: Map<string, Stages> } {
  const fields = output.split('\0');
  const tree = fields[0]!.trim();
  const conflicted = new Map<string, Stages>();
  for (const field of fields.slice(1)) {
    if (field === '') break;
    const match = /^(\d+) ([0-9a-f]+) ([123])\t(.*)$/s.exec(field);
    if (!match) continue;
    const [, mode, oid, stage, file] = match as unknown as [string, string, string, string, string];
    const entry = conflicted.get(file) ?? { mode, base: null, ours: null, theirs: null };
    if (stage === '1') entry.base = oid;
    if (stage === '2') entry.ours = oid;
    if (stage === '3') entry.theirs = oid;
    if (stage !== '1') entry.mode = mode;
    conflicted.set(file, entry);
  }
  return { tree, conflicted };
}

async function changedPaths(git: GitCommand, from: string, to: string): Promise<Set<string>> {
  const out = await git.run(['diff', '--name-only', '-z', '--no-renames', from, to]);
  return new Set(out.split('\0').filter(Boolean));
}

/** The blob of each path in a commit, for the paths asked. */
async function blobsAt(git: GitCommand, commit: string, files: string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (files.length === 0) return blobs;
  const out = await git.run(['ls-tree', '-z', commit, ...files]);
  for (const line of out.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (match) blobs.set(match[2]!, match[1]!);
  }
  return blobs;
}

const readBlob = (git: GitCommand, oid: string) => git.run(['cat-file', 'blob', oid]);

/**
 * Many blobs as text in one git process (`cat-file --batch`). Only record files are read
 * this way, and they are UTF-8, so the text's bytes are the blob's and the sizes line up.
 */
async function readBlobs(git: GitCommand, oids: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (oids.length === 0) return texts;
  const out = Buffer.from(await git.run(['cat-file', '--batch'], { input: `${oids.join('\n')}\n` }), 'utf8');
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(10, at);
    if (end < 0) break;
    const [oid, type, size] = out.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (type === 'missing' || size === undefined) continue;
    const bytes = Number(size);
    texts.set(oid!, out.subarray(at, at + bytes).toString('utf8'));
    at += bytes + 1;
  }
  return texts;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Serializes a merged record as Copydesk writes it (given by the caller: articles have their own layout). */
export type Serializer = (file: string, value: unknown) => string;

/**
 * Builds the merge of `ours` and `theirs` as a commit with both as parents; the working
 * files are not touched. `serialize` writes merged records in Copydesk's own layout.
 */
export async function buildMerge(
  git: GitCommand,
  ours: string,
  theirs: string,
  base: string,
  options: { serialize: Serializer; message: (keptBoth: KeptBoth[]) => string; env: Record<string, string>; indexFile: string },
): Promise<BuiltMerge> {
  // Without rename detection: an article renamed (its slug followed the headline) is matched by its id below, not guessed by git.
  const { tree, conflicted } = parseMergeTree(await git.run(['-c', 'merge.renames=false', 'merge-tree', '--write-tree', '-z', ours, theirs], { okExitCodes: [0, 1] }));
  const [oursChanged, theirsChanged] = await Promise.all([changedPaths(git, base, ours), changedPaths(git, base, theirs)]);

  const updates: string[] = [];
  const keptBoth: KeptBoth[] = [];
  const taken = new Set<string>();
  const put = async (file: string, text: string) => {
    const oid = (await git.run(['hash-object', '-w', '--stdin'], { input: text })).trim();
    updates.push(`100644 ${oid}\t${file}`);
    taken.add(file);
  };
  const remove = (file: string) => updates.push(`0 ${ZERO}\t${file}`);

  // Articles changed on both sides, matched by id whatever their file names.
  const handled = await mergeArticlesById(git, { base, ours, theirs }, oursChanged, theirsChanged, { put, remove, keptBoth, serialize: options.serialize });

  // Sources both sides changed: merged on their JSON even where git's lines merged cleanly.
  const both = [...oursChanged].filter((file) => theirsChanged.has(file) && isRecordFile(file) && !handled.has(file) && !conflicted.has(file));
  if (both.length) {
    const [b, o, t] = await Promise.all([blobsAt(git, base, both), blobsAt(git, ours, both), blobsAt(git, theirs, both)]);
    for (const file of both) {
      if (o.has(file) && t.has(file) && o.get(file) !== t.get(file)) conflicted.set(file, { mode: '100644', base: b.get(file) ?? null, ours: o.get(file)!, theirs: t.get(file)! });
    }
  }

  for (const [file, stages] of conflicted) {
    if (handled.has(file)) continue;
    const whole = stages.ours ?? stages.theirs;
    if (!isRecordFile(file) || !stages.ours || !stages.theirs) {
      // Not ours to merge by field (an asset, a file deleted on one side): a whole file, never markers.
      updates.push(whole ? `${stages.mode} ${whole}\t${file}` : `0 ${ZERO}\t${file}`);
      if (stages.ours && stages.theirs) keptBoth.push({ file, fields: ['(file)'], theirs: null });
      continue;
    }
    const [baseText, oursText, theirsText] = await Promise.all([
      stages.base ? readBlob(git, stages.base) : Promise.resolve(null),
      readBlob(git, stages.ours),
      readBlob(git, stages.theirs),
    ]);
    const [b, o, t] = [parseJson(baseText), parseJson(oursText), parseJson(theirsText)];
    if (o === undefined || t === undefined) {
      updates.push(`${stages.mode} ${stages.ours}\t${file}`);
      keptBoth.push({ file, fields: ['(file)'], theirs: theirsText });
      continue;
    }
    if (file.startsWith('articles/')) {
      // Two different articles created under one name: both kept, theirs under a free name.
      updates.push(`${stages.mode} ${stages.ours}\t${file}`);
      await put(await freeName(git, tree, file, taken), theirsText);
      continue;
    }
    const merge = mergeJson(b, o, t);
    await put(file, options.serialize(file, merge.merged));
    if (merge.conflicts.length) keptBoth.push({ file, fields: merge.conflicts, theirs: theirsText });
  }

  let finalTree = tree;
  if (updates.length) {
    const env = { ...options.env, GIT_INDEX_FILE: options.indexFile };
    await git.run(['read-tree', tree], { env });
    await git.run(['update-index', '--index-info'], { env, input: `${updates.join('\n')}\n` });
    finalTree = (await git.run(['write-tree'], { env })).trim();
  }
  await checkRecordsParse(git, finalTree, ours, theirs);
  const commit = (await git.run(['commit-tree', '--no-gpg-sign', finalTree, '-p', ours, '-p', theirs, '-m', options.message(keptBoth)], { env: options.env })).trim();
  return { commit, keptBoth };
}

/** A name for their article beside ours: `<slug>-2.json`, `<slug>-3.json`, … free in the merged tree. */
async function freeName(git: GitCommand, tree: string, file: string, taken: Set<string>): Promise<string> {
  const stem = file.slice(0, -'.json'.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.json`;
    if (taken.has(candidate)) continue;
    const there = await git.run(['ls-tree', tree, candidate]);
    if (!there.trim()) return candidate;
  }
}

interface Side {
  file: string;
  text: string;
  value: unknown;
}

/** The article files a side changed, by the id they hold (a file that is not an article is left to git). */
async function articlesById(git: GitCommand, commit: string, files: string[]): Promise<Map<string, Side>> {
  const byId = new Map<string, Side>();
  const blobs = await blobsAt(git, commit, files);
  const texts = await readBlobs(git, [...new Set(blobs.values())]);
  for (const [file, oid] of blobs) {
    const text = texts.get(oid) ?? null;
    const value = parseJson(text);
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && text !== null) byId.set(id, { file, text, value });
  }
  return byId;
}

/**
 * Every article both sides changed (edited, renamed or removed), matched by id: merged field
 * by field into one file. Its name is ours, unless only they renamed it. Returns the paths
 * it settled, which git's own result must not decide.
 */
async function mergeArticlesById(
  git: GitCommand,
  commits: { base: string; ours: string; theirs: string },
  oursChanged: Set<string>,
  theirsChanged: Set<string>,
  out: { put: (file: string, text: string) => Promise<void>; remove: (file: string) => void; keptBoth: KeptBoth[]; serialize: Serializer },
): Promise<Set<string>> {
  const handled = new Set<string>();
  const articleFiles = (set: Set<string>) => [...set].filter((f) => f.startsWith('articles/') && isRecordFile(f));
  const [mine, other] = [articleFiles(oursChanged), articleFiles(theirsChanged)];
  if (mine.length === 0 || other.length === 0) return handled;
  const all = [...new Set([...mine, ...other])];
  const [b, o, t] = await Promise.all([articlesById(git, commits.base, all), articlesById(git, commits.ours, mine), articlesById(git, commits.theirs, other)]);
  // Ids each side touched: present in its changed files, or gone from a file it changed (removed).
  const touched = (side: Map<string, Side>, changed: string[]) => {
    const files = new Set(changed);
    return new Set([...side.keys(), ...[...b].filter(([, v]) => files.has(v.file)).map(([id]) => id)]);
  };
  const [oursTouched, theirsTouched] = [touched(o, mine), touched(t, other)];
  for (const id of oursTouched) {
    if (!theirsTouched.has(id)) continue;
    const [baseSide, oursSide, theirsSide] = [b.get(id), o.get(id), t.get(id)];
    const paths = new Set([baseSide?.file, oursSide?.file, theirsSide?.file].filter((f): f is string => !!f));
    // A side that no longer has the id in a changed file either removed it or left it unchanged elsewhere.
    const oursNow = oursSide ?? (await stillThere(git, commits.ours, baseSide));
    const theirsNow = theirsSide ?? (await stillThere(git, commits.theirs, baseSide));
    for (const file of paths) handled.add(file);
    if (!oursNow && !theirsNow) {
      for (const file of paths) out.remove(file);
      continue;
    }
    if (!oursNow || !theirsNow) {
      // Removed on one side, changed on the other: the changed one stays, nothing is lost.
      const kept = (oursNow ?? theirsNow)!;
      for (const file of paths) if (file !== kept.file) out.remove(file);
      await out.put(kept.file, kept.text);
      continue;
    }
    const merge = mergeArticle(baseSide?.value, oursNow.value, theirsNow.value);
    const file = baseSide && oursNow.file === baseSide.file ? theirsNow.file : oursNow.file;
    for (const name of paths) if (name !== file) out.remove(name);
    await out.put(file, out.serialize(file, merge.merged));
    if (merge.conflicts.length) out.keptBoth.push({ file, fields: merge.conflicts, theirs: theirsNow.text });
  }
  return handled;
}

/** The base's article as a side still has it, at its old path and unchanged; null when that side removed it. */
async function stillThere(git: GitCommand, commit: string, baseSide: Side | undefined): Promise<Side | null> {
  if (!baseSide) return null;
  const blobs = await blobsAt(git, commit, [baseSide.file]);
  return blobs.size ? baseSide : null;
}

/** Every record the merge wrote anew (neither side's bytes) must parse; git's own line merges included. */
async function checkRecordsParse(git: GitCommand, tree: string, ours: string, theirs: string): Promise<void> {
  const [vsOurs, vsTheirs] = await Promise.all([changedPaths(git, ours, tree), changedPaths(git, theirs, tree)]);
  for (const file of vsOurs) {
    if (!vsTheirs.has(file) || !isRecordFile(file)) continue;
    const text = await git.run(['show', `${tree}:${file}`]).catch(() => null);
    if (text !== null && parseJson(text) === undefined) {
      throw new Error(`the merge of ${file} is not valid JSON; nothing was changed`);
    }
  }
}
