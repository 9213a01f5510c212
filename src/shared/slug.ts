/**
 * Article slugs: the file name of an article under articles/.
 * Unicode letters and digits are kept (an Arabic or Greek headline keeps its words);
 * everything else becomes a hyphen. The result is safe as a file name on Linux, macOS
 * and Windows: no separators, no dots at the ends, no reserved device names.
 */

const MAX_SLUG_LENGTH = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Turns a headline into a slug; never returns an empty string. */
export function slugify(headline: string, fallback = 'untitled'): string {
  let slug = headline
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    // marks (accents in decomposed form) stay attached to their letters
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH);
    const lastHyphen = cut.lastIndexOf('-');
    slug = (lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-$/, '');
  }
  if (slug === '') slug = fallback;
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-article`;
  return slug;
}

/** True when a string is a slug Copydesk would write (used to check slugs given by users or files). */
export function isSafeSlug(slug: string): boolean {
  return (
    slug.length > 0 &&
    slug.length <= MAX_SLUG_LENGTH + 8 &&
    /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u.test(slug) &&
    !WINDOWS_RESERVED.test(slug)
  );
}

/**
 * Picks a slug not in `taken` (compared case-insensitively, as macOS and Windows file
 * systems do) by adding -2, -3, ...
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const lower = (s: string) => s.toLocaleLowerCase('en-US');
  const takenLower = new Set([...taken].map(lower));
  if (!takenLower.has(lower(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!takenLower.has(lower(candidate))) return candidate;
  }
}
