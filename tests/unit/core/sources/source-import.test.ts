/**
 * Sources from outside through the API host, as the app and the CLI call it: a saved
 * page, a reference file (all or none), a page captured from a real loopback server, and
 * the library exported back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { ApiResponse } from '../../../../src/shared/contract';
import { tempDir } from '../../../helpers/temp';

const PAGE = `<!doctype html><html lang="en"><head><title>Dock workers vote on new rosters | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger"><meta property="og:type" content="article">
<meta name="author" content="Ines Okafor"><meta property="article:published_time" content="2026-11-09T07:30:00Z">
<script>window.secret = "tracking script text";</script></head>
<body><nav>Home · Ports · Weather</nav><article><h1>Dock workers vote on new rosters</h1>
<p>Dock workers at the Maasgate container terminal will vote on Thursday on a roster plan that the union calls “a step, not a solution”.</p>
<p>The plan would cut night shifts from five to three a week for 1,240 workers, according to the terminal operator.</p>
<p>Talks resumed after a two-day stoppage that left 48 ships waiting at anchor off the coast.</p></article>
<aside>Most read: cheese prices</aside><footer>© Harbour Ledger</footer></body></html>`;

const CSL = JSON.stringify([
  { id: 'port-report', type: 'report', title: 'Port throughput report 2026', publisher: 'Maasgate Port Authority', issued: { 'date-parts': [[2026, 10]] } },
  { id: 'union-statement', type: 'webpage', title: 'Union statement on rosters', URL: 'https://union.example.org/statements/rosters', author: [{ literal: 'Dockers Union' }] },
]);

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/story' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', date: 'Mon, 09 Nov 2026 08:00:00 GMT' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { watch: false });
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

describe('importing sources', () => {
  it('a saved page: readable text without the script, its fields prefilled, the given title winning', async () => {
    const data = Buffer.from(PAGE).toString('base64');
    const added = await call<ApiResponse<'sources.importFile'>>('sources.importFile', { fileName: 'dock-vote.html', data });
    expect(added.status).toBe('added');
    if (added.status !== 'added') return;
    expect(added.source.snapshot?.text).toContain('“a step, not a solution”');
    expect(added.source.snapshot?.text).not.toContain('tracking script');
    expect(added.source.snapshot?.text).not.toContain('cheese prices');
    expect(added.source.csl).toMatchObject({ title: expect.stringContaining('Dock workers vote'), 'container-title': 'Harbour Ledger', issued: { 'date-parts': [[2026, 11, 9]] } });
    const again = await call<ApiResponse<'sources.importFile'>>('sources.importFile', { fileName: 'copy.html', data, fields: { title: 'Another title' } });
    expect(again).toMatchObject({ status: 'duplicate', matchedBy: 'text' });
  });

  it('refuses a file that is not a document, naming it, and writes nothing', async () => {
    const junk = Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]).toString('base64');
    const result = await host.call('sources.importFile', { fileName: 'image.bin', data: junk });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('image.bin') } });
    expect(await readdir(path.join(dir, 'sources'))).toEqual([]);
  });

  it('a CSL-JSON file imports every entry; a broken one imports none and names the line', async () => {
    const imported = await call<ApiResponse<'sources.importReferences'>>('sources.importReferences', { fileName: 'zotero.json', text: CSL });
    expect(imported.added.map((s) => s.title).sort()).toEqual(['Port throughput report 2026', 'Union statement on rosters']);
    const broken = CSL.replace('"type":"webpage"', '"type":"blogpost"');
    const result = await host.call('sources.importReferences', { fileName: 'broken.json', text: broken });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/Nothing was imported/) } });
    expect(await readdir(path.join(dir, 'sources'))).toHaveLength(2);
    const exported = await call<ApiResponse<'sources.export'>>('sources.export', { format: 'bibtex' });
    expect(exported).toMatchObject({ count: 2, fileName: 'sources.bib' });
    expect(exported.text).toMatch(/@techreport\{/);
  });

  it('captures a page from a server after a redirect, with the final URL and the server’s date', async () => {
    const added = await call<ApiResponse<'sources.capture'>>('sources.capture', { url: `${origin}/moved` });
    expect(added.status).toBe('added');
    if (added.status !== 'added') return;
    expect(added.source.snapshot).toMatchObject({ origin: 'url', finalUrl: `${origin}/story`, httpDate: 'Mon, 09 Nov 2026 08:00:00 GMT' });
    const refused = await host.call('sources.capture', { url: 'file:///etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
