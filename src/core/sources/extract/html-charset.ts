/**
 * A page's bytes as text, in the encoding it declares: a byte order mark, then the charset
 * a server named (when captured), then <meta charset> in the first 1,024 bytes, then UTF-8.
 * An encoding Node does not know falls back to UTF-8; bad bytes become U+FFFD, as in a browser.
 */

export function decodeHtml(bytes: Uint8Array, declared?: string): string {
  const label = bomEncoding(bytes) ?? knownEncoding(declared) ?? knownEncoding(metaCharset(bytes)) ?? 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

/** The charset parameter of a Content-Type header ('' when it names none). */
export function charsetOf(contentType: string): string {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? '';
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function metaCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? '';
}

function knownEncoding(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}
