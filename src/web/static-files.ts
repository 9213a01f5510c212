/**
 * Serves the built renderer from out/renderer, with the same content security policy the
 * desktop app uses.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { RENDERER_CSP } from '../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

export async function serveStatic(rendererDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(rendererDir, relative);
  const inside = path.relative(rendererDir, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    response.writeHead(404, securityHeaders()).end('Not found');
    return;
  }
  let body: Buffer;
  let served = file;
  try {
    body = await readFile(file);
  } catch {
    // Unknown paths get the app, which shows its own "not found".
    if (path.extname(relative)) {
      response.writeHead(404, securityHeaders()).end('Not found');
      return;
    }
    served = path.join(rendererDir, 'index.html');
    body = await readFile(served);
  }
  response.writeHead(200, {
    ...securityHeaders(),
    'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
    'cache-control': served.endsWith('.html') ? 'no-store' : 'max-age=3600',
  });
  response.end(body);
}
