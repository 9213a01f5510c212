/**
 * The `copydesk://app/` protocol serves the built renderer, so the app never runs from
 * file:// (where every local file would be same-origin) and every response carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf, rendererFile } from '../host/renderer-files';
import { RENDERER_CSP } from '../shared/csp';

/** Answers one request for the renderer's files; anything outside rendererDir is a 404. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === 'app' ? rendererFile(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(file), {
      headers: { 'content-type': contentTypeOf(file), 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
