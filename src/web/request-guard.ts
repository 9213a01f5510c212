/**
 * Who may talk to browser mode: only pages served by this very host on loopback, and
 * only with the per-launch token. Host is checked against DNS rebinding, Origin against
 * other sites, the token against other local users and programs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardVerdict {
  ok: boolean;
  status: number;
  reason: string;
}

export function tokenCookieName(port: number): string {
  return `copydesk-token-${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token a request carries: header, cookie, or (for the first page load) the query. */
export function tokenOf(request: IncomingMessage, url: URL, port: number): string | undefined {
  const header = request.headers['x-copydesk-token'];
  if (typeof header === 'string') return header;
  return cookieValue(request.headers.cookie, tokenCookieName(port)) ?? url.searchParams.get('token') ?? undefined;
}

export function checkRequest(request: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(port).includes(host)) {
    return { ok: false, status: 403, reason: `Host "${host}" is not this Copydesk (expected 127.0.0.1:${port}).` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Requests from ${origin} are not allowed.` };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'Cross-site requests are not allowed.' };
  }
  const given = tokenOf(request, url, port);
  if (!given || !sameSecret(given, token)) {
    return {
      ok: false,
      status: 401,
      reason: 'This Copydesk needs its access token. Open the address printed in the terminal where you ran `npm run web`.',
    };
  }
  return { ok: true, status: 200, reason: '' };
}
