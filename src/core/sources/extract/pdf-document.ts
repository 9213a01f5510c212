/**
 * A PDF as a source: pdf.js (its legacy build, the one meant for Node) reads the text layer
 * of every page, in this thread. Pages are separated by a blank line, and so are blocks that stand
 * apart on a page. A PDF with no text layer (a scan) is refused with that question.
 */
import { fail, ok, type Result } from '../../../shared/result';
import type { NewSource } from '../source-store';
import { fileStem, snapshotText } from './snapshot-text';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use (it is large). In Node it has no Worker, so it runs its
 * worker's code in this thread, loading it from beside itself (the legacy build's worker).
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * Whether the bytes are a PDF: they start with %PDF-, or (as readers allow) the header comes
 * within the first 1 KB and the file ends with %%EOF, so a text that mentions "%PDF-" is text.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const latin1 = new TextDecoder('latin1');
  const at = latin1.decode(bytes.subarray(0, 1024)).search(/%PDF-\d\.\d/);
  if (at === 0) return true;
  return at > 0 && latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF');
}

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<Result<NewSource, string>> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch (error) {
    return fail(`${fileName}: the PDF reader could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
  // pdf.js may take ownership of the buffer it is given: it gets a copy, the caller keeps its
  // bytes. A plain Uint8Array: pdf.js refuses a Node Buffer (what the CLI reads files into).
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, verbosity: 0, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    const text = snapshotText(pages.filter((p) => p.trim()).join('\n\n'));
    if (!text) return fail(`${fileName}: no text could be extracted; is it a scan?`);
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.replace(/\s+/g, ' ').trim() : fileStem(fileName);
    return ok({ fields: { type: 'document', title: title.slice(0, 2_000) }, snapshot: { text, origin: 'document', fileName, mediaType: 'application/pdf' } });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return fail(`${fileName} is protected by a password; save an unprotected copy and add that`);
    return fail(`${fileName} is not a readable PDF file (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * One page's text: items joined, a line break where pdf.js marks the end of a line, and a
 * blank line where the next line starts much further down than a line's height (a new block).
 */
function pageText(items: TextItem[]): string {
  let text = '';
  let lastY: number | null = null;
  let lineHeight = 0;
  let atLineStart = true;
  for (const item of items) {
    const y = item.transform?.[5];
    if (atLineStart && y !== undefined && lastY !== null && lineHeight > 0 && Math.abs(lastY - y) > 1.8 * lineHeight) text += '\n';
    text += item.str;
    if (item.str) {
      if (y !== undefined) lastY = y;
      if (item.height) lineHeight = item.height;
      atLineStart = false;
    }
    if (item.hasEOL) {
      text += '\n';
      atLineStart = true;
    }
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
