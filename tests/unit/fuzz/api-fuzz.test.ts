/**
 * Every API method fuzzed through the API host: payloads from pure noise to near-valid
 * requests (the method's own keys, real article and source ids, paths that climb out,
 * huge and deeply nested values). Each answer is a value or an ApiError with a known
 * code, never `internal` (a crash), and nothing is written outside the workspace: the
 * temp tree around it is scanned after every method.
 *
 * COPYDESK_FUZZ_RUNS sets the runs per method (1,000 by default); the seed is printed
 * and COPYDESK_FUZZ_SEED replays it.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { API_METHODS } from '../../../src/shared/api-methods';
import { contract } from '../../../src/shared/contract';
import { bodyOf, tempDir } from '../../helpers/temp';

const RUNS = Number(process.env.COPYDESK_FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.COPYDESK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KNOWN_CODES = ['invalid-request', 'unknown-method', 'not-found', 'conflict', 'damaged', 'locked', 'read-only', 'refused', 'unavailable'];

let sandbox: { dir: string; cleanup: () => Promise<void> };
let workspace: Workspace;
let api: ApiHost;
let root: string;
/** The one folder outside the workspace the fuzzer may name as an export destination. */
let chosenOut: string;
const articleIds: string[] = [];
const sourceIds: string[] = [];
const trashIds: string[] = [];

/** Every file and folder under `dir` with its size and mtime, for a before/after comparison. */
async function tree(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const info = await stat(full).catch(() => null);
    found.set(path.relative(dir, full), info ? `${info.size}:${info.isDirectory() ? 'dir' : info.mtimeMs}` : 'gone');
  }
  return found;
}

/** Keys of a request schema (an object, a union of objects), to build near-valid payloads. */
function keysOf(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return s.options.flatMap(keysOf);
  return [];
}

