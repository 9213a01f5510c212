/**
 * The library's open-claims count follows each article without anyone running a review
 * check: counted in the background after a save, an import by the copydesk command, a
 * status change, a source change, and at open for articles the index has no count for.
 * Real workspaces in temp folders, through the API host.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { OpenClaimsCounter } from '../../../../src/core/review/open-claims-counter';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { seedWorkspace } from '../../../../src/core/workspace/seed';
import { SAMPLE_WORKSPACE } from '../../../../src/host/app-paths';
import type { ApiMethod } from '../../../../src/shared/api-methods';
import type { ApiRequest, ApiResponse, LibraryChange } from '../../../../src/shared/contract';
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

const listedRevision = async (id: string) => (await call('articles.get', { id })).revision;
// Polls read the store directly: calls through the host would make the counting wait for quiet.
const rows = () => ws.articles.list().articles;
const listed = async (id: string) => (await call('articles.list', {})).articles.find((a) => a.id === id)!;
const DRONES = 'The minister said: “We will build 448 drones before spring.” Officials counted 99,000 households.';

async function article(headline: string, ...paragraphs: string[]) {
  const created = await call('articles.create', { meta: { headline } });
  const saved = await call('articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf(...paragraphs) });
  return { id: created.id, revision: saved.revision };
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { indexWriteDelayMs: 50 });
  host = createApiHost(ws);
});

afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

describe('the open-claims count of the library', () => {
  it('is counted after a save, with no review check, and the change event carries it', async () => {
    const seen: LibraryChange[] = [];
    const off = ws.onLibraryChanged((changes) => seen.push(...changes));
    const a = await article('Minister pledges drones', DRONES);
    await ws.openClaims!.idle();
    const open = (await call('review.check', { id: a.id })).open;
    expect(open).toBeGreaterThan(0);
    expect((await listed(a.id)).openClaims).toBe(open);
    expect(seen.filter((c) => c.id === a.id).at(-1)?.summary?.openClaims).toBe(open);
    off();
    // Claims taken out: the count follows.
    await call('articles.save', { id: a.id, baseRevision: a.revision, body: bodyOf('No claims here.') });
    await ws.openClaims!.idle();
    expect((await listed(a.id)).openClaims).toBe(0);
  });

  it('survives a status change: the label never goes blank and the count is renewed for the new text', async () => {
    const a = await article('Minister pledges drones', DRONES);
    await ws.openClaims!.idle();
    const before = (await listed(a.id)).openClaims;
    expect(before).toBeGreaterThan(0);
    const sent = await call('articles.setStatus', { id: a.id, baseRevision: a.revision, status: 'in-review' });
    expect(sent.revision).not.toBe(a.revision);
    // At once, before any recount…
    expect((await listed(a.id)).openClaims).toBe(before);
    await ws.openClaims!.idle();
    // …and after it, counted for the new revision (nothing left to count).
    expect((await listed(a.id)).openClaims).toBe(before);
    expect(ws.articles.needsOpenClaimsCount(a.id)).toBe(false);
  });

  it('counts an article the copydesk command imported beside the running workspace', async () => {
    const guest = await Workspace.open(dir, { guest: true });
    const imported = await guest.articles.create({ headline: 'Imported piece' }, bodyOf('“The subsidy reached 12,000 homes,” the mayor said.'));
    await guest.close();
    const row = await eventually(async () => {
      const found = rows().find((a) => a.id === imported.id);
      return found && found.openClaims !== null ? found : undefined;
    }, 8000);
    expect(row.openClaims).toBeGreaterThan(0);
  });

  it('counts again the articles a source is attached to when its snapshot changes on disk', async () => {
    const added = await call('sources.add', { fields: { title: 'Ministry note' }, snapshot: { text: 'Nothing about drones here.', origin: 'pasted' } });
    if (added.status !== 'added') throw new Error('not added');
    const quote = 'The minister said: “We will build 448 drones before spring.”';
    const a = await article('Minister pledges drones', quote);
    await call('articles.save', { id: a.id, baseRevision: (await listedRevision(a.id)), meta: { sourceIds: [added.source.id] } });
    await ws.openClaims!.idle();
    const before = (await listed(a.id)).openClaims!;
    expect(before).toBeGreaterThan(0);
    // Another program (a sync, an editor) puts the quoted passage into the snapshot.
    const file = path.join(dir, 'sources', `${added.source.slug}.json`);
    const source = JSON.parse(await readFile(file, 'utf8'));
    source.snapshot.text = `Ministry note. ${quote}`;
    delete source.snapshot.sha256;
    await writeFile(file, JSON.stringify(source, null, 2));
    await eventually(() => (rows().find((r) => r.id === a.id)!.openClaims! < before ? true : undefined), 8000);
  });
});

describe('at open', () => {
  it('counts every article of the sample workspace, so the "Has claims not backed" filter finds them all', async () => {
    host.dispose();
    await ws.close();
    const sample = path.join(dir, 'sample');
    // Seeded without being opened: an index with no counts, as a workspace never reviewed has.
    await seedWorkspace(sample, SAMPLE_WORKSPACE);
    ws = await Workspace.open(sample, { indexWriteDelayMs: 50 });
    host = createApiHost(ws);
    const { articles } = await call('articles.list', {});
    expect(articles.length).toBeGreaterThan(1);
    const counted = await eventually(() => {
      const now = rows();
      return now.every((a) => a.openClaims !== null) ? now : undefined;
    }, 15000);
    for (const a of counted) expect(a.openClaims).toBe((await call('review.check', { id: a.id })).open);
    expect(counted.filter((a) => (a.openClaims ?? 0) > 0).length).toBeGreaterThan(0);
  });
});

describe('the counter', () => {
  it('waits while the host is answering calls, and counts once they stop', async () => {
    const counted: string[] = [];
    const counter = new OpenClaimsCounter({ needsCount: () => true, count: async (id) => counted.push(id), settleMs: 10, quietMs: 80 });
    counter.schedule(['a', 'b']);
    // Someone typing a search: a call every 20 ms for 400 ms.
    for (let i = 0; i < 20; i++) {
      counter.busy();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(counted).toEqual([]);
    await counter.idle();
    expect(counted).toEqual(['a', 'b']);
    await counter.close();
  });
});
