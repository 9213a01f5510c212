/**
 * What browser mode answers when the answer itself is the problem, with a real loopback
 * server: a status is never sent before the body is ready, and calls that arrive while the
 * workspace is still opening get a clear 503.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHost } from '../../../src/core/api/api-host';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { tempDir } from '../../helpers/temp';

let server: WebServer;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  const rendererDir = path.join(t.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  server = await startWebServer({ rendererDir });
});
afterEach(async () => {
  await server.close();
  await cleanup();
});

function call(method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-copydesk-token': server.token, host: `127.0.0.1:${server.port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** A host that answers every call with the given value: the transport is what is tested here. */
function answering(value: unknown): ApiHost {
  return { call: async () => ({ ok: true, value }), on: () => () => undefined, emit: () => undefined, dispose: () => undefined };
}

describe('browser mode answers', () => {
  it('503 with a reason while the workspace is still opening', async () => {
    const reply = await call('articles.list');
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/still opening/) } });
  });

  it('a 500 with a reason, never a 200 with an empty body, when the answer cannot be serialized', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++) deep = { child: deep };
    server.attach(answering(deep));
    const reply = await call('articles.list');
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not be serialized/) } });
  });
});
