/**
 * Search through the API host on real workspaces in temp folders: words by prefix and with
 * a typo, phrases, field filters, snippets, and the index kept current (saves, other
 * programs' writes, trash) and rebuilt when stale or garbled.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiResponse<M>;
}

async function open(options: { watch?: boolean } = {}): Promise<void> {
  ws = await Workspace.open(dir, { indexWriteDelayMs: 50, ...options });
  host = createApiHost(ws);
}

async function close(): Promise<void> {
  host.dispose();
  await ws.close();
}

async function article(headline: string, meta: Record<string, unknown>, ...paragraphs: string[]) {
  const created = await call('articles.create', { meta: { headline, ...meta } });
  const saved = await call('articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf(...paragraphs) });
  return { id: created.id, slug: saved.slug, revision: saved.revision };
}

const ids = async (query: string) => (await call('search.query', { query })).hits.map((h) => h.id);

let harbour: Awaited<ReturnType<typeof article>>;
let grid: Awaited<ReturnType<typeof article>>;
let school: Awaited<ReturnType<typeof article>>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await open();
  harbour = await article(
    'Harbour pilots warn of delays',
    { dek: 'Pilots at Maasgate say the roster cannot hold.', tags: ['shipping', 'labour'], bylines: ['Ana Lima'], section: 'Economy' },
    'The pilots union said the pay gap between night and day shifts had narrowed.',
    'Rotterdam terminals expect delays into December.',
  );
  grid = await article(
    'Grid operator delays new substation',
    { dek: 'Energy prices rise again.', tags: ['energy'], bylines: ['Joost de Vries'], section: 'Energy', language: 'nl' },
    'A gap in pay is not the issue, the operator said; the substation waits for copper.',
  );
  school = await article(
    'Village school loses a fifth of its pupils',
    { dek: '135 children remain.', tags: ['education', 'energy'], bylines: ['Marta Quintela'], section: 'Education', language: 'pt' },
    'The head teacher said heating costs rose.',
  );
  await ws.search.settled();
});

afterEach(async () => {
  await close();
  await cleanup();
});

describe('search.query', () => {
  it('finds words by prefix as they are typed, with the match marked in a snippet', async () => {
    const result = await call('search.query', { query: 'substa' });
    expect(result.hits.map((h) => h.id)).toEqual([grid.id]);
    expect(result.state).toBe('ready');
    expect(result.total).toBe(1);
    const { snippet, fields } = result.hits[0]!;
    expect(fields).toEqual(expect.arrayContaining(['headline', 'body']));
    const marked = snippet.highlights.map(([from, to]) => snippet.text.slice(from, to).toLowerCase());
    expect(marked).toEqual(['substation']);
    expect(snippet.text).toContain('the substation waits for copper');
  });

  it('finds a word typed with two neighbouring letters swapped, when nothing else matches', async () => {
    expect(await ids('cpoper')).toEqual([grid.id]);
    expect(await ids('harbour pilost')).toEqual([harbour.id]);
    // A query that finds something as typed is left as typed.
    expect(await ids('copper')).toEqual([grid.id]);
    expect(await ids('zqxwv')).toEqual([]);
  });

  it('forgives a typo in a longer word', async () => {
    expect(await ids('rotterdm')).toEqual([harbour.id]);
    expect(await ids('substaton')).toEqual([grid.id]);
  });

  it('requires every word, and matches phrases only as written', async () => {
    expect(await ids('pay gap')).toEqual(expect.arrayContaining([harbour.id, grid.id]));
    expect(await ids('"pay gap"')).toEqual([harbour.id]);
    const hit = (await call('search.query', { query: '"pay gap"' })).hits[0]!;
    expect(hit.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b))).toEqual(['pay gap']);
    // With a free word beside the phrase, that word is marked wherever it stands, the phrase only as a whole.
    const mixed = (await call('search.query', { query: '"pay gap" shifts' })).hits[0]!;
    expect(mixed.snippet.highlights.map(([a, b]) => mixed.snippet.text.slice(a, b))).toEqual(['pay gap', 'shifts']);
    // The words apart earlier in the text: the snippet is taken at the phrase, and marks it alone.
    const apart = await article('Nurses vote', {}, `A gap in pay was the first complaint. ${'The ward stayed open through the night. '.repeat(12)}Then the pay gap between wards widened.`);
    const late = (await call('search.query', { query: '"pay gap" nurses' })).hits.find((h) => h.id === apart.id)!;
    expect(late.snippet.highlights.map(([a, b]) => late.snippet.text.slice(a, b))).toEqual(['pay gap']);
    expect(await ids('"gap in pay" copper')).toEqual([grid.id]);
    expect(await ids('"gap pay"')).toEqual([]);
  });

  it('searches the dek, tags, bylines and attached sources’ titles', async () => {
    expect(await ids('roster')).toEqual([harbour.id]);
    expect(await ids('quintela')).toEqual([school.id]);
    // A match in the headline alone shows the dek: the hit shows its headline anyway.
    const village = (await call('search.query', { query: 'village' })).hits[0]!;
    expect(village).toMatchObject({ id: school.id, fields: ['headline'], snippet: { text: '135 children remain.', highlights: [] } });
    const source = await call('sources.add', { fields: { type: 'report', title: 'Copper shortage bulletin' } });
    if (source.status !== 'added') throw new Error('not added');
    const current = await call('articles.get', { id: school.id });
    await call('articles.save', { id: school.id, baseRevision: current.revision, meta: { sourceIds: [source.source.id] } });
    const result = await call('search.query', { query: 'bulletin' });
    expect(result.hits.map((h) => h.id)).toEqual([school.id]);
    expect(result.hits[0]!.fields).toEqual(['sources']);
  });

  it('filters by tag, status, section, byline and language, alone or with words', async () => {
    expect((await ids('tag:energy')).sort()).toEqual([grid.id, school.id].sort());
    expect(await ids('tag:energy tag:education')).toEqual([school.id]);
    expect(await ids('tag:energy delays')).toEqual([grid.id]);
    expect(await ids('section:economy')).toEqual([harbour.id]);
    expect(await ids('byline:"Joost de Vries"')).toEqual([grid.id]);
    expect(await ids('byline:lima')).toEqual([harbour.id]);
    expect(await ids('lang:pt')).toEqual([school.id]);
    expect((await ids('status:draft')).length).toBe(3);
    expect(await ids('status:approved')).toEqual([]);
    const alone = await call('search.query', { query: 'tag:shipping' });
    expect(alone.hits[0]!.snippet.text).toBe('Pilots at Maasgate say the roster cannot hold.');
    expect(alone.total).toBe(1);
  });

  it('answers an empty query with nothing, and honours the limit', async () => {
    expect(await call('search.query', { query: '   ' })).toMatchObject({ hits: [], total: 0 });
    const limited = await call('search.query', { query: 'said', limit: 2 });
    expect(limited.hits.length).toBe(2);
    expect(limited.total).toBe(3);
  });
});

describe('keeping the index current', () => {
  it('finds the words of a save at once, and no longer the words removed', async () => {
    await call('articles.save', { id: harbour.id, baseRevision: harbour.revision, body: bodyOf('Tugboat crews joined the strike.') });
    expect(await ids('tugboat')).toEqual([harbour.id]);
    expect(await ids('rotterdam')).toEqual([]);
  });

  it('takes in a file another program wrote', async () => {
    const file = path.join(dir, 'articles', `${grid.slug}.json`);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    onDisk.body = bodyOf('Aluminium replaces copper in the new design.');
    await writeFile(file, JSON.stringify(onDisk, null, 2));
    await eventually(async () => ((await ids('aluminium')).includes(grid.id) ? true : undefined));
    expect(await ids('waits')).toEqual([]);
  });

  it('drops a trashed article and finds it again once restored', async () => {
    const { trashId } = await call('articles.delete', { id: school.id });
    expect(await ids('pupils')).toEqual([]);
    await call('trash.restore', { trashId });
    await ws.search.settled();
    expect(await ids('pupils')).toEqual([school.id]);
  });

  it('saves the index on close, reloads it, and rebuilds the entries of files changed meanwhile', async () => {
    await close();
    const saved = JSON.parse((await readFile(path.join(dir, '.copydesk', 'search-index.jsonl'), 'utf8')).split('\n')[0]!);
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.from).sort()).toEqual([harbour.id, grid.id, school.id].sort());
    // Changed while Copydesk was closed.
    const file = path.join(dir, 'articles', `${harbour.slug}.json`);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    onDisk.body = bodyOf('Dredging resumes at the outer harbour.');
    await writeFile(file, JSON.stringify(onDisk, null, 2));
    await open({ watch: false });
    // The list never waits for the index.
    expect((await call('articles.list', {})).articles.length).toBe(3);
    await ws.search.settled();
    expect(ws.search.rebuiltBecause).toBeNull();
    expect(await ids('dredging')).toEqual([harbour.id]);
    expect(await ids('rotterdam')).toEqual([]);
    expect(await ids('copper')).toEqual([grid.id]);
  });

  it('keeps a garbled index aside and rebuilds it from the files', async () => {
    await close();
    const file = path.join(dir, '.copydesk', 'search-index.jsonl');
    await writeFile(file, '{"version": 1, "from": {}}\n{"documentCount": 3,');
    const statuses: string[] = [];
    await open({ watch: false });
    host.on('search.status', (s) => statuses.push(s.state));
    expect((await call('articles.list', {})).articles.length).toBe(3);
    await ws.search.settled();
    expect(ws.search.rebuiltBecause).toMatch(/garbled/);
    expect(await ids('substation')).toEqual([grid.id]);
    const kept = (await readdir(path.join(dir, '.copydesk'))).filter((n) => n.startsWith('search-index.jsonl.damaged-'));
    expect(kept.length).toBe(1);
    expect(await readFile(path.join(dir, '.copydesk', kept[0]!), 'utf8')).toBe('{"version": 1, "from": {}}\n{"documentCount": 3,');
    expect(await call('search.status', {})).toEqual({ state: 'ready', indexed: 3, total: 3 });
    // The rebuild was announced through the API's event, ending ready.
    expect(statuses.at(-1)).toBe('ready');
  });

  it('rebuilds an index whose postings are garbled past its first lines, keeping it aside', async () => {
    await close();
    const file = path.join(dir, '.copydesk', 'search-index.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [lines[0], lines[1], '[["substation", {"2": {"0": 1}}], ["cut off'].join('\n'));
    await open({ watch: false });
    await ws.search.settled();
    expect(ws.search.rebuiltBecause).toMatch(/garbled/);
    expect(await ids('substation')).toEqual([grid.id]);
    expect((await readdir(path.join(dir, '.copydesk'))).filter((n) => n.startsWith('search-index.jsonl.damaged-')).length).toBe(1);
  });
});
