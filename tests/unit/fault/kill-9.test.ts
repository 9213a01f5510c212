/**
 * Promise 1 under every kind of write: a real child process runs a random mix of article
 * saves, renames, trash and restore, tag renames, source updates and exports through the API host,
 * and is killed with SIGKILL at a random moment, round after round. After every kill:
 * every file parses, no confirmed operation is lost, no article id is under two names,
 * every bundle that was exported is still whole; after the last, the next open cleans
 * every temp file the killed writers left.
 *
 * COPYDESK_FAULT_ROUNDS sets the rounds (300 by default); COPYDESK_FAULT_SEED replays a
 * run (the seed is printed).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { parseArticleBytes } from '../../../src/core/articles/article-file';
import { parseSourceText } from '../../../src/core/sources/source-file';
import { Workspace } from '../../../src/core/workspace/workspace';
import { plainTextFromBody } from '../../../src/document/plain-text';
import { bundleForNode, startChild } from '../../helpers/child';
import { tempDir } from '../../helpers/temp';

const ROUNDS = Number(process.env.COPYDESK_FAULT_ROUNDS ?? 300);
const SEED = Number(process.env.COPYDESK_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

let scratch: { dir: string; cleanup: () => Promise<void> };
let childScript: string;

beforeAll(async () => {
  scratch = await tempDir('copydesk-fault-');
  childScript = await bundleForNode(path.join(__dirname, 'fixtures', 'fault-child.ts'), scratch.dir);
});
afterAll(() => scratch.cleanup());

interface ArticleState {
  counter: number;
  where: 'articles' | 'trash';
  /** The slug of the last confirmed rename (a renamed slug is fixed). */
  slug: string | null;
  /** The operations on it so far, for the message when a check fails. */
  log: string[];
}

interface Op {
  kind: string;
  id: string;
  n: number;
  extra?: string;
}

const counterIn = (text: string) => Number(/counter (\d+)/.exec(text)?.[1] ?? -1);
const jsonNames = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));

/** Every temp or half-placed file anywhere in the workspace. */
async function leftovers(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (/^\.cd-[0-9a-f]+\.\d+\.tmp$|\.tmp-|\.old-/.test(entry.name)) found.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  return found;
}

/** A bundle in exports/: its manifest parses and every file it lists has the recorded sha-256. */
async function checkBundle(folder: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> };
  for (const file of manifest.files) {
    const bytes = await readFile(path.join(folder, ...file.path.split('/')));
    expect(createHash('sha256').update(bytes).digest('hex'), `${folder}/${file.path}`).toBe(file.sha256);
  }
}

