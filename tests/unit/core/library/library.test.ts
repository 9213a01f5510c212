/**
 * Tags, related-article links and suggestions through the API host, on real workspaces in
 * temp folders: what changes on disk, what is reported, and what is left alone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { ApiMethod } from '../../../../src/shared/api-methods';
import type { ApiRequest, ApiResponse } from '../../../../src/shared/contract';
import { bodyOf, eventually, tempDir } from '../../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;

async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await host.call(method, request);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { code: result.error.code });
  return result.value as ApiResponse<M>;
}

async function article(headline: string, meta: Record<string, unknown> = {}, ...paragraphs: string[]) {
  const created = await call('articles.create', { meta: { headline, ...meta } });
  const saved = await call('articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf(...(paragraphs.length ? paragraphs : ['Text.'])) });
  return { id: created.id, slug: saved.slug, revision: saved.revision };
}

const onDisk = async (slug: string) => JSON.parse(await readFile(path.join(dir, 'articles', `${slug}.json`), 'utf8'));
const slugOf = (id: string) => ws.articles.folder.registry.byId(id)!.summary.slug;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  // No watcher: a test changes files behind the workspace's back on purpose.
  ws = await Workspace.open(dir, { indexWriteDelayMs: 50, watch: false });
  host = createApiHost(ws);
});

afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

describe('tags', () => {
  it('lists the vocabulary with counts', async () => {
    await article('One', { tags: ['energy', 'grid'] });
    await article('Two', { tags: ['energy'] });
    expect((await call('tags.list', {})).tags).toEqual([
      { name: 'energy', count: 2 },
      { name: 'grid', count: 1 },
    ]);
  });

  it('renames a tag on every article carrying it, on disk, says which, and undoes by ids', async () => {
    const a = await article('Grid delays', { tags: ['energy', 'grid'] });
    const b = await article('Gas prices', { tags: ['energy'] });
    const c = await article('Heating costs', { tags: ['schools', 'energy'] });
    const d = await article('Rosters', { tags: ['labour'] });
    const before = await onDisk(d.slug);
    const result = await call('tags.rename', { from: 'energy', to: 'power' });
    expect(result.merged).toBe(false);
    expect(result.failed).toEqual([]);
    expect(result.changed.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await onDisk(slugOf(a.id))).meta.tags).toEqual(['power', 'grid']);
    expect((await onDisk(slugOf(b.id))).meta.tags).toEqual(['power']);
    expect((await onDisk(slugOf(c.id))).meta.tags).toEqual(['schools', 'power']);
    expect(await onDisk(d.slug)).toEqual(before);
    expect((await call('tags.list', {})).tags.map((t) => t.name)).toEqual(['grid', 'labour', 'power', 'schools']);
    // Undo: the reverse rename on exactly the articles changed.
    await article('New power story', { tags: ['power'] });
    const undo = await call('tags.rename', { from: 'power', to: 'energy', ids: result.changed.map((x) => x.id) });
    expect(undo.changed.length).toBe(3);
    expect((await onDisk(slugOf(a.id))).meta.tags).toEqual(['energy', 'grid']);
    expect((await call('tags.list', {})).tags).toContainEqual({ name: 'power', count: 1 });
  });

  it('merges into an existing tag without repeating it', async () => {
    const a = await article('One', { tags: ['climate', 'energy'] });
    const b = await article('Two', { tags: ['climate'] });
    const result = await call('tags.rename', { from: 'climate', to: 'energy' });
    expect(result.merged).toBe(true);
    expect((await onDisk(slugOf(a.id))).meta.tags).toEqual(['energy']);
    expect((await onDisk(slugOf(b.id))).meta.tags).toEqual(['energy']);
  });

  it('leaves a damaged file alone and reports an article that cannot be changed, changing the others', async () => {
    const a = await article('One', { tags: ['energy'] });
    const b = await article('Two', { tags: ['energy'] });
    const damaged = '{"schemaVersion": 1, "meta": {"tags": ["energy"]';
    await writeFile(path.join(dir, 'articles', 'broken.json'), damaged);
    // b's file becomes unreadable after the workspace read it.
    const bFile = path.join(dir, 'articles', `${b.slug}.json`);
    await writeFile(bFile, '{"truncated": ');
    const result = await call('tags.rename', { from: 'energy', to: 'power' });
    expect(result.changed.map((x) => x.id)).toEqual([a.id]);
    expect(result.failed).toEqual([{ id: b.id, headline: 'Two', reason: expect.stringMatching(/cannot be read/) }]);
    expect(await readFile(path.join(dir, 'articles', 'broken.json'), 'utf8')).toBe(damaged);
    expect(await readFile(bFile, 'utf8')).toBe('{"truncated": ');
    expect((await onDisk(slugOf(a.id))).meta.tags).toEqual(['power']);
  });

  it('refuses a rename to the same name, and a tag nobody carries, changing nothing', async () => {
    await article('One', { tags: ['energy'] });
    await expect(call('tags.rename', { from: 'energy', to: 'energy' })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(call('tags.rename', { from: 'nope', to: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(call('tags.rename', { from: '  ', to: 'x' })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('related articles', () => {
  it('links by id, shows the backlink, and keeps the link through a rename', async () => {
    const a = await article('Harbour pilots warn');
    const b = await article('Terminal strike talks');
    const linked = await call('articles.relate', { id: a.id, otherId: b.id, baseRevision: a.revision });
    expect(linked.related).toEqual([{ id: b.id, headline: 'Terminal strike talks', slug: b.slug, status: 'draft', state: 'ok' }]);
    expect(linked.revision).not.toBe(a.revision);
    expect((await onDisk(slugOf(a.id))).meta.related).toEqual([b.id]);
    expect((await call('articles.related', { id: b.id })).backlinks.map((x) => x.id)).toEqual([a.id]);
    await call('articles.rename', { id: b.id, slug: 'strike-talks' });
    expect((await call('articles.related', { id: a.id })).related[0]).toMatchObject({ id: b.id, slug: 'strike-talks', state: 'ok' });
    // Relating twice changes nothing.
    const again = await call('articles.relate', { id: a.id, otherId: b.id });
    expect(again.revision).toBe(linked.revision);
  });

  it('refuses a stale revision, the article itself and an unknown one', async () => {
    const a = await article('A');
    const b = await article('B');
    await expect(call('articles.relate', { id: a.id, otherId: b.id, baseRevision: 'old' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call('articles.relate', { id: a.id, otherId: a.id })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(call('articles.relate', { id: a.id, otherId: '0f8fad5b-d9cb-469f-a165-70867728950e' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await onDisk(a.slug)).meta.related).toEqual([]);
  });

  it('unrelates from either side', async () => {
    const a = await article('A');
    const b = await article('B');
    await call('articles.relate', { id: a.id, otherId: b.id });
    const result = await call('articles.unrelate', { id: b.id, otherId: a.id });
    expect(result.backlinks).toEqual([]);
    expect((await onDisk(slugOf(a.id))).meta.related).toEqual([]);
  });

  it('shows a trashed article as trashed, as ok again once restored, and removes the links when it is deleted for good', async () => {
    const a = await article('A story');
    const b = await article('B story');
    const c = await article('C story');
    await call('articles.relate', { id: a.id, otherId: b.id });
    await call('articles.relate', { id: c.id, otherId: b.id });
    const { trashId } = await call('articles.delete', { id: b.id });
    expect((await call('articles.related', { id: a.id })).related).toEqual([{ id: b.id, headline: 'B story', slug: b.slug, status: null, state: 'trashed' }]);
    expect((await onDisk(slugOf(a.id))).meta.related).toEqual([b.id]);
    await call('trash.restore', { trashId });
    expect((await call('articles.related', { id: a.id })).related[0]!.state).toBe('ok');
    const again = await call('articles.delete', { id: b.id });
    const purged = await call('trash.purge', { trashId: again.trashId });
    expect(purged.removedLinks.map((l) => l.headline).sort()).toEqual(['A story', 'C story']);
    expect((await onDisk(slugOf(a.id))).meta.related).toEqual([]);
    expect((await onDisk(slugOf(c.id))).meta.related).toEqual([]);
    expect((await call('trash.list', {})).items).toEqual([]);
    await expect(call('trash.purge', { trashId: again.trashId })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shows a link to an article that is nowhere as missing', async () => {
    const a = await article('A');
    const current = await call('articles.get', { id: a.id });
    await call('articles.save', { id: a.id, baseRevision: current.revision, meta: { related: ['0f8fad5b-d9cb-469f-a165-70867728950e'] } });
    expect((await call('articles.related', { id: a.id })).related[0]!.state).toBe('missing');
  });
});

describe('related.suggest', () => {
  it('suggests the closest articles with the words, tags, sources and section they share, never itself or one already related', async () => {
    const source = await call('sources.add', { fields: { type: 'report', title: 'Maasgate port authority bulletin' } });
    if (source.status !== 'added') throw new Error('not added');
    const sourceIds = [source.source.id];
    const a = await article(
      'Harbour pilots warn of tugboat shortage',
      { tags: ['shipping'], section: 'Economy', sourceIds },
      'Harbour pilots and tugboat crews at Maasgate say the roster cannot hold through the winter.',
      'The tugboat operators want pilots paid for standby hours.',
    );
    const b = await article(
      'Tugboat crews join pilots in Maasgate dispute',
      { tags: ['shipping', 'labour'], section: 'Economy', sourceIds },
      'Tugboat crews backed the harbour pilots on Monday, and the roster dispute widened.',
    );
    const c = await article('Village school loses pupils', { tags: ['education'], section: 'Education' }, 'The head teacher counted 135 children.');
    const d = await article('Pilots and tugboat roster explained', { section: 'Economy' }, 'How harbour pilots and tugboat crews share a roster at Maasgate.');
    await ws.search.settled();
    const { suggestions } = await call('related.suggest', { id: a.id });
    expect(suggestions[0]!.id).toBe(b.id);
    expect(suggestions[0]!.reasons.tags).toEqual(['shipping']);
    expect(suggestions[0]!.reasons.sources).toEqual(['Maasgate port authority bulletin']);
    expect(suggestions[0]!.reasons.section).toBe('Economy');
    // The words named are words the two share.
    const shared = ['harbour', 'pilots', 'tugboat', 'crews', 'maasgate', 'roster'];
    expect(suggestions[0]!.reasons.terms.length).toBeGreaterThan(0);
    for (const term of suggestions[0]!.reasons.terms) expect(shared).toContain(term);
    expect(suggestions.map((s) => s.id)).not.toContain(a.id);
    expect(suggestions.findIndex((s) => s.id === d.id)).toBeLessThan(suggestions.findIndex((s) => s.id === c.id) === -1 ? 99 : suggestions.findIndex((s) => s.id === c.id));
    // Accepting one: it is related now, and no longer suggested.
    await call('articles.relate', { id: a.id, otherId: b.id });
    expect((await call('related.suggest', { id: a.id })).suggestions.map((s) => s.id)).not.toContain(b.id);
    // An article that links to this one is not suggested either.
    await call('articles.relate', { id: d.id, otherId: a.id });
    expect((await call('related.suggest', { id: a.id })).suggestions.map((s) => s.id)).not.toContain(d.id);
  });
});

describe('open claims in the summary', () => {
  it('is the count of the last check, kept until the text changed is counted again', async () => {
    const a = await article('Minister pledges drones', {}, 'The minister said: “We will build 448 drones before spring.”');
    const listed = () => call('articles.list', {}).then((r) => r.articles.find((x) => x.id === a.id)!);
    const check = await call('review.check', { id: a.id });
    expect(check.open).toBeGreaterThan(0);
    expect((await listed()).openClaims).toBe(check.open);
    await call('articles.save', { id: a.id, baseRevision: check.article.revision, body: bodyOf('No claims here.') });
    expect((await listed()).openClaims).toBe(check.open);
    await ws.openClaims!.idle();
    expect((await listed()).openClaims).toBe(0);
  });
});

describe('the library list', () => {
  it('leaves out the dek, which no list shows, in the list and in its change events; the article and a filter search keep it', async () => {
    const events: unknown[] = [];
    const off = host.on('library.changed', (payload) => events.push(...payload.changes));
    const a = await article('Grid delays', { dek: 'Why the substation waits.', tags: ['energy'] });
    const listed = (await call('articles.list', {})).articles.find((s) => s.id === a.id)!;
    expect(listed).toMatchObject({ id: a.id, headline: 'Grid delays', tags: ['energy'] });
    expect(listed).not.toHaveProperty('dek');
    await eventually(() => expect(events.length).toBeGreaterThan(0));
    for (const change of events as Array<{ summary: object | null }>) if (change.summary) expect(change.summary).not.toHaveProperty('dek');
    expect((await call('articles.get', { id: a.id })).meta.dek).toBe('Why the substation waits.');
    expect((await call('search.query', { query: 'tag:energy' })).hits[0]?.snippet.text).toBe('Why the substation waits.');
    off();
  });
});
