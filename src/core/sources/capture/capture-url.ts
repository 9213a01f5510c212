/**
 * Fetching a page for a source, when online: http and https only, redirects followed by
 * hand (each hop's scheme checked, at most `maxRedirects`), the body read as a stream and
 * abandoned the moment it passes `maxBytes`, and one deadline for the whole capture. Every
 * failure is a sentence that names the host; none throws.
 */
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';
import { fail, ok, type Result } from '../../../shared/result';
import { sizeLabel } from '../extract/snapshot-text';

export interface CaptureOptions {
  /** Deadline for the whole capture, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body read (default 20 MB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** The fetch to use (default: Node's). */
  fetch?: typeof fetch;
}

export interface Captured {
  /** The address that answered, after redirects. */
  finalUrl: string;
  /** The server's Date header ('' when it sent none). */
  httpDate: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A captured page may be as large as an imported file (src/shared/limits.ts). */
export const CAPTURE_DEFAULTS = { timeoutMs: 20_000, maxBytes: MAX_IMPORT_FILE_BYTES, maxRedirects: 5 } as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const OFFLINE_HINT = 'you can still save the source with its fields and no snapshot';

/** An http(s) URL, or why it cannot be fetched. */
export function checkCaptureUrl(url: string): Result<URL, string> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return fail(`"${url.slice(0, 200)}" is not a web address`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return fail(`${parsed.protocol.replace(/:$/, '')}: addresses are not fetched; only http and https pages can be captured`);
  }
  return ok(parsed);
}

export async function captureUrl(url: string, options: CaptureOptions = {}): Promise<Result<Captured, string>> {
  const start = checkCaptureUrl(url);
  if (!start.ok) return start;
  const timeoutMs = options.timeoutMs ?? CAPTURE_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? CAPTURE_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? CAPTURE_DEFAULTS.maxRedirects;
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let current = start.value;
  const seen = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current.href);
      let response: Response;
      try {
        response = await doFetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5', 'user-agent': 'Copydesk (source capture)' },
        });
      } catch (error) {
        return fail(timedOut ? noAnswer(current, timeoutMs) : unreachable(current, error));
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail(`${current.host} redirected to "${location.slice(0, 200)}", which is not a web address`);
        }
        const checked = checkCaptureUrl(next.href);
        if (!checked.ok) return fail(`${current.host} redirected to a ${next.protocol.replace(/:$/, '')}: address, which is not followed`);
        if (seen.has(next.href)) return fail(`too many redirects: ${next.host} sends the request round in a loop`);
        if (hop + 1 > maxRedirects) return fail(`too many redirects: ${start.value.host} redirected more than ${maxRedirects} times`);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return fail(`${current.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${current.href}`);
      }
      const body = await readCapped(response, maxBytes, controller);
      if (!body.ok) {
        if (body.error === 'too-large') {
          return fail(
            `the page at ${current.host} is larger than ${sizeLabel(maxBytes)}, the limit for a captured page; Copydesk stopped reading there and added nothing. ` +
              'Save the page from your browser and import the part you need as a file, or add the source without a snapshot',
          );
        }
        return fail(timedOut ? noAnswer(current, timeoutMs) : unreachable(current, body.error));
      }
      return ok({ finalUrl: current.href, httpDate: response.headers.get('date') ?? '', contentType: response.headers.get('content-type') ?? '', bytes: body.value });
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The body, chunk by chunk, until it ends or passes the cap (then the request is aborted). */
async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Result<Uint8Array, 'too-large' | unknown>> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    controller.abort();
    return fail('too-large');
  }
  if (!response.body) return ok(new Uint8Array(0));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        return fail('too-large');
      }
      chunks.push(value);
    }
  } catch (error) {
    return fail(error);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return ok(bytes);
}

function noAnswer(url: URL, timeoutMs: number): string {
  return `no answer from ${url.host} in ${Number((timeoutMs / 1000).toFixed(1))} s`;
}

/** Why a request failed, in words: Node's fetch hides the system error in `cause`. */
function unreachable(url: URL, error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code ?? '';
  const reasons: Record<string, string> = {
    ENOTFOUND: 'the name was not found (is this computer offline?)',
    EAI_AGAIN: 'the name could not be looked up (is this computer offline?)',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was cut',
    ETIMEDOUT: 'the connection timed out',
    ENETUNREACH: 'the network is unreachable (is this computer offline?)',
    EHOSTUNREACH: 'the host is unreachable',
    UND_ERR_SOCKET: 'the connection was cut',
  };
  const reason = reasons[code] ?? (/CERT|SSL|TLS/i.test(code) ? `its certificate could not be trusted (${code})` : cause?.message || (error instanceof Error ? error.message : String(error)));
  return `could not reach ${url.host}: ${reason}; ${OFFLINE_HINT}`;
}
