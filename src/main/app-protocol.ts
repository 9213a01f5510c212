/**
 * The `copydesk://app/` protocol serves the built renderer, so the app never runs from
 * file:// (where every local file would be same-origin) and every response carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP } from '../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Answers one request for the renderer's files; anything outside rendererDir is a 404. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(rendererDir, relative);
  const inside = path.relative(rendererDir, file);
  if (url.host !== 'app' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return new Response('Not found', { status: 404 });
  }
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
