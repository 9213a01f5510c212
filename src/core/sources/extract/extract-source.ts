/**
 * The one way a file becomes a source: `extractSource(fileName, bytes)`. The extension says
 * what the file should be and the bytes say what it is: a PDF or a Word document is read as
 * one whatever its name ends with, an archive or binary data is never read as text, and a
 * .docx that is not a zip is refused as such. Every answer is a Result; nothing throws.
 */
import { importFileTooLarge, MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';
import { fail, type Result } from '../../../shared/result';
import type { NewSource } from '../source-store';
import { extractPdf, isPdf } from './pdf-document';
import { decodeText, extractMarkdown, extractPlainText } from './plain-text';
import { extensionOf } from './snapshot-text';
import { decodeHtml } from './html-charset';
import { extractWebPage } from './web-page';
import { extractWordDocument, isWordDocument } from './word-document';

/** Largest file read as a source (a saved page with its inline images, a long report): the import limit of src/shared/limits.ts. */
export const MAX_SOURCE_FILE_BYTES = MAX_IMPORT_FILE_BYTES;

const KINDS: Record<string, 'text' | 'markdown' | 'html' | 'docx' | 'pdf'> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const WHAT_WE_READ = 'a text, Markdown, HTML, Word or PDF file';

/** What the bytes are, whatever the name says. */
export type Sniffed = 'pdf' | 'docx' | 'zip' | 'binary' | 'text';

export function sniff(bytes: Uint8Array): Sniffed {
  if (isPdf(bytes)) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return isWordDocument(bytes) ? 'docx' : 'zip';
  // UTF-16 text has NUL bytes but announces itself with a byte order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'text';
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > head.length / 100 ? 'binary' : 'text';
}

/** A file's bytes as a NewSource (fields the file states, and a snapshot), or why it cannot be one. */
export async function extractSource(fileName: string, bytes: Uint8Array): Promise<Result<NewSource, string>> {
  try {
    return await extract(fileName, bytes);
  } catch (error) {
    // The extractors return their failures; this is for what a library throws that they did not foresee.
    return fail(`${fileName} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function extract(fileName: string, bytes: Uint8Array): Promise<Result<NewSource, string>> {
  if (bytes.length > MAX_SOURCE_FILE_BYTES) {
    return fail(importFileTooLarge(fileName, bytes.length));
  }
  const ext = extensionOf(fileName);
  if (ext === 'doc') return fail(`${fileName} is an old Word file (.doc), which Copydesk does not read: save it as .docx or PDF and add that`);
  const kind = KINDS[ext];
  if (!kind) return fail(`${fileName} is not ${WHAT_WE_READ}${ext ? ` (.${ext} files are not read)` : ' (the name has no extension)'}`);
  if (bytes.length === 0) return fail(`${fileName} is empty`);
  const actual = sniff(bytes);
  if (kind === 'docx' && actual !== 'docx') {
    return fail(`${fileName}: this .docx is not a Word document (${actual === 'zip' ? 'the archive has no word/document.xml' : actual === 'pdf' ? 'it is a PDF' : 'it is not a zip archive'})`);
  }
  if (kind === 'pdf' && actual !== 'pdf') return fail(`${fileName} is not a PDF file (it does not start with %PDF-)`);
  // The bytes decide when they are a document of their own: a PDF saved as .txt is read as a PDF.
  if (actual === 'pdf') return extractPdf(fileName, bytes);
  if (actual === 'docx') return extractWordDocument(fileName, bytes);
  if (actual === 'zip') return fail(`${fileName} is a zip archive, not ${WHAT_WE_READ}`);
  if (actual === 'binary') return fail(`${fileName} is not ${WHAT_WE_READ}: it holds binary data`);
  if (kind === 'html') return extractWebPage(decodeHtml(bytes), { fileName, mediaType: ext === 'xhtml' ? 'application/xhtml+xml' : 'text/html' });
  const text = decodeText(fileName, bytes);
  if (!text.ok) return text;
  return kind === 'markdown' ? extractMarkdown(fileName, text.value) : extractPlainText(fileName, text.value);
}
