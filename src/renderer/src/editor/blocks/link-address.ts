/**
 * What a writer types as a link's address, made into a URL the article may hold (the
 * project's one rule, src/shared/safe-url: http, https and mailto), or the reason it is
 * refused. A bare "example.org/report" is taken as https, a bare e-mail address as mailto.
 */
import { safeLinkUrl } from '../../../../shared/safe-url';

export type LinkAddress = { ok: true; url: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function linkAddress(typed: string): LinkAddress {
  // Control characters and spaces inside a scheme ("java\tscript:") are how filters are fooled: read through them.
  const text = typed.trim();
  if (!text) return { ok: false, message: 'Type or paste the address the words should lead to.' };
  const squeezed = [...text].filter((c) => c.charCodeAt(0) > 0x20 && !(c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f)).join('');
  const scheme = SCHEME.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https', 'mailto'].includes(scheme)) {
    return { ok: false, message: `“${scheme}:” links are not allowed in an article: only http, https and mailto addresses. Paste the page’s web address instead.` };
  }
  let candidate = text;
  if (!scheme) candidate = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text) ? `mailto:${text}` : `https://${text.replace(/^\/+/, '')}`;
  const url = safeLinkUrl(candidate);
  if (!url || (url.startsWith('http') && !/^https?:\/\/[^/?#]*\.[^/?#]|^https?:\/\/localhost/i.test(url))) {
    return { ok: false, message: `“${text}” is not a web or e-mail address. Links look like https://example.org/page or mailto:desk@example.org.` };
  }
  return { ok: true, url };
}

/** Opens a checked link outside the app: the desktop shell hands it to the system browser after its own scheme check; a browser opens a tab with no opener. */
export function openLink(url: string): void {
  const safe = safeLinkUrl(url);
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
}
