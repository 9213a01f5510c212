/**
 * Serves the built renderer from out/renderer, with the same content security policy the
 * desktop app uses.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf, rendererFile } from '../host/renderer-files';
import { RENDERER_CSP } from '../shared/csp';

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
  const file = rendererFile(rendererDir, pathname);
  if (!file) {
    response.writeHead(404, securityHeaders()).end('Not found');
    return;
  }
  let body: Buffer;
  let served = file;
  try {
    body = await readFile(file);
  } catch {
    // Paths without an extension are the app's own routes: answer with the app.
    if (path.extname(file)) {
      response.writeHead(404, securityHeaders()).end('Not found');
      return;
    }
    served = path.join(rendererDir, 'index.html');
    body = await readFile(served);
  }
  response.writeHead(200, {
    ...securityHeaders(),
    'content-type': contentTypeOf(served),
    'cache-control': served.endsWith('.html') ? 'no-store' : 'max-age=3600',
  });
  response.end(body);
}
