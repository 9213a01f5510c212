/**
 * Who may talk to browser mode: only pages served by this very host on loopback, and
 * only with the per-launch token. Host is checked against DNS rebinding, Origin against
 * other sites, the token against other local users and programs.
 *
 * The token never travels in a cookie: cookies are shared by every port of 127.0.0.1, so
 * any other local server the browser visits would receive it. The page keeps it in its
 * own origin's storage and sends it as a header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApiErrorCode } from '../shared/errors';

export interface GuardVerdict {
  ok: boolean;
  status: number;
  /** What the refusal is about: another site or address (`foreign-frame`), or a missing or old token (`bad-token`). */
  code?: ApiErrorCode;
  reason: string;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: the header, or in the query for the event stream (EventSource cannot set headers). */
export function tokenOf(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers['x-copydesk-token'];
  if (typeof header === 'string') return header;
  if (url.pathname === '/api/events') return url.searchParams.get('token') ?? undefined;
  return undefined;
}

/**
 * Checks Host and Origin on every request, and the token on API requests. The app's own
 * files (the built renderer, no user data) load without it: the token is in the address's
 * fragment, which browsers never send.
 */
export function checkRequest(request: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(port).includes(host)) {
    return { ok: false, status: 403, code: 'foreign-frame', reason: `Host "${host}" is not this Copydesk (expected 127.0.0.1:${port}).` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, code: 'foreign-frame', reason: `Requests from ${origin} are not allowed.` };
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite === 'cross-site') {
    return { ok: false, status: 403, code: 'foreign-frame', reason: 'Cross-site requests are not allowed.' };
  }
  if (!url.pathname.startsWith('/api/')) return { ok: true, status: 200, reason: '' };
  const given = tokenOf(request, url);
  if (!given || !sameSecret(given, token)) {
    return {
      ok: false,
      status: 401,
      code: 'bad-token',
      reason: 'This Copydesk needs its access token. Open the address printed in the terminal where you ran `npm run web`.',
    };
  }
  return { ok: true, status: 200, reason: '' };
}
