/**
 * CSL facts and small helpers with no schema library behind them, so the renderer can use
 * them without bundling the contract's validators.
 */

/** Every CSL item type (csl-data.json). */
export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

/** The parts of a CSL name and date these helpers read. */
export interface CslNameLike {
  family?: string | undefined;
  given?: string | undefined;
  literal?: string | undefined;
}
export interface CslDateLike {
  'date-parts'?: Array<Array<number | string>> | undefined;
  raw?: string | undefined;
  literal?: string | undefined;
}

/** A name as a list shows it: "Brito, H." or the literal. */
export function nameLabel(name: CslNameLike): string {
  if (name.literal) return name.literal;
  const initials = (name.given ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join(' ');
  return [name.family, initials].filter(Boolean).join(', ');
}

/** A CSL date as `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or ''. */
export function cslDateLabel(date: CslDateLike | undefined): string {
  const parts = date?.['date-parts']?.[0];
  if (!parts?.length) return date?.raw ?? date?.literal ?? '';
  return parts
    .slice(0, 3)
    .map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0')))
    .join('-');
}

/** `2026-11-12` (or `2026-11`, `2026`) as CSL date-parts; null when it is not such a date. */
export function cslDateFromLabel(label: string): { 'date-parts': number[][] } | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(label.trim());
  if (!match) return null;
  return { 'date-parts': [match.slice(1).filter((p): p is string => p !== undefined).map(Number)] };
}

/**
 * A URL as two captures of the same page compare: scheme and host in lower case, no
 * fragment, no default port, no trailing slash, no tracking parameters (utm_*, fbclid…).
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|ocid$)/i.test(key)) parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  const text = parsed.toString();
  return text.endsWith('/') && parsed.pathname !== '/' ? text.slice(0, -1) : text.replace(/\/$/, '');
}
