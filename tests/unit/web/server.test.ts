/**
 * Browser mode's host, with a real loopback server: the token, Host and Origin checks,
 * validation through HTTP, events over SSE, and loopback-only listening.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  });

  it('listens on loopback only', async () => {
    expect(server.url.startsWith('http://127.0.0.1:')).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${address}`).toBe(true);
    }
  });

  it('streams library events over SSE', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
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
      setTimeout(() => void api('articles.create', { meta: { headline: 'Evented' } }), 100);
    });
    const frame = await received;
    expect(frame).toContain('"slug":"evented"');
  });
});
