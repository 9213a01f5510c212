/**
 * The source library on disk: real files in a temp workspace, through the API host as
 * every shell calls it.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { ApiResponse } from '../../../../src/shared/contract';
import { bodyOf, eventually, tempDir } from '../../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { indexWriteDelayMs: 20 });
  host = createApiHost(ws);
});
afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await host.call(method, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

const TALKS = {
  fields: {
    type: 'article-newspaper' as const,
    title: 'Maasgate terminal talks resume',
    author: [{ family: 'Visser', given: 'Anke' }],
    issued: '2026-11-10',
    'container-title': 'Northsea Wire',
    URL: 'https://news.example.org/maasgate/talks?utm_source=feed#top',
  },
  snapshot: { text: 'Talks between the union and the terminal operator resumed on Monday. “Difficult but businesslike,” said the negotiator.', origin: 'pasted' as const },
};

describe('adding sources', () => {
  it('writes a CSL-JSON source with its snapshot, valid against the CSL schema', async () => {
    const added = await call<ApiResponse<'sources.add'>>('sources.add', TALKS);
    expect(added.status).toBe('added');
    if (added.status !== 'added') return;
    expect(added.source.id).toBe('maasgate-terminal-talks-resume-2026-11-10');
    const file = JSON.parse(await readFile(path.join(dir, 'sources', `${added.source.id}.json`), 'utf8'));
    expect(file.csl).toMatchObject({ id: added.source.id, type: 'article-newspaper', issued: { 'date-parts': [[2026, 11, 10]] } });
    expect(file.snapshot).toMatchObject({ origin: 'pasted', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const schema = JSON.parse(await readFile(path.join(ROOT, 'resources', 'standards', 'csl', 'csl-data.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate([file.csl]), JSON.stringify(validate.errors)).toBe(true);
    const listed = await call<ApiResponse<'sources.list'>>('sources.list', {});
    expect(listed.sources).toMatchObject([{ title: 'Maasgate terminal talks resume', authors: 'Visser, A.', issued: '2026-11-10', container: 'Northsea Wire' }]);
  });

  it('offers the existing source for the same page or the same text, and writes nothing', async () => {
    await call('sources.add', TALKS);
    const samePage = await call<ApiResponse<'sources.add'>>('sources.add', {
      fields: { title: 'Talks resume (again)', URL: 'HTTPS://news.example.org/maasgate/talks/' },
    });
    expect(samePage).toMatchObject({ status: 'duplicate', matchedBy: 'url', existing: { title: 'Maasgate terminal talks resume' } });
    const sameText = await call<ApiResponse<'sources.add'>>('sources.add', { fields: { title: 'A copy' }, snapshot: TALKS.snapshot });
    expect(sameText).toMatchObject({ status: 'duplicate', matchedBy: 'text' });
    expect(await readdir(path.join(dir, 'sources'))).toHaveLength(1);
    const second = await call<ApiResponse<'sources.add'>>('sources.add', { fields: { title: 'A copy' }, snapshot: TALKS.snapshot, allowDuplicate: true });
    expect(second.status).toBe('added');
  });

  it('saves a source with no snapshot, and refuses one without a title naming the field', async () => {
    const bare = await call<ApiResponse<'sources.add'>>('sources.add', { fields: { title: 'Phone call with the port authority', type: 'personal_communication' }, snapshot: null });
    expect(bare.status === 'added' && bare.source.snapshot).toBeNull();
    const refused = await host.call('sources.add', { fields: { title: '   ' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'fields.title' }] } });
    const badType = await host.call('sources.add', { fields: { title: 'x', type: 'blog' } });
    expect(badType).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.type' }] } });
  });
});

describe('sources that articles cite', () => {
  it('cannot be deleted while cited; detaching everywhere unwraps attributions and keeps the text', async () => {
    const added = await call<ApiResponse<'sources.add'>>('sources.add', TALKS);
    if (added.status !== 'added') throw new Error('not added');
    const sourceId = added.source.id;
    const article = await ws.articles.create({ headline: 'Port strike', sourceIds: [sourceId] });
    const body = bodyOf('The negotiator called it ');
    body.root.children[0]!.children.push({
      type: 'attribution',
      version: 1,
      sourceId,
      locator: '',
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'text', version: 1, text: '“difficult but businesslike”', format: 0, detail: 0, mode: 'normal', style: '' }],
    } as never);
    await ws.articles.save({ id: article.id, baseRevision: article.revision, body });

    const refused = await host.call('sources.delete', { id: sourceId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'articles/port-strike.json', message: 'Port strike' }] } });
    if (!refused.ok) expect(refused.error.message).toMatch(/“Port strike”/);
    expect(await readdir(path.join(dir, 'sources'))).toHaveLength(1);

    const deleted = await call<ApiResponse<'sources.delete'>>('sources.delete', { id: sourceId, detach: true });
    expect(deleted.detachedFrom).toEqual([{ id: article.id, headline: 'Port strike' }]);
    const file = JSON.parse(await readFile(path.join(dir, 'articles', 'port-strike.json'), 'utf8'));
    expect(file.meta.sourceIds).toEqual([]);
    expect(JSON.stringify(file.body)).not.toContain('attribution');
    expect(JSON.stringify(file.body)).toContain('difficult but businesslike');
    expect(await readdir(path.join(dir, 'sources'))).toEqual([]);
  });
});

describe('source files on disk', () => {
  it('another program’s change shows up live; garbage is listed as damaged and left as it is', async () => {
    const added = await call<ApiResponse<'sources.add'>>('sources.add', TALKS);
    if (added.status !== 'added') throw new Error('not added');
    const seen: unknown[] = [];
    host.on('sources.changed', (payload) => seen.push(...payload.changes));
    const file = path.join(dir, 'sources', `${added.source.id}.json`);
    const edited = (await readFile(file, 'utf8')).replace('Maasgate terminal talks resume', 'Maasgate talks resume (edited)');
    await writeFile(file, edited);
    await eventually(() => (ws.sources.list().sources[0]?.title === 'Maasgate talks resume (edited)' ? true : undefined));
    expect(seen).toContainEqual(expect.objectContaining({ kind: 'changed', origin: 'external', summary: expect.objectContaining({ title: 'Maasgate talks resume (edited)' }) }));
    await writeFile(file, '{"schemaVersion": 1, "id": ');
    await eventually(() => (ws.sources.list().damaged.length === 1 ? true : undefined));
    expect(ws.sources.list().damaged).toMatchObject([{ file: `sources/${added.source.id}.json`, reason: expect.stringMatching(/not valid JSON/) }]);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "id": ');
  });

  it('keeps fields it does not know through an edit, and caches sources in the index', async () => {
    const added = await call<ApiResponse<'sources.add'>>('sources.add', TALKS);
    if (added.status !== 'added') throw new Error('not added');
    const file = path.join(dir, 'sources', `${added.source.id}.json`);
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.zoteroKey = 'ABCD1234';
    raw.csl.archive = 'Port archive';
    raw.snapshot.warcRecord = 'urn:uuid:1';
    await writeFile(file, JSON.stringify(raw));
    await eventually(() => (ws.sources.list().sources[0]?.title ? true : undefined));
    const current = await call<ApiResponse<'sources.get'>>('sources.get', { id: added.source.id });
    await call('sources.update', { id: added.source.id, baseRevision: current.revision, fields: { title: 'Maasgate talks resume' } });
    const after = JSON.parse(await readFile(file, 'utf8'));
    expect(after).toMatchObject({ zoteroKey: 'ABCD1234', csl: { archive: 'Port archive', title: 'Maasgate talks resume' }, snapshot: { warcRecord: 'urn:uuid:1' } });
    host.dispose();
    await ws.close();
    const index = JSON.parse(await readFile(path.join(dir, '.copydesk', 'index.json'), 'utf8'));
    expect(index.sources).toMatchObject([{ summary: { id: added.source.id, title: 'Maasgate talks resume' } }]);
    ws = await Workspace.open(dir, { watch: false });
    host = createApiHost(ws);
    expect(ws.sources.list().sources.map((s) => s.title)).toEqual(['Maasgate talks resume']);
  });
});

describe('editing a source', () => {
  it('a field given empty is removed; the title cannot be emptied', async () => {
    const added = await call<ApiResponse<'sources.add'>>('sources.add', TALKS);
    if (added.status !== 'added') throw new Error('not added');
    const edited = await call<ApiResponse<'sources.update'>>('sources.update', {
      id: added.source.id,
      baseRevision: added.source.revision,
      fields: { 'container-title': '', issued: '', author: [] },
    });
    expect(edited.summary).toMatchObject({ container: '', issued: '', authors: '' });
    const file = JSON.parse(await readFile(path.join(dir, 'sources', `${added.source.id}.json`), 'utf8'));
    expect(file.csl).not.toHaveProperty('container-title');
    expect(file.csl).not.toHaveProperty('issued');
    expect(file.csl.URL).toBe(TALKS.fields.URL);
    const refused = await host.call('sources.update', { id: added.source.id, baseRevision: edited.revision, fields: { title: ' ' } });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.title' }] } });
  });
});

describe('a damaged source file', () => {
  it('can be looked into, like a damaged article', async () => {
    await writeFile(path.join(dir, 'sources', 'garbled.json'), '{"schemaVersion": 1,\n  "id": "garbled",\n  "csl": ');
    await eventually(() => (ws.sources.list().damaged.length ? true : undefined));
    const look = await call<ApiResponse<'sources.inspectDamaged'>>('sources.inspectDamaged', { slug: 'garbled' });
    expect(look).toMatchObject({ reason: expect.stringMatching(/not valid JSON/), line: 3, preview: expect.stringContaining('"id": "garbled"') });
    expect(await host.call('sources.inspectDamaged', { slug: 'fine' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
