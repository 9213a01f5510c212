/**
 * Text and Markdown files as sources. The bytes must be UTF-8 (a UTF-16 file with its byte
 * order mark is read too): anything else is refused rather than guessed, since a wrongly
 * decoded quote would never match. Markdown keeps its words; only its marks go.
 */
import { fail, ok, type Result } from '../../../shared/result';
import type { NewSource } from '../source-store';
import { fileStem, snapshotText } from './snapshot-text';

/** The bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM; a message naming the first bad byte otherwise. */
export function decodeText(fileName: string, bytes: Uint8Array): Result<string, string> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail(`${fileName} is not UTF-8 text (the byte at position ${at} is not UTF-8): save it as UTF-8 and add it again`);
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

/**
 * The title a text file gives itself: a short first line that reads as a heading (no
 * closing period, comma or colon; at most 20 words) with more text after it, as press
 * releases and statements start. Null when the first line is the start of the text.
 */
export function titleLine(text: string): string | null {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return null;
  const line = lines[first]!.trim().replace(/\s+/g, ' ');
  const more = lines.slice(first + 1).some((rest) => rest.trim() !== '');
  if (!more || line.length < 3 || line.length > 150 || /[.,;:]$/.test(line) || line.split(' ').length > 20) return null;
  return line;
}

/** A .txt file: its text as it is; the title is its heading line when it has one, else the file's name. */
export function extractPlainText(fileName: string, text: string): Result<NewSource, string> {
  const snapshot = snapshotText(text);
  if (!snapshot) return fail(`${fileName} has no text in it`);
  const title = titleLine(snapshot) ?? fileStem(fileName);
  return ok({ fields: { type: 'document', title }, snapshot: { text: snapshot, origin: 'document', fileName, mediaType: 'text/plain' } });
}

/** A Markdown file: its first "# " heading (or front matter title) is the title; the snapshot is its plain text. */
export function extractMarkdown(fileName: string, text: string): Result<NewSource, string> {
  const { body, title: frontTitle } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  const heading = /^ {0,3}# +(.+?)(?: +#+)? *$/m.exec(body)?.[1];
  const snapshot = snapshotText(markdownToText(body));
  if (!snapshot) return fail(`${fileName} has no text in it`);
  const title = (heading ? inline(heading) : frontTitle) || fileStem(fileName);
  return ok({ fields: { type: 'document', title: title.slice(0, 2_000) }, snapshot: { text: snapshot, origin: 'document', fileName, mediaType: 'text/markdown' } });
}

function splitFrontMatter(text: string): { body: string; title: string } {
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(text);
  if (!match) return { body: text, title: '' };
  const title = /^title:\s*(.+)$/m.exec(match[1]!)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
  return { body: text.slice(match[0].length), title };
}

/** Markdown as the words a reader sees: marks, link targets and fences gone, blocks kept as blank-line paragraphs. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      else out.push(line);
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    // Reference link definitions and rules carry no words.
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line) || /^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
      out.push('');
      continue;
    }
    // A setext underline turns the line above into a heading: the underline itself goes.
    if (/^ {0,3}(=+|-+) *$/.test(line) && out.length && out[out.length - 1]!.trim()) continue;
    const stripped = line
      .replace(/^ {0,3}#{1,6}(?: +|$)/, '')
      .replace(/ +#+ *$/, '')
      .replace(/^(\s*>)+ ?/, '')
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, '');
    out.push(inline(stripped));
  }
  return out.join('\n');
}

/** Inline marks: images and links to their text, emphasis and code marks removed, escapes resolved. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)/g, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}
