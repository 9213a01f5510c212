/**
 * The sizes Copydesk takes in from the user, each named once, and the words it refuses
 * more with: what the input is, how big it is, what the limit is, and what to do. Every
 * refusal happens before anything is written.
 */

const MB = 1024 * 1024;

/**
 * Largest document imported as an article or a source (articles.import,
 * sources.importFile, a file dropped on the window, `copydesk import`), in bytes.
 */
export const MAX_IMPORT_FILE_BYTES = 20 * MB;

/**
 * Largest snapshot a source keeps, in characters (a long report's text). A document or
 * page longer than this is cut with a note; a snapshot sent as text is refused.
 */
export const MAX_SNAPSHOT_CHARS = 5_000_000;

/**
 * Largest paste into the body, in characters of the clipboard's markup (or of its plain
 * text when there is no markup): 256 KB, a long feature with its formatting. Reading pasted
 * markup into the editor is one task on the page, and it grows with the markup: in Chromium
 * on a shared 2-core machine its longest task was about 100 ms at 250 KB, 150 ms at 500 KB
 * and 260 ms at 1 MB. This keeps it under 200 ms with room for a slower machine; a longer
 * document goes in as an import (articles.import), which is read off the page.
 */
export const MAX_PASTE_CHARS = 256 * 1024;

/** 20971520 → "20 MB", 1536 → "1.5 KB", 12.34 MB → "12.3 MB". */
export function sizeInWords(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** A size over `limit` in words that never reads as the limit itself ("20 MB" for 20 MB and one byte). */
function overInWords(size: number, limit: number, words: (n: number) => string): string {
  const said = words(size);
  return said === words(limit) ? `${size.toLocaleString('en-US')} bytes` : said;
}

const characters = (count: number) => `${count.toLocaleString('en-US')} characters`;

/** Why a file of `bytes` is not imported, and what to do instead. */
export function importFileTooLarge(fileName: string, bytes: number): string {
  return (
    `${fileName} is ${overInWords(bytes, MAX_IMPORT_FILE_BYTES, sizeInWords)}; the limit for an imported file is ${sizeInWords(MAX_IMPORT_FILE_BYTES)}. ` +
    'Nothing was imported: save the part you need as a smaller file (or as .txt) and import that.'
  );
}

/** Why a snapshot of `chars` characters is not added, and what to do instead. */
export function snapshotTooLong(chars: number): string {
  return (
    `The snapshot's text is ${characters(chars)}; the limit is ${characters(MAX_SNAPSHOT_CHARS)}. ` +
    'Nothing was added: keep only the part you cite, or import the document as a file (its text is then cut at the limit, with a note).'
  );
}

/** Why a paste of `chars` characters is refused, and what to do instead. */
export function pasteTooLarge(chars: number): string {
  return (
    `The pasted text is ${overInWords(chars, MAX_PASTE_CHARS, sizeInWords)}; the limit for one paste is ${sizeInWords(MAX_PASTE_CHARS)}. ` +
    'Nothing was pasted: paste it in smaller parts, or import the document as an article.'
  );
}

/** What is said when a paste's markup is over the limit and its plain text went in instead. */
export function pasteFormattingLeftOut(chars: number): string {
  return (
    `The pasted formatting is ${overInWords(chars, MAX_PASTE_CHARS, sizeInWords)}, over the ${sizeInWords(MAX_PASTE_CHARS)} one paste can keep, so the text went in as plain paragraphs. ` +
    'To keep subheads, lists and links, paste it in smaller parts or import the document as an article.'
  );
}

/** The bytes a base64 text stands for. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}
