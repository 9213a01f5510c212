/**
 * Browser mode's host, with a real loopback server: the token, Host and Origin checks,
 * validation through HTTP, events over SSE, and loopback-only listening.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { connect, Server as NetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { tempDir } from '../../helpers/temp';

let ws: Workspace;
let server: WebServer;
let cleanup: () => Promise<void>;
let workspaceDir: string;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  const rendererDir = path.join(t.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  await writeFile(path.join(t.dir, 'secret.txt'), 'not for the browser');
  workspaceDir = path.join(t.dir, 'ws');
  ws = await Workspace.open(workspaceDir);
  server = await startWebServer({ host: createApiHost(ws), rendererDir });
});
afterEach(async () => {
  await server.close();
  await ws.close();
  await cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-copydesk-token': server.token, ...headers },
    body: JSON.stringify(payload),
  });

/** Whether a TCP connection to address:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    // A dropped packet is not an answer either; local addresses answer at once.
    socket.setTimeout(3000, () => (socket.destroy(), resolve(false)));
  });
}

/** Whether a server listening on every address of its family can be reached at `address`. */
async function reachableThroughWildcard(address: string): Promise<boolean> {
  const wildcard = new NetServer();
  const listening = await new Promise<boolean>((resolve) => {
    wildcard.once('error', () => resolve(false));
    wildcard.listen(0, address.includes(':') ? '::' : '0.0.0.0', () => resolve(true));
  });
  if (!listening) return false;
  try {
    return await reachable(address, (wildcard.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => wildcard.close(resolve));
  }
}

describe('browser mode host', () => {
  it('serves the contract to a caller with the token', async () => {
    const created = await api('articles.create', { meta: { headline: 'Over HTTP' } });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { slug: 'over-http' } });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const none = await send('/api/articles.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.message).toMatch(/token/);
    const wrong = await api('articles.list', {}, { 'x-copydesk-token': 'guess' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const reply = await api('articles.list', {}, { host: `attacker.example:${server.port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toMatch(/Host/);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const reply = await api('articles.create', { meta: { headline: 'csrf' } }, { origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    const cross = await api('articles.list', {}, { 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    expect(ws.articles.list().articles).toEqual([]);
    const own = await api('articles.list', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('answers a malformed payload with 400 naming the field, and changes nothing', async () => {
    const reply = await api('articles.create', { meta: { headline: { nested: true } } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'meta.headline' }] } });
    const notJson = await send('/api/articles.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': server.token },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    const notPost = await send('/api/articles.list', { headers: { 'x-copydesk-token': server.token } });
    expect(notPost.status).toBe(405);
    const unknown = await api('articles.nuke', {});
    expect(unknown.status).toBe(404);
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('prints an address whose token is in the fragment, and never sets a cookie', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Copydesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['set-cookie']).toBeUndefined();
    const created = await api('articles.list', {});
    expect(created.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the token in the query only for the event stream, which needs it too', async () => {
    const viaQuery = await send(`/api/articles.list?token=${server.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(viaQuery.status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
    expect((await send('/api/events?token=guess')).status).toBe(401);
  });

  it('serves nothing outside the renderer folder', async () => {
    const reply = await send('/..%2fsecret.txt', { headers: { 'x-copydesk-token': server.token } });
    expect(reply.body).not.toContain('not for the browser');
    expect(reply.status).toBe(404);
    // Not a server that answers nothing: what is inside the folder is served.
    expect(await send('/index.html')).toMatchObject({ status: 200, body: expect.stringContaining('<title>Copydesk</title>') });
  });

  it('listens on 127.0.0.1 only: bound to that address, unreachable on any other', async () => {
    // Start a second server and look at what it actually bound (the handle stays inside src/web).
    const listen = vi.spyOn(NetServer.prototype, 'listen');
    let second: WebServer | undefined;
    try {
      second = await startWebServer({ host: createApiHost(ws), rendererDir: path.join(workspaceDir, '..', 'renderer') });
      const bound = listen.mock.contexts.map((s) => (s as NetServer).address());
      expect(bound).toEqual([{ address: '127.0.0.1', family: 'IPv4', port: second.port }]);
    } finally {
      listen.mockRestore();
      await second?.close();
    }

    // From outside: every other address of this machine. Only addresses on which a wildcard
    // listener is reachable prove anything, so each is checked against one first.
    const candidates = [
      '127.0.0.2', // another loopback address (all of 127/8 on Linux)
      '::1',
      ...Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
        (addresses ?? []).filter((a) => !a.internal).map((a) => (a.family === 'IPv6' && a.scopeid ? `${a.address}%${name}` : a.address)),
      ),
    ];
    expect(await reachable('127.0.0.1', server.port), 'the server answers on 127.0.0.1').toBe(true);
    const proving: string[] = [];
    for (const address of candidates) {
      if (!(await reachableThroughWildcard(address))) continue;
      proving.push(address);
      expect(await reachable(address, server.port), `reachable on ${address}`).toBe(false);
    }
    // Where the platform routes 127.0.0.2 to loopback (Linux), the proof never goes empty.
    if (process.platform === 'linux') expect(proving).toContain('127.0.0.2');
  });

  it('streams library events over SSE', async () => {
    // Awaited at the end: the event can arrive before the call's own answer.
    let created: Promise<unknown> = Promise.resolve();
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          // The stream is subscribed before its headers go out: the change made now must arrive.
          created = api('articles.create', { meta: { headline: 'Evented' } });
          let data = '';
          res.setEncoding('utf8').on('data', (c: string) => {
            data += c;
            if (data.includes('event: library.changed')) {
              req.destroy();
              resolve(data);
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('aborted') || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.end();
    });
    const frame = await received;
    await created;
    expect(frame).toContain('"slug":"evented"');
  });
});

describe('every event of the contract reaches the page', () => {
  it('streams source events over SSE too', async () => {
    let added: Promise<unknown> = Promise.resolve();
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        added = api('sources.add', { fields: { title: 'Harbour statement' }, snapshot: { text: 'We cannot guide forty ships a night.', origin: 'pasted' } });
        let data = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          data += c;
          if (data.includes('event: sources.changed')) {
            req.destroy();
            resolve(data);
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.end();
    });
    expect(await received).toContain('"title":"Harbour statement"');
    await added;
  });
});
