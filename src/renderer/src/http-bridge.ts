/**
 * Browser mode's transport: each method is a POST to /api/<method> on the host that
 * served the page, with the launch token in a header; events arrive over SSE.
 *
 * The token comes in the address's fragment (`/#token=…`, never sent to any server) and is
 * kept in this origin's localStorage, which no other port or site can read.
 */
import { createBridge, type CopydeskBridge } from '../../shared/api-client';
import type { ApiEvent } from '../../shared/api-methods';
import type { ApiResult } from '../../shared/errors';

const TOKEN_KEY = 'copydesk-token';

/** Moves a token from the address into storage; true if there was one. */
function takeTokenFromAddress(): boolean {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return false;
  window.localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return true;
}

/** Read on every call: a restarted host has a new token, pasted in another tab. */
const currentToken = () => window.localStorage.getItem(TOKEN_KEY) ?? '';

export function createHttpBridge(): CopydeskBridge {
  takeTokenFromAddress();
  // The address pasted into an open tab only changes its fragment: take the token and start afresh.
  window.addEventListener('hashchange', () => {
    if (takeTokenFromAddress()) window.location.reload();
  });
  let source: EventSource | null = null;
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();

  const call = async (method: string, request: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-copydesk-token': currentToken() },
        credentials: 'omit',
        body: JSON.stringify(request ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'Copydesk is not reachable. Is `npm run web` still running?' } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Copydesk answered ${response.status} without a result.` } };
    }
  };

  const on = (event: ApiEvent, listener: (payload: unknown) => void) => {
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(currentToken())}`);
    let set = listeners.get(event);
    if (!set) {
      const created = new Set<(payload: unknown) => void>();
      listeners.set(event, created);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const each of created) each(payload);
      });
      set = created;
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return createBridge(call as never, on);
}
