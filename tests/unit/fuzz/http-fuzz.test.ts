/**
 * Browser mode's HTTP surface fuzzed: methods, paths (climbing, encoded, absurdly long),
 * headers (Host, Origin, token, content type), bodies (noise, deep JSON, wrong types) and
 * raw bytes on the socket. The server answers every request that HTTP can carry, stays
 * up, and never serves a byte of a file outside the built renderer.
 *
 * COPYDESK_FUZZ_RUNS scales the runs (1,000 by default); COPYDESK_FUZZ_SEED replays.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { tempDir } from '../../helpers/temp';

const RUNS = Number(process.env.COPYDESK_FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.COPYDESK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let server: WebServer;

beforeAll(async () => {
  scratch = await tempDir('copydesk-http-fuzz-');
  const rendererDir = path.join(scratch.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Files beside and above the renderer that must never be served.
  await writeFile(path.join(scratch.dir, 'secret.txt'), SECRET);
  await writeFile(path.join(scratch.dir, 'renderer-secret.txt'), SECRET);
  await mkdir(path.join(scratch.dir, 'ws', 'articles'), { recursive: true });
  await writeFile(path.join(scratch.dir, 'ws', 'articles', 'secret.json'), JSON.stringify({ SECRET }));
  ws = await Workspace.open(path.join(scratch.dir, 'ws'));
  server = await startWebServer({ host: createApiHost(ws), rendererDir });
  console.warn(`HTTP fuzz: ${RUNS} runs, seed ${SEED} (replay with COPYDESK_FUZZ_SEED=${SEED})`);
});
afterAll(async () => {
  await server.close();
  await ws.close();
  await scratch.cleanup();
});

interface Reply {
  status: number;
  body: string;
}

function send(method: string, pathname: string, headers: Record<string, string>, body: string | null): Promise<Reply | 'unsendable'> {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = httpRequest({ host: '127.0.0.1', port: server.port, path: pathname, method, headers, timeout: 10_000, agent: false }, (res) => {
        let text = '';
        res.setEncoding('latin1');
        res.on('data', (c: string) => {
          // An event stream never ends: its first bytes are the answer.
          text += c;
          if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) res.destroy();
        });
        const done = () => resolve({ status: res.statusCode ?? 0, body: text });
        res.on('end', done);
        res.on('close', done);
      });
    } catch {
      // Node's client refuses what HTTP cannot carry (a newline in a header, a bad method name).
      resolve('unsendable');
      return;
    }
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${pathname}`)));
    req.on('error', reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

const segment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '..%2f', '%2f', '%5c', '..\\', '%00', 'secret.txt', 'renderer-secret.txt', 'ws', 'articles', 'secret.json', 'index.html', 'assets', 'app.js', 'api', 'events', '~', '%', '%zz', 'etc', 'passwd', '', '.env'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const pathArb = fc.oneof(
  fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
  fc.constantFrom('/', '/api/', '/api/events', '/api/articles.list', '/api/__proto__', '/api/constructor', '//secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', `/${'a'.repeat(10_000)}`),
  fc.string({ maxLength: 40 }).map((s) => `/api/${encodeURIComponent(s)}`),
).map((p) => (p.length > 1 && Math.random() < 0.1 ? `${p}?token=x&${p}` : p));

describe('browser mode over HTTP, fuzzed', () => {
  it('answers every request, stays up, and serves nothing outside the renderer', { timeout: 300_000 }, async () => {
    const hostOk = `127.0.0.1:${server.port}`;
    const headersArb = fc.record(
      {
        host: fc.constantFrom(hostOk, hostOk, `localhost:${server.port}`, 'evil.example', '', `127.0.0.1:${server.port + 1}`),
        origin: fc.constantFrom(`http://${hostOk}`, 'http://evil.example', 'null', ''),
        authorization: fc.oneof(fc.constant(`Bearer ${server.token}`), fc.constant(`Bearer ${server.token}`), fc.constant('Bearer nope'), fc.string({ maxLength: 60 })),
        'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data', ''),
        'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none'),
        'x-copydesk-token': fc.oneof(fc.constant(server.token), fc.string({ maxLength: 60 })),
      },
      { requiredKeys: ['host'] },
    );
    const bodyArb = fc.oneof(
      fc.constant(null),
      fc.json({ maxDepth: 4 }),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.constant(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      fc.constant(`{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`),
      fc.constant('{"meta":{"headline":"Fuzzed"}}'),
      fc.constant('{"__proto__":{"polluted":true}}'),
    );
    const methodArb = fc.constantFrom('GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'PROPFIND');

    let answered = 0;
    await fc.assert(
      fc.asyncProperty(methodArb, pathArb, headersArb, bodyArb, async (method, pathname, headers, body) => {
        const reply = await send(method, pathname, headers as Record<string, string>, ['GET', 'HEAD', 'TRACE'].includes(method) ? null : body);
        if (reply === 'unsendable') return;
        answered++;
        expect(reply.status, `${method} ${pathname}`).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(600);
        expect(reply.body, `${method} ${pathname} served a file outside the renderer`).not.toContain(SECRET);
        if (reply.status >= 500) expect(reply.status, `${method} ${pathname}: ${reply.body}`).toBe(503);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(answered).toBeGreaterThan(RUNS / 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Raw bytes that are not HTTP at all: the server drops or refuses them and stays up.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2_000 }), async (bytes) => {
        await new Promise<void>((resolve) => {
          const socket = connect(server.port, '127.0.0.1', () => socket.end(Buffer.from(bytes)));
          socket.on('data', () => undefined);
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
          socket.setTimeout(5_000, () => socket.destroy());
        });
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 10)), seed: SEED },
    );

    const alive = await send('GET', '/', { host: hostOk }, null);
    expect(alive).toMatchObject({ status: 200 });
    const api = await send('POST', '/api/articles.list', { host: hostOk, 'x-copydesk-token': server.token, 'content-type': 'application/json' }, '{}');
    expect(api).toMatchObject({ status: 200 });
  });
});