const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: deep(depth - 1), b: [deep(depth - 1 > 3 ? 3 : depth - 1)] });
const climbing = fc.constantFrom('../../outside', '..', '../', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share', 'con', 'a/../../b', '%2e%2e/x', '.copydesk/index', 'articles/../..', '\u0000', '');

function valueFor(key: string): fc.Arbitrary<unknown> {
  const noise = fc.oneof(fc.anything({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant(null), fc.constant(deep(40)));
  const ids = fc.oneof(fc.constantFrom(...articleIds, ...sourceIds, ...trashIds), fc.uuid(), climbing, fc.string());
  switch (key) {
    case 'id':
    case 'ids':
    case 'articleId':
    case 'sourceId':
    case 'trashId':
      return key === 'ids' ? fc.oneof(fc.array(ids, { maxLength: 4 }), noise) : fc.oneof(ids, noise);
    case 'slug':
    case 'fileName':
      return fc.oneof(climbing, fc.string({ maxLength: 300 }), fc.constantFrom('notes.md', 'page.html', 'refs.bib', 'x.docx', 'a.pdf', 'bundle.zip'), noise);
    case 'outDir':
    case 'path':
      // The only absolute destination the fuzzer names is its chosen folder: a real one
      // elsewhere would be a write outside the workspace by request, not by accident.
      return fc.oneof(fc.constant(chosenOut), fc.constant(path.join(chosenOut, 'deeper')), climbing, fc.string(), noise);
    case 'url':
      return fc.oneof(fc.constantFrom('http://127.0.0.1:9/x', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://x', 'http://[::1]:9/'), fc.string(), noise);
    case 'body':
      return fc.oneof(fc.constant(bodyOf('The council said on Monday that 99,000 households would get it.')), fc.constant({ root: deep(200) }), noise);
    case 'data':
      return fc.oneof(fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b).toString('base64')), fc.string(), noise);
    case 'baseRevision':
      return fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('0'.repeat(64)), noise);
    case 'meta':
    case 'fields':
    case 'snapshot':
      return fc.oneof(
        fc.dictionary(fc.constantFrom('headline', 'title', 'type', 'text', 'origin', 'tags', 'status', 'slugLocked', 'author', 'URL', 'sourceIds', 'related', 'x-unknown'), fc.oneof(fc.string(), fc.constantFrom('report', 'pasted', 'draft'), fc.array(fc.string(), { maxLength: 3 }), noise), { maxKeys: 5 }),
        noise,
      );
    default:
      return fc.oneof(fc.string(), fc.boolean(), fc.constantFrom('html', 'markdown', 'csl-json', 'bibtex', 'verified', 'approved', '2026-11-28T09:00:00Z'), noise);
  }
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A valid request per method, from the workspace as it is now: the fuzzer mutates its keys. */
async function validExamples(): Promise<Partial<Record<keyof typeof contract, Record<string, unknown>>>> {
  const id = articleIds[0]!;
  const got = await api.call('articles.get', { id });
  const revision = got.ok ? (got.value as { revision: string }).revision : 'x';
  const source = await api.call('sources.get', { id: sourceIds[0] });
  const sourceRevision = source.ok ? (source.value as { revision: string }).revision : 'x';
  const body = bodyOf('“We will not sign,” said the union. The council said 99,000 households.');
  return {
    'articles.import': { fileName: 'notes.md', data: b64('# Pilots warn\n\nThe harbour said 12 ships.') },
    'articles.save': { id, baseRevision: revision, body, meta: { headline: 'Harbour pilots warn', tags: ['port'] } },
    'articles.setStatus': { id, baseRevision: revision, status: 'in-review' },
    'articles.rename': { id, slug: 'harbour-pilots' },
    'articles.keepVersion': { id, body },
    'articles.version': { id, versionId: 'v1' },
    'articles.restoreVersion': { id, versionId: 'v1', baseRevision: revision },
    'articles.relate': { id, otherId: articleIds[1]!, baseRevision: revision },
    'articles.unrelate': { id, otherId: articleIds[1]! },
    'sources.add': { fields: { title: 'Port report', type: 'report' }, snapshot: { text: 'The port said so.', origin: 'pasted' }, allowDuplicate: true },
    'sources.update': { id: sourceIds[0]!, baseRevision: sourceRevision, fields: { title: 'Port report 2', type: 'report' } },
    'sources.delete': { id: sourceIds[0]!, detach: true },
    'sources.importFile': { fileName: 'page.html', data: b64('<html><head><title>Port</title></head><body><article><p>The port said 12 ships.</p></article></body></html>') },
    'sources.importReferences': { fileName: 'refs.bib', text: '@article{port2026, title={Port report}, author={Brito, Ana}, year={2026}}' },
    'sources.capture': { url: 'http://127.0.0.1:9/report' },
    'sources.export': { articleId: id, format: 'bibtex' },
    'review.check': { id, body },
    'review.decide': { id, baseRevision: revision, claimId: 'q:1#1', decision: 'verified', by: 'Ana', comment: 'ok' },
    'review.report': { id, format: 'html' },
    'export.articles': { ids: [id], outDir: chosenOut, zip: true, override: 'fuzz', at: '2026-11-28T09:00:00Z' },
    'export.importBundle': { fileName: 'bundle.zip', data: b64('PK\u0003\u0004 not really a zip') },
    'trash.restore': { trashId: trashIds[0] ?? 'x' },
    'trash.purge': { trashId: trashIds[0] ?? 'x' },
    'search.query': { query: 'council', limit: 5 },
    'tags.rename': { from: 'port', to: 'harbour' },
  };
}

function payloadsFor(method: keyof typeof contract, valid?: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = keysOf(contract[method].request as z.ZodType);
  const near = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(k)])), { requiredKeys: [] })
    : fc.constant({});
  const withExtra = near.chain((p) => fc.oneof(fc.constant(p), fc.tuple(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 1 })).map(([k, v]) => ({ ...(p as object), [k]: v }))));
  // A valid request with some of its values swapped for hostile ones.
  const mutated = valid
    ? fc.record(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, fc.oneof({ weight: 3, arbitrary: fc.constant(v) }, { weight: 1, arbitrary: valueFor(k) })])))
    : withExtra;
  return fc.oneof({ weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) }, { weight: 3, arbitrary: withExtra }, { weight: 4, arbitrary: mutated });
}

