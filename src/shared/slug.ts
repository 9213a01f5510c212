/**
 * Article slugs: the file name of an article under articles/.
 * Unicode letters and digits are kept (an Arabic or Greek headline keeps its words);
 * everything else becomes a hyphen. The result is safe as a file name on Linux, macOS
 * and Windows: no separators, no dots at the ends, no reserved device names.
 */

const MAX_SLUG_LENGTH = 80;
/** File names are limited to 255 bytes; Thai or Devanagari letters take 3 bytes each in UTF-8. */
const MAX_SLUG_BYTES = 150;
const encoder = new TextEncoder();

/** Cuts a slug to MAX_SLUG_BYTES of UTF-8 at a character boundary, preferring a hyphen. */
function capBytes(slug: string): string {
  if (encoder.encode(slug).length <= MAX_SLUG_BYTES) return slug;
  let out = '';
  let bytes = 0;
  for (const char of slug) {
    bytes += encoder.encode(char).length;
    if (bytes > MAX_SLUG_BYTES) break;
    out += char;
  }
  const lastHyphen = out.lastIndexOf('-');
  return (lastHyphen > out.length / 2 ? out.slice(0, lastHyphen) : out).replace(/-$/, '');
}
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
  slug = capBytes(slug);
  if (slug === '') slug = fallback;
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-article`;
  return slug;
}

/** True when a string is a slug Copydesk would write (used to check slugs given by users or files). */
export function isSafeSlug(slug: string): boolean {
  return (
    slug.length > 0 &&
    slug.length <= MAX_SLUG_LENGTH + 8 &&
    encoder.encode(slug).length <= MAX_SLUG_BYTES + 8 &&
    /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u.test(slug) &&
    !WINDOWS_RESERVED.test(slug)
  );
}

/**
 * The form two file names are compared in: macOS and Windows treat `Foo.json` and
 * `foo.json`, or composed and decomposed `café.json`, as one file.
 */
export function slugKey(slug: string): string {
  // Most slugs are plain lower-case ASCII already (10,000 of them are keyed at open).
  if (/^[a-z0-9._-]*$/.test(slug)) return slug;
  return slug.normalize('NFC').toLocaleLowerCase('en-US');
}

/** Picks a slug whose key is not in `takenKeys` (see slugKey) by adding -2, -3, ... */
export function uniqueSlug(base: string, takenKeys: { has(key: string): boolean }): string {
  if (!takenKeys.has(slugKey(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!takenKeys.has(slugKey(candidate))) return candidate;
  }
}
