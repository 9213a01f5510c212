/**
 * Browser mode's resource limits, each with the message that names it: the size of a
 * request body, the depth of its JSON, the number of pages listening to events.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { MAX_BODY_BYTES, MAX_EVENT_STREAMS, MAX_REQUEST_DEPTH, startWebServer, type WebServer } from '../../../src/web/server';
import { tempDir } from '../../helpers/temp';

let ws: Workspace;
let server: WebServer;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  await mkdir(path.join(t.dir, 'renderer'));
  await writeFile(path.join(t.dir, 'renderer', 'index.html'), '<!doctype html>');
  ws = await Workspace.open(path.join(t.dir, 'ws'), { watch: false });
  server = await startWebServer({ host: createApiHost(ws), rendererDir: path.join(t.dir, 'renderer') });
});
afterEach(async () => {
  await server.close();
  await ws.close();
  await cleanup();
});

const headers = () => ({ host: `127.0.0.1:${server.port}`, 'x-copydesk-token': server.token, 'content-type': 'application/json' });

function post(method: string, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', headers: headers(), agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

it('refuses a request body over the limit, naming it', async () => {
  const reply = await post('articles.create', Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20));
  expect(reply.status).toBe(413);
  expect(JSON.parse(reply.body).error.message).toBe(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the limit for one request.`);
  expect(ws.articles.list().articles).toHaveLength(0);
});

it('refuses JSON nested deeper than the limit, naming it, and creates nothing', async () => {
  const deep = `{"meta":{"headline":"Deep","x":${'['.repeat(MAX_REQUEST_DEPTH + 5)}1${']'.repeat(MAX_REQUEST_DEPTH + 5)}}}`;
  const reply = await post('articles.create', deep);
  expect(reply.status).toBe(400);
  expect(JSON.parse(reply.body).error.message).toMatch(new RegExp(`nested more than ${MAX_REQUEST_DEPTH} levels deep \\(the limit for a request is ${MAX_REQUEST_DEPTH} levels\\)`));
  // Arrays of objects nest too.
  const objects = `{"meta":${'{"a":'.repeat(MAX_REQUEST_DEPTH + 5)}1${'}'.repeat(MAX_REQUEST_DEPTH + 5)}}`;
  expect((await post('articles.create', objects)).status).toBe(400);
  expect(ws.articles.list().articles).toHaveLength(0);
  // Within the limit, the same call works.
  expect((await post('articles.create', '{"meta":{"headline":"Shallow"}}')).status).toBe(200);
});

it(`lets ${MAX_EVENT_STREAMS} pages listen to events, refuses the next with the limit, and takes one again when a page goes`, async () => {
  const open: Array<{ destroy: () => void }> = [];
  const connect = () =>
    new Promise<{ status: number; body: string; destroy: () => void }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` }, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          text += c;
          if (res.statusCode === 200) resolve({ status: 200, body: text, destroy: () => req.destroy() });
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, destroy: () => req.destroy() }));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) {
      const stream = await connect();
      expect(stream.status).toBe(200);
      open.push(stream);
    }
    const refused = await connect();
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.message).toContain(`the limit is ${MAX_EVENT_STREAMS} event streams`);
    open.pop()!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const again = await connect();
    expect(again.status).toBe(200);
    open.push(again);
  } finally {
    for (const stream of open) stream.destroy();
  }
});