/** Keeps three live articles, a source and a trashed article for the next method to aim at. */
async function refill(): Promise<void> {
  const list = await api.call('articles.list', {});
  const live = list.ok ? (list.value as { articles: Array<{ id: string }> }).articles.map((a) => a.id) : [];
  for (let i = live.length; i < 3; i++) {
    const created = await api.call('articles.create', { meta: { headline: `Council budget ${i}`, tags: ['port'] } });
    if (created.ok) live.push((created.value as { id: string }).id);
  }
  articleIds.splice(0, articleIds.length, ...live.slice(0, 3));
  const sources = await api.call('sources.list', {});
  const liveSources = sources.ok ? (sources.value as { sources: Array<{ id: string }> }).sources.map((x) => x.id) : [];
  if (liveSources.length === 0) {
    const added = await api.call('sources.add', { fields: { title: `Port report ${Date.now()}`, type: 'report' }, snapshot: { text: `The port said so ${Date.now()}.`, origin: 'pasted' } });
    if (added.ok) liveSources.push((added.value as { source: { id: string } }).source.id);
  }
  sourceIds.splice(0, sourceIds.length, ...liveSources.slice(0, 1));
  const trash = await api.call('trash.list', {});
  let items = trash.ok ? (trash.value as { items: Array<{ trashId: string }> }).items.map((t) => t.trashId) : [];
  if (items.length === 0) {
    const spiked = await api.call('articles.create', { meta: { headline: 'Spiked' } });
    const deleted = spiked.ok ? await api.call('articles.delete', { id: (spiked.value as { id: string }).id }) : null;
    if (deleted?.ok) items = [(deleted.value as { trashId: string }).trashId];
  }
  trashIds.splice(0, trashIds.length, ...items.slice(0, 1));
}

beforeAll(async () => {
  sandbox = await tempDir('copydesk-fuzz-');
  root = path.join(sandbox.dir, 'workspace');
  chosenOut = path.join(sandbox.dir, 'chosen-out');
  await mkdir(path.join(sandbox.dir, 'outside'));
  await writeFile(path.join(sandbox.dir, 'outside', 'keep.txt'), 'not Copydesk’s');
  workspace = await Workspace.open(root, { watch: false });
  api = createApiHost(workspace, { onEventRefused: (event, problem) => { throw new Error(`${event}: ${problem}`); } });
  for (const headline of ['Harbour pilots warn', 'Council budget', 'School meals']) {
    const created = await api.call('articles.create', { meta: { headline } });
    if (created.ok) articleIds.push((created.value as { id: string }).id);
  }
  const added = await api.call('sources.add', { fields: { title: 'Port report', type: 'report' }, snapshot: { text: 'The port said 99,000 households.', origin: 'pasted' } });
  if (added.ok) sourceIds.push((added.value as { source: { id: string } }).source.id);
  const trashed = await api.call('articles.create', { meta: { headline: 'Spiked' } });
  if (trashed.ok) {
    const deleted = await api.call('articles.delete', { id: (trashed.value as { id: string }).id });
    if (deleted.ok) trashIds.push((deleted.value as { trashId: string }).trashId);
  }
  console.warn(`API fuzz: ${RUNS} runs per method, seed ${SEED} (replay with COPYDESK_FUZZ_SEED=${SEED})`);
}, 60_000);

/** What each method answered, printed at the end: proof the fuzzer got past validation. */
const tally: string[] = [];

afterAll(async () => {
  console.warn(`API fuzz answers:\n  ${tally.join('\n  ')}`);
  api.dispose();
  await workspace.close();
  await sandbox.cleanup();
});

describe('every API method, fuzzed through the API host', () => {
  it('has a fuzzer for every method', () => {
    expect(articleIds).toHaveLength(3);
    expect(sourceIds).toHaveLength(1);
    expect(trashIds).toHaveLength(1);
  });

  for (const [i, method] of API_METHODS.entries()) {
    it(`${method}: validation errors only, no crash, no write outside the workspace`, { timeout: 300_000 }, async () => {
      await refill();
      const valid = (await validExamples())[method];
      const before = await tree(sandbox.dir);
      const answers = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(payloadsFor(method, valid), async (payload) => {
          const result = await api.call(method, payload);
          const answer = result.ok ? 'ok' : result.error.code;
          answers.set(answer, (answers.get(answer) ?? 0) + 1);
          if (!result.ok) {
            expect(KNOWN_CODES, `${method} answered ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(10);
          }
        }),
        { numRuns: RUNS, seed: SEED + i, endOnFailure: true },
      );
      tally.push(`${method}: ${[...answers].map(([a, n]) => `${n} ${a}`).join(', ')}`);
      const after = await tree(sandbox.dir);
      const outside = [...after].filter(([name, info]) => {
        if (name === 'workspace' || name.startsWith(`workspace${path.sep}`)) return false;
        if (name === 'chosen-out' || name.startsWith(`chosen-out${path.sep}`)) return false;
        return before.get(name) !== info;
      });
      expect(outside.map(([name]) => name), `${method} wrote outside the workspace`).toEqual([]);
      expect([...before.keys()].filter((name) => !after.has(name) && !name.startsWith('workspace') && !name.startsWith('chosen-out')), `${method} removed files outside`).toEqual([]);
    });
  }
});
