/**
 * The `copydesk://app/` protocol serves the built renderer, so the app never runs from
 * file:// (where every local file would be same-origin) and every response carries the CSP.
 * A request names a file inside the renderer folder or gets a 404: `..` segments (plain or
 * percent-encoded), absolute and drive paths, backslashes, encoded slashes and NUL are
 * refused before any path is built, and the path built is checked to stay inside again.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf, rendererFile } from '../host/renderer-files';
import { RENDERER_CSP } from '../shared/csp';
import { APP_HOST } from './window-options';

/** The URL path of an app request (still encoded, decoded once by rendererFile) when it is one a file may answer; null otherwise. */
export function appRequestPath(requestUrl: string): string | null {
  // The URL parser resolves dot segments away (`/../../etc` becomes `/etc`); a request that
  // had them is refused whole rather than answered with whatever they resolved to.
  if (/[/\\](\.|%2e){1,2}([/\\?#]|$)/i.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST || url.username || url.password || url.port) return null;
  const raw = url.pathname;
  // Encoded separators and backslashes have no business in the app's own file names.
  if (/%2f|%5c|%00|\\/i.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  // `/C:/Windows`, `//server/share`: a drive or a network path.
  if (/^\/+[a-zA-Z]:/.test(decoded) || decoded.startsWith('//')) return null;
  return raw;
}

const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });

/** Answers one request for the renderer's files; anything else is a 404 (or a 405 for a method other than GET). */
export async function serveAppRequest(rendererDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: headers('text/plain; charset=utf-8') });
  const urlPath = appRequestPath(requestUrl);
  const file = urlPath === null ? null : rendererFile(rendererDir, urlPath);
  if (!file) return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  try {
    return new Response(await readFile(file), { headers: headers(contentTypeOf(file)) });
  } catch {
    return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  }
}
