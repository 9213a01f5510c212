/**
 * Browser mode's host: serves the built renderer and the API contract on 127.0.0.1.
 * POST /api/<method> carries one call (the same handler desktop IPC uses);
 * GET /api/events streams events with server-sent events.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_EVENTS } from '../shared/api-methods';
import { MAX_REQUEST_BYTES, valueShapeProblem } from '../shared/body-limits';
import type { ApiErrorCode, ApiResult } from '../shared/errors';
import type { ApiHost } from '../core/api/api-host';
import { checkRequest } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';

/** Largest request body accepted: a 20,000-word article is about 3 MB of Lexical JSON. */
export const MAX_BODY_BYTES = MAX_REQUEST_BYTES;
/** Deepest JSON a request may nest: an article body's limit (64 levels of nodes) and its envelope fit with room. */
export const MAX_REQUEST_DEPTH = 100;
/** Most pages listening to events at once: one per open tab; more means a leak or an attack. */
export const MAX_EVENT_STREAMS = 32;

const STATUS_OF: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  'unknown-method': 404,
  'not-found': 404,
  conflict: 409,
  refused: 409,
  damaged: 422,
  locked: 423,
  'read-only': 403,
  'foreign-frame': 403,
  'bad-token': 401,
  unavailable: 503,
  internal: 500,
};

export interface WebServerOptions {
  /** The API host; without one the server answers 503 until `attach` gives it (the port is taken first, then the workspace opened). */
  host?: ApiHost;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Connects the API host once the workspace is open; events start flowing to open pages. */
  attach(host: ApiHost): void;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // The body is ready before any status goes out: a value that cannot be serialized is a
  // 500 with a reason, never a 200 with an empty body.
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    status = 500;
    text = JSON.stringify({ ok: false, error: { code: 'internal', message: `The answer could not be serialized: ${error instanceof Error ? error.message : String(error)}` } });
  }
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } } satisfies ApiResult<never>);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the limit for one request.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;
  let host: ApiHost | undefined;
  let unsubscribe = () => {};

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'internal', error instanceof Error ? error.message : String(error));
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // The request target is a path: `//x` is not another host, and a target URL cannot parse is refused.
    const target = request.url ?? '/';
    let url: URL;
    try {
      url = new URL(`http://127.0.0.1:${port}${target.startsWith('/') ? target : `/${target}`}`);
    } catch {
      sendError(response, 400, 'invalid-request', 'The address of the request is not a path Copydesk can read.');
      return;
    }
    const verdict = checkRequest(request, url, port, token);
    if (!verdict.ok) {
      if (url.pathname.startsWith('/api/')) {
        sendError(response, verdict.status, verdict.code ?? 'foreign-frame', verdict.reason);
      } else {
        response.writeHead(verdict.status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' });
        response.end(verdict.reason);
      }
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (streams.size >= MAX_EVENT_STREAMS) {
        sendError(response, 503, 'unavailable', `Too many Copydesk pages are open on this address (the limit is ${MAX_EVENT_STREAMS} event streams). Close some tabs, then reload.`);
        return;
      }
      openEventStream(response);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await callApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'invalid-request', `${request.method} is not allowed here.`);
      return;
    }
    await serveStatic(options.rendererDir, url.pathname, response);
  }

  async function callApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      sendError(response, 405, 'invalid-request', 'API methods are called with POST.');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(response, 415, 'invalid-request', 'Send the request as application/json.');
      return;
    }
    let payload: unknown;
    try {
      const text = await readBody(request);
      payload = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      const tooLarge = error instanceof RangeError;
      sendError(response, tooLarge ? 413 : 400, 'invalid-request', tooLarge ? error.message : 'The request body is not valid JSON.');
      return;
    }
    const shape = valueShapeProblem(payload, MAX_REQUEST_DEPTH);
    if (shape) {
      sendError(response, 400, 'invalid-request', `The request is refused: ${shape} (the limit for a request is ${MAX_REQUEST_DEPTH} levels).`);
      return;
    }
    if (!host) {
      sendError(response, 503, 'unavailable', 'Copydesk is still opening the workspace; try again in a moment.');
      return;
    }
    const result = await host.call(method, payload);
    sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders(),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const attach = (next: ApiHost) => {
    unsubscribe();
    host = next;
    // Every event of the contract, checked by the host before it arrives here.
    const offs = API_EVENTS.map((event) =>
      next.on(event, (payload) => {
        const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
        for (const stream of streams) stream.write(frame);
      }),
    );
    unsubscribe = () => {
      for (const off of offs) off();
    };
  };
  if (options.host) attach(options.host);
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 20_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    attach,
    async close() {
      unsubscribe();
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep idle connections open; they hold nothing worth waiting for.
      server.closeAllConnections();
      await closed;
    },
  };
}
