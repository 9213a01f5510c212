/**
 * Capturing web pages against a real HTTP server on 127.0.0.1, started by the test: pages,
 * redirect chains and loops, bodies over the cap, servers that never answer, refused
 * schemes, and what reaches the snapshot.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureSource } from '../../../../../src/core/sources/capture/capture-source';
import { captureUrl } from '../../../../../src/core/sources/capture/capture-url';
import { buildPdf } from '../extract/fixture-builders';

const ARTICLE = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'sources', 'harbour-ledger-port-deal.html'));
const SCRIPT_PAGE = `<!doctype html><html><head><title>Ferry notice</title><script>var leak = "HEAD-SCRIPT-TEXT";</script></head>
<body><p>The winter timetable starts on 1 December, the ferry company said, with 12 crossings a day instead of 18.</p>
<script>document.write("BODY-SCRIPT-TEXT")</script><p>Night crossings are cancelled until March.</p></body></html>`;
const PDF = buildPdf([{ lines: ['Throughput report, third quarter.'] }], { title: 'Throughput report' });

let server: Server;
let base: string;
let host: string;
/** What the server saw of the oversized body: bytes written, and whether it got to the end. */
const big = { written: 0, finished: false };
const pending = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const redirect = (status: number, to: string) => void res.writeHead(status, { location: to }).end();
  if (url === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
  if (url === '/script-page') return void res.writeHead(200, { 'content-type': 'text/html' }).end(SCRIPT_PAGE);
  if (url === '/report.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
  if (url === '/notes') return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Call notes: 37 vessels diverted.');
  if (url === '/image') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  if (url === '/r1') return redirect(302, '/r2');
  if (url === '/r2') return redirect(301, `${base}/r3`);
  if (url === '/r3') return redirect(307, '/article');
  if (url === '/loop-a') return redirect(302, '/loop-b');
  if (url === '/loop-b') return redirect(302, '/loop-a');
  const hop = /^\/chain\/(\d+)$/.exec(url);
  if (hop) return redirect(302, `/chain/${Number(hop[1]) + 1}`);
  if (url === '/to-file') return redirect(302, 'file:///etc/passwd');
  if (url === '/declared-big') return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end('<p>short</p>');
  if (url === '/big') {
    // 8 MB in 64 KB chunks, no Content-Length: only reading the stream can tell it is too big.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (!res.destroyed && big.written < 8 * 1024 * 1024) {
        big.written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      if (!res.destroyed) {
        big.finished = true;
        res.end();
      }
    };
    return write();
  }
  if (url === '/silent') return void pending.add(res);
  if (url === '/stalls') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The first part arrives');
    return void pending.add(res);
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  base = `http://${host}`;
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('captureUrl', () => {
  it('fetches a page: its bytes, type, final address and the server\'s date', async () => {
    const result = await captureUrl(`${base}/article`);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.finalUrl).toBe(`${base}/article`);
    expect(result.value.contentType).toBe('text/html; charset=utf-8');
    expect(result.value.httpDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Buffer.from(result.value.bytes).equals(ARTICLE)).toBe(true);
  });

  it('follows a chain of 3 redirects (relative, absolute, 301/302/307)', async () => {
    const result = await captureUrl(`${base}/r1`);
    expect(result.ok && result.value.finalUrl).toBe(`${base}/article`);
  });

  it('refuses a redirect loop, and more than 5 redirects', async () => {
    expect(await captureUrl(`${base}/loop-a`)).toEqual({ ok: false, error: `too many redirects: ${host} sends the request round in a loop` });
    expect(await captureUrl(`${base}/chain/0`)).toEqual({ ok: false, error: `too many redirects: ${host} redirected more than 5 times` });
    const five = await captureUrl(`${base}/chain/0`, { maxRedirects: 6 });
    expect(five.ok).toBe(false);
    expect(!five.ok && five.error).toContain('more than 6 times');
  });

  it('stops reading a body the moment it passes the cap, naming the cap', async () => {
    const result = await captureUrl(`${base}/big`, { maxBytes: 1024 * 1024 });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`the page at ${host} is larger than 1 MB, the limit for a captured page; Copydesk stopped reading there and added nothing.`) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(big.finished).toBe(false);
    expect(big.written).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    expect(await captureUrl(`${base}/declared-big`)).toEqual({ ok: false, error: expect.stringContaining(`the page at ${host} is larger than 20 MB, the limit for a captured page;`) });
  });

  it('gives up on a server that never answers, or stops halfway, at the deadline', async () => {
    expect(await captureUrl(`${base}/silent`, { timeoutMs: 300 })).toEqual({ ok: false, error: `no answer from ${host} in 0.3 s` });
    expect(await captureUrl(`${base}/stalls`, { timeoutMs: 300 })).toEqual({ ok: false, error: `no answer from ${host} in 0.3 s` });
  });

  it('refuses file:, javascript:, data: and ftp: addresses before any request, and a redirect to one', async () => {
    const calls: string[] = [];
    const spy = ((input: string | URL) => {
      calls.push(String(input));
      return Promise.reject(new Error('no request should be made'));
    }) as typeof fetch;
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'ftp://files.example/report.pdf']) {
      const result = await captureUrl(url, { fetch: spy });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^(file|javascript|data|ftp): addresses are not fetched; only http and https pages can be captured$/);
    }
    expect(calls).toEqual([]);
    expect(await captureUrl('not a url')).toEqual({ ok: false, error: '"not a url" is not a web address' });
    expect(await captureUrl(`${base}/to-file`)).toEqual({ ok: false, error: `${host} redirected to a file: address, which is not followed` });
  });

  it('says an error status plainly', async () => {
    expect(await captureUrl(`${base}/missing`)).toEqual({ ok: false, error: `${host} answered 404 Not Found for ${base}/missing` });
  });

  it('says when a host cannot be reached, and that the source can be saved without a snapshot', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await captureUrl(`http://127.0.0.1:${port}/`)).toEqual({
      ok: false,
      error: `could not reach 127.0.0.1:${port}: the connection was refused; you can still save the source with its fields and no snapshot`,
    });
  });

  it('words a failed name lookup as offline', async () => {
    // A DNS failure cannot be produced here (no network, no resolver to fail): this fetch throws what Node's does.
    const offline = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND news.example' } }))) as typeof fetch;
    expect(await captureUrl('https://news.example/story', { fetch: offline })).toEqual({
      ok: false,
      error: 'could not reach news.example: the name was not found (is this computer offline?); you can still save the source with its fields and no snapshot',
    });
  });
});

