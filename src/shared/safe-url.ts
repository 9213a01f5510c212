/**
 * The one rule for links, used by the editor (typed and pasted links), the desktop shell
 * (which links open in the system browser), article import and export: http, https and
 * mailto only; anything else (javascript:, data:, file:, vbscript:) is refused.
 */
export const SAFE_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

const SAFE = new Set(SAFE_LINK_SCHEMES);

/** The URL, parsed and normalized (so tabs or entities cannot hide a scheme), when its scheme is safe; null otherwise. */
export function safeLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return SAFE.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function isSafeLinkUrl(url: string): boolean {
  return safeLinkUrl(url) !== null;
}
