/**
 * A Word document into the editor: mammoth renders it as plain HTML (its Title style as the
 * headline, Subtitle as the dek, Quote styles as block quotes; images left out), and the
 * HTML goes the way of a web page's article. The Title (or the first Heading 1) is the
 * headline; Heading 1 sections under it are the article's h2 subheads, Heading 2 its h3.
 * The zip is looked into first, so an archive that is not a Word document, or that would
 * expand past a sane size, is refused before mammoth loads it.
 */
import type { LexicalEditor } from 'lexical';
import mammoth from 'mammoth';
import { fail, ok, type Result } from '../../../shared/result';
import { listZip, startsWithZipEntry, ZIP64_MARK } from '../../storage/zip/read-zip';
import { clip, oneLine, type DocumentMeta } from './article-shape';
import { $appendDomBlocks, type DomImportReport, type DomNode, type HeadingTag } from './dom-to-body';
import { parsePage } from './html-article';

/** Largest total a .docx may expand to: mammoth holds all of it in memory. */
export const MAX_DOCX_EXPANDED_BYTES = 256 * 1024 * 1024;

const TITLE_CLASS = 'copydesk-title';
const DEK_CLASS = 'copydesk-dek';
const STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p.Title => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='Subtitle'] => p.${DEK_CLASS}:fresh`,
  `p.Subtitle => p.${DEK_CLASS}:fresh`,
  "p[style-name='Quote'] => blockquote > p:fresh",
  'p.Quote => blockquote > p:fresh',
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'p.IntenseQuote => blockquote > p:fresh',
];

/** Reads the Word document into the editor's root; or why it is not a Word document. */
export async function importDocx(name: string, bytes: Uint8Array, editor: LexicalEditor, warnings: string[], fallbackHeadline: string): Promise<Result<DocumentMeta>> {
  // As lenient as mammoth's own reader: this look inside refuses nothing mammoth would open.
  const listed = startsWithZipEntry(bytes) ? listZip(bytes, { strict: false }) : undefined;
  if (!listed?.ok) return fail(`${name} is not a Word document (it is not a zip archive, as every .docx is)`);
  const entries = listed.value.entries;
  if (!entries.some((entry) => entry.name === 'word/document.xml')) return fail(`${name} is not a Word document (the archive holds no word/document.xml)`);
  // No .docx needs zip64: a size deferred to a zip64 field counts as too large.
  const expanded = entries.reduce((sum, entry) => sum + (entry.size === ZIP64_MARK ? Number.POSITIVE_INFINITY : entry.size), 0);
  if (expanded > MAX_DOCX_EXPANDED_BYTES) {
    return fail(`${name} would expand to ${megabytes(expanded)}; Copydesk imports Word documents that expand to at most ${megabytes(MAX_DOCX_EXPANDED_BYTES)}`);
  }
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not imported: an empty src keeps mammoth from encoding them as data URIs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = converted.value;
  } catch (error) {
    // mammoth's parser errors run over several lines; the first 200 characters say enough.
    const detail = clip(oneLine(error instanceof Error ? error.message : String(error)), 200);
    return fail(`${name} could not be read as a Word document (${detail})`);
  }
  const page = parsePage(html);
  const dekElement = page.querySelector(`p.${DEK_CLASS}`);
  const dek = dekElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  dekElement?.remove();
  // The headline's heading: the Title paragraph, or the first of several Heading 1s. Under
  // it every heading moves down a level, so Heading 1 sections are h2 and Heading 2 are h3.
  const h1s = Array.from(page.querySelectorAll('h1'));
  const title = page.querySelector(`h1.${TITLE_CLASS}`) ?? (h1s.length > 1 ? h1s[0]! : null);
  const headingTag = (level: number, element: DomNode): HeadingTag => `h${title && element !== title ? Math.min(level + 1, 6) : level}` as HeadingTag;
  let report: DomImportReport = { media: 0, unsafeLinks: 0 };
  const body = page.body;
  if (body) {
    editor.update(() => {
      report = $appendDomBlocks(body, headingTag);
    }, { discrete: true });
  }
  if (report.media) warnings.push(`${report.media} image${report.media === 1 ? '' : 's'} left out`);
  if (report.unsafeLinks) warnings.push(`${report.unsafeLinks} link${report.unsafeLinks === 1 ? '' : 's'} with an unsafe or relative address kept as plain text`);
  return ok({ fallbackHeadline, ...(dek ? { dek } : {}) });
}

function megabytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : 'more than 4 GB';
}
