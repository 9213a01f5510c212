/**
 * Bytes of a text document (.md, .txt, .html) to a string, or a plain reason why they are
 * not text: bytes that are not UTF-8 are refused rather than replaced, and binary data
 * with a text extension is told apart from text by its NUL and control characters.
 */
import { isUtf8 } from 'node:buffer';
import { fail, ok, type Result } from '../../../shared/result';

/** Control characters that text never holds (tab, line feed, form feed and carriage return are text). */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** The text with its byte-order mark dropped and its line ends made \n; or why it is not text. */
export function documentText(name: string, bytes: Uint8Array): Result<string> {
  const bom = byteOrderMark(bytes);
  let text: string;
  if (bom) {
    try {
      text = new TextDecoder(bom.encoding, { fatal: true }).decode(bytes.subarray(bom.length));
    } catch {
      return fail(`${name} is not valid ${bom.encoding.toUpperCase()} text, though it begins as such`);
    }
  } else {
    if (!isUtf8(bytes)) return fail(`${name} is not UTF-8 text (it may be binary, or saved in another encoding); save it as UTF-8 and import it again`);
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  return checkedText(name, text);
}

/** The text, or why it is binary data rather than text. */
export function checkedText(name: string, text: string): Result<string> {
  if (text.includes('\u0000')) return fail(`${name} holds binary data (NUL bytes), not text`);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls > text.length / 100) return fail(`${name} holds binary data (control characters), not text`);
  return ok(text.replace(/\r\n?/g, '\n'));
}

function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * An HTML page's text: a byte-order mark, else the charset its <meta> declares in its first
 * 1,024 bytes (saved pages are often windows-1252 or ISO-8859-x), else strict UTF-8.
 */
export function htmlText(name: string, bytes: Uint8Array): Result<string> {
  if (byteOrderMark(bytes)) return documentText(name, bytes);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return documentText(name, bytes);
  // A page that says windows-1252 but is UTF-8 (a common mislabel) is read as UTF-8.
  if (isUtf8(bytes) && bytes.some((byte) => byte >= 0x80)) return documentText(name, bytes);
  let text: string;
  try {
    text = new TextDecoder(declared).decode(bytes);
  } catch {
    return fail(`${name} declares the character set "${declared}", which Copydesk cannot read`);
  }
  return checkedText(name, text);
}