describe('captureSource', () => {
  it('reads a captured article into a source marked as captured from its address', async () => {
    const before = new Date();
    const result = await captureSource(`${base}/r1`);
    if (!result.ok) throw new Error(result.error);
    const { fields, csl, snapshot } = result.value;
    expect(fields).toMatchObject({
      type: 'article-newspaper',
      title: 'Maasgate port deal signed after all-night talks',
      issued: '2026-11-12',
      'container-title': 'The Harbour Ledger',
      // The page names its canonical address; that is the one a citation gives.
      URL: 'https://harbourledger.example/port/2026/11/12/maasgate-deal-signed',
    });
    expect(csl).toEqual({ accessed: { 'date-parts': [[before.getFullYear(), before.getMonth() + 1, before.getDate()]] } });
    expect(snapshot).toMatchObject({ origin: 'url', finalUrl: `${base}/article`, mediaType: 'text/html', httpDate: expect.stringMatching(/GMT$/) });
    expect(snapshot!.text).toContain('were “difficult but businesslike”, said Ineke Smit');
    expect(snapshot!.text).not.toContain('SCRIPT-MARKER');
  });

  it('keeps script text out of the snapshot, and uses the final address when the page names none', async () => {
    const result = await captureSource(`${base}/script-page`);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.snapshot!.text).toBe('The winter timetable starts on 1 December, the ferry company said, with 12 crossings a day instead of 18.\n\nNight crossings are cancelled until March.');
    expect(result.value.fields.URL).toBe(`${base}/script-page`);
  });

  it('reads a PDF and plain text by their content type', async () => {
    const pdf = await captureSource(`${base}/report.pdf`);
    expect(pdf.ok && pdf.value.fields.title).toBe('Throughput report');
    expect(pdf.ok && pdf.value.snapshot).toMatchObject({ origin: 'url', mediaType: 'application/pdf', text: 'Throughput report, third quarter.' });
    const text = await captureSource(`${base}/notes`);
    expect(text.ok && text.value.snapshot).toMatchObject({ origin: 'url', mediaType: 'text/plain', text: 'Call notes: 37 vessels diverted.' });
  });

  it('refuses what is not a page, PDF or text, and passes capture failures through', async () => {
    expect(await captureSource(`${base}/image`)).toEqual({ ok: false, error: `${host} sent image/png, which is not a web page, PDF or text` });
    expect(await captureSource(`${base}/loop-a`)).toMatchObject({ ok: false, error: expect.stringContaining('too many redirects') });
  });
});