describe('kill -9 during saves, renames, trash and restore, source updates and exports', () => {
  it(`loses nothing confirmed and corrupts nothing (${ROUNDS} rounds, seed ${SEED})`, { timeout: 15 * 60_000 }, async () => {
    console.warn(`fault suite: ${ROUNDS} rounds, seed ${SEED} (replay with COPYDESK_FAULT_SEED=${SEED})`);
    const root = path.join(scratch.dir, 'work space ünïcode');
    const setup = await Workspace.open(root);
    const api = createApiHost(setup);
    const articleIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await api.call('articles.create', { meta: { headline: `Article ${i}`, tags: ['desk-a', 'harbour'] } });
      if (!created.ok) throw new Error(created.error.message);
      articleIds.push((created.value as { id: string }).id);
    }
    const sourceIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const added = await api.call('sources.add', { fields: { title: `Source ${i}`, type: 'report' }, snapshot: { text: `The report number ${i} says 99,000 households.`, origin: 'pasted' } });
      if (!added.ok) throw new Error(added.error.message);
      sourceIds.push((added.value as { source: { id: string } }).source.id);
    }
    api.dispose();
    await setup.close();

    const articles = new Map<string, ArticleState>(articleIds.map((id) => [id, { counter: -1, where: 'articles', slug: null, log: [] }]));
    const sources = new Map<string, number>(sourceIds.map((id) => [id, -1]));
    /** Bundles confirmed, by folder name. */
    const bundles = new Set<string>();
    const kinds = new Map<string, number>();
    let killedMidOperation = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const child = startChild(childScript, [root, String(round), String((SEED + round * 7919) % 2 ** 31)]);
      await child.waitFor(/^done /, 20_000);
      await new Promise((r) => setTimeout(r, Math.random() * 60));
      child.process.kill('SIGKILL');
      await child.exited;

      let inFlight: Op | null = null;
      for (const line of child.lines) {
        const [word, kind, id, n, extra] = line.split(' ');
        if (word === 'error') throw new Error(`round ${round} (seed ${SEED}): the child failed: ${line}`);
        if ((word === 'begin' || word === 'done') && articles.has(id!)) articles.get(id!)!.log.push(`${round}: ${word} ${kind} ${n}${extra ? ` ${extra}` : ''}`);
        if (word === 'begin') inFlight = { kind: kind!, id: id!, n: Number(n), ...(extra ? { extra } : {}) };
        if (word !== 'done') continue;
        inFlight = null;
        kinds.set(kind!, (kinds.get(kind!) ?? 0) + 1);
        if (kind === 'tags') continue;
        if (kind === 'source') sources.set(id!, Number(n));
        else if (kind === 'export') {
          if (extra !== '-') bundles.add(extra!);
        } else {
          const state = articles.get(id!)!;
          if (kind === 'save') state.counter = Number(n);
          if (kind === 'rename') state.slug = extra!;
          if (kind === 'delete') state.where = 'trash';
          if (kind === 'restore') state.where = 'articles';
        }
      }
      if (inFlight) killedMidOperation++;
      const where = `round ${round} (seed ${SEED}, in flight: ${inFlight ? `${inFlight.kind} ${inFlight.id} ${inFlight.n}` : 'nothing'})`;

      // Every article file, in the library or the trash, parses; each id is in one place only.
      const seen = new Map<string, { where: 'articles' | 'trash'; name: string; counter: number; locked: boolean }>();
      for (const [folder, dir] of [['articles', path.join(root, 'articles')], ['trash', path.join(root, '.copydesk', 'trash')]] as const) {
        for (const name of await jsonNames(dir)) {
          const parsed = parseArticleBytes(await readFile(path.join(dir, name)));
          if (!parsed.ok) throw new Error(`${where}: ${folder}/${name} does not parse: ${parsed.error}`);
          const before = seen.get(parsed.value.id);
          expect(before, `${where}: ${parsed.value.id} is under two names (${before?.name}, ${name})`).toBeUndefined();
          seen.set(parsed.value.id, { where: folder, name, counter: counterIn(plainTextFromBody(parsed.value.body)), locked: parsed.value.meta.slugLocked });
          // A tag rename cut short leaves some articles renamed and some not, never one with both tags or neither.
          const desk = parsed.value.meta.tags.filter((t) => t === 'desk-a' || t === 'desk-b');
          expect(desk, `${where}: ${folder}/${name} has tags ${parsed.value.meta.tags.join(', ')}`).toHaveLength(1);
          expect(parsed.value.meta.tags).toContain('harbour');
        }
      }
      expect([...seen.keys()].sort(), `${where}: articles lost or added`).toEqual([...articleIds].sort());
      for (const [id, state] of articles) {
        const found = seen.get(id)!;
        const flying = inFlight?.id === id ? inFlight : null;
        const story = ` (${state.log.slice(-8).join('; ')})`;
        const counters = [state.counter, ...(flying?.kind === 'save' ? [flying.n] : [])];
        expect(counters, `${where}: ${id} holds save ${found.counter}${story}`).toContain(found.counter);
        state.counter = found.counter;
        if (!flying || (flying.kind !== 'delete' && flying.kind !== 'restore')) expect(found.where, `${where}: ${id} is in the wrong place${story}`).toBe(state.where);
        state.where = found.where;
        if (found.where === 'articles' && state.slug && flying?.kind !== 'rename') expect(found.name, `${where}: ${id} lost its confirmed name${story}`).toBe(`${state.slug}.json`);
        // A rename cut short moves the file first and writes the fixed slug after: the new
        // name counts as fixed only once the file says so.
        if (flying?.kind === 'rename') state.slug = found.locked ? found.name.slice(0, -'.json'.length) : null;
      }

      // Every source parses, and holds its last confirmed title (or the one in flight).
      for (const name of await jsonNames(path.join(root, 'sources'))) {
        const parsed = parseSourceText(await readFile(path.join(root, 'sources', name), 'utf8'));
        if (!parsed.ok) throw new Error(`${where}: sources/${name} does not parse: ${parsed.error}`);
        const counter = Number(/ v(\d+)$/.exec(String(parsed.value.csl.title ?? ''))?.[1] ?? -1);
        const allowed = [sources.get(parsed.value.id), ...(inFlight?.kind === 'source' && inFlight.id === parsed.value.id ? [inFlight.n] : [])];
        expect(allowed, `${where}: source ${parsed.value.id} holds update ${counter}`).toContain(counter);
        sources.set(parsed.value.id, counter);
      }

      // Every bundle ever confirmed is still there and whole.
      for (const slug of bundles) await checkBundle(path.join(root, 'exports', slug));
      const index = await readFile(path.join(root, '.copydesk', 'index.json'), 'utf8').catch(() => null);
      if (index !== null) expect(() => JSON.parse(index), `${where}: index.json does not parse`).not.toThrow();
    }

    console.warn(`fault suite: confirmed ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}; ${killedMidOperation} kills mid-operation`);
    // Kills that all landed between operations would prove nothing.
    expect(killedMidOperation).toBeGreaterThan(ROUNDS / 4);
    for (const kind of ['save', 'rename', 'delete', 'restore', 'tags', 'source', 'export']) expect(kinds.get(kind) ?? 0, `no ${kind} was confirmed`).toBeGreaterThan(0);

    const reopened = await Workspace.open(root);
    try {
      expect(reopened.articles.list().damaged).toEqual([]);
      expect(reopened.sources.list().damaged).toEqual([]);
      expect(await leftovers(root), 'temp files of killed writers are cleaned on the next open').toEqual([]);
      for (const slug of bundles) await checkBundle(path.join(root, 'exports', slug));
    } finally {
      await reopened.close();
    }
  });
});
