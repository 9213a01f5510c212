/**
 * Images in a workspace: stored once under `assets/<sha256>.<ext>`, named by their bytes.
 * The kinds Copydesk takes are recognized by their first bytes, never by a file name or a
 * declared type; SVG (a document that can carry scripts) is refused.
 */

/** Largest image accepted: a full-page news photograph is a few MB. */
export const MAX_ASSET_BYTES = 15 * 1024 * 1024;

export const ASSET_KINDS = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
} as const;

export type AssetExtension = keyof typeof ASSET_KINDS;

/** `assets/<64 hex>.<ext>`: how an article names an image of its workspace. */
export const ASSET_NAME_PATTERN = /^assets\/[0-9a-f]{64}\.(png|jpg|gif|webp|avif)$/;

export function isAssetName(name: unknown): name is string {
  return typeof name === 'string' && ASSET_NAME_PATTERN.test(name);
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The kind of image the bytes are, by their signature, or null for anything else (SVG included). */
export function sniffImage(bytes: Uint8Array): AssetExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return 'avif';
  return null;
}

/** Why bytes offered as an image are refused, in words for the writer; null when they are fine. */
export function imageRefusal(bytes: Uint8Array, fileName = 'The file'): string | null {
  if (bytes.length === 0) return `${fileName} is empty.`;
  if (bytes.length > MAX_ASSET_BYTES) {
    return `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; images are limited to ${MAX_ASSET_BYTES / 1024 / 1024} MB. Save a smaller version (2,000 pixels wide is plenty) and insert that.`;
  }
  if (sniffImage(bytes)) return null;
  const head = ascii(bytes, 0, Math.min(bytes.length, 512)).toLowerCase();
  if (head.includes('<svg') || head.includes('<?xml')) {
    return `${fileName} is an SVG drawing; SVG can carry scripts, so Copydesk does not take it. Export it as PNG and insert that.`;
  }
  return `${fileName} is not a PNG, JPEG, GIF, WebP or AVIF image (its content says otherwise, whatever its name). Save it in one of those formats.`;
}
