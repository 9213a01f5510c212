/**
 * A .docx as a source: mammoth turns the document into plain HTML (images left out), the
 * same text walk as for web pages keeps its paragraphs, and the first heading (or the core
 * properties' title) is the title. The zip is looked into first, so an archive that is not
 * a Word document, or that would expand past a sane size, is refused before mammoth loads it.
 */
import mammoth from 'mammoth';
import { fail, ok, type Result } from '../../../shared/result';
import { listZip, readZipEntry, type ZipListing } from '../../storage/zip/read-zip';
import type { NewSource } from '../source-store';
import { blockText, parseDocument } from './html-text';
import { fileStem, sizeLabel, snapshotText } from './snapshot-text';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Largest total a .docx may expand to: mammoth holds it all in memory. */
export const MAX_DOCX_EXPANDED_BYTES = 512 * 1024 * 1024;
/** As lenient as mammoth's own zip reader: the look inside refuses nothing mammoth would open. */
const LIKE_MAMMOTH = { strict: false };

/** Whether the bytes are a zip that holds a Word document's main part. */
export function isWordDocument(bytes: Uint8Array): boolean {
  const listed = listZip(bytes, LIKE_MAMMOTH);
  return listed.ok && listed.value.entries.some((e) => e.name === 'word/document.xml');
}

export async function extractWordDocument(fileName: string, bytes: Uint8Array): Promise<Result<NewSource, string>> {
  const listed = listZip(bytes, LIKE_MAMMOTH);
  if (!listed.ok) return fail(`${fileName}: this .docx is not a Word document (it is not a zip archive)`);
  const entries = listed.value.entries;
  if (!entries.some((e) => e.name === 'word/document.xml')) return fail(`${fileName}: this .docx is not a Word document (the archive has no word/document.xml)`);
  const expanded = entries.reduce((sum, e) => sum + e.size, 0);
  if (expanded > MAX_DOCX_EXPANDED_BYTES) {
    return fail(`${fileName} would expand to ${sizeLabel(expanded)}; the largest Word document Copydesk opens expands to ${sizeLabel(MAX_DOCX_EXPANDED_BYTES)}`);
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
        // Images carry no words; encoding them as data URIs would cost time and memory.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    return fail(`${fileName}: this .docx is not a Word document (${error instanceof Error ? error.message : String(error)})`);
  }
  const doc = parseDocument(html);
  const text = snapshotText(doc.body ? blockText(doc.body) : '');
  if (!text) return fail(`${fileName}: the Word document has no text in it`);
  const heading = doc.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim();
  const title = heading || coreTitle(listed.value) || fileStem(fileName);
  return ok({
    fields: { type: 'document', title: title.slice(0, 2_000) },
    snapshot: { text, origin: 'document', fileName, mediaType: DOCX_MEDIA_TYPE },
  });
}

/** dc:title from docProps/core.xml, when the document's properties name one. */
function coreTitle({ archive, entries }: ZipListing): string {
  const entry = entries.find((e) => e.name === 'docProps/core.xml');
  // Unverified, as mammoth reads the rest of the document: a checksum does not stop a title.
  const xml = entry ? readZipEntry(archive, entry, { maxBytes: 1024 * 1024, verify: false }) : null;
  if (!xml?.ok) return '';
  const raw = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(new TextDecoder().decode(xml.value))?.[1] ?? '';
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
