/**
 * Documents that cannot become an article are refused with a message that names the file
 * and says what is wrong; nothing comes back but the message (importArticle writes
 * nothing, so a refusal leaves the workspace as it was).
 */
import { describe, expect, it } from 'vitest';
import { importArticle, MAX_IMPORT_BYTES } from '../../../../../src/core/articles/import/import-article';
import { MAX_DOCX_EXPANDED_BYTES } from '../../../../../src/core/articles/import/docx-article';
import { MAX_MARKUP_DEPTH } from '../../../../../src/core/articles/import/html-article';
import { buildDocx, paragraph, run, zip } from './docx-builder';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(fileName: string, bytes: Uint8Array): Promise<string> {
  const result = await importArticle(fileName, bytes);
  if (result.ok) throw new Error(`${fileName} was imported: ${JSON.stringify(result.value.meta)}`);
  expect(Object.keys(result)).toEqual(['ok', 'error']);
  return result.error;
}

/** The bytes with the central directory's uncompressed size of every entry set to `size`. */
function withDeclaredSizes(archive: Uint8Array, size: number): Uint8Array {
  const bytes = Buffer.from(archive);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    bytes.writeUInt32LE(size, at + 24);
  }
  return new Uint8Array(bytes);
}

describe('importArticle: bad input', () => {
  it('refuses a file whose extension it does not import, or that has none', async () => {
    expect(await refusal('budget.pdf', utf8('%PDF-1.7'))).toBe(
      'budget.pdf: Copydesk imports Markdown (.md), plain text (.txt), web pages (.html) and Word documents (.docx), not .pdf files',
    );
    expect(await refusal('/tmp/README', utf8('# Notes'))).toMatch(/^README: .* and this file has no extension$/);
  });

  it('refuses Markdown and text that is not UTF-8', async () => {
    const latin1 = new Uint8Array(Buffer.from('# Caf\xe9 on the quay\n\nIt reopened.\n', 'latin1'));
    expect(await refusal('cafe.md', latin1)).toBe(
      'cafe.md is not UTF-8 text (it may be binary, or saved in another encoding); save it as UTF-8 and import it again',
    );
    expect(await refusal('notes.txt', new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0x0a]))).toMatch(/^notes\.txt is not UTF-8 text/);
  });

  it('refuses binary junk with a text extension', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal('photo.md', png)).toMatch(/^photo\.md is not UTF-8 text/);
    expect(await refusal('dump.txt', utf8('Headline\n\0\0\0\u0001binary'))).toBe('dump.txt holds binary data (NUL bytes), not text');
    expect(await refusal('page.html', utf8('<p>x</p>\u0001\u0002\u0003\u0004\u0005\u0006'))).toBe('page.html holds binary data (control characters), not text');
  });

  it('refuses a .docx that is not a Word document', async () => {
    expect(await refusal('letter.docx', utf8('Dear editor, this is plain text.'))).toBe(
      'letter.docx is not a Word document (it is not a zip archive, as every .docx is)',
    );
    expect(await refusal('photos.docx', zip({ 'photo.txt': 'not a document' }))).toBe('photos.docx is not a Word document (the archive holds no word/document.xml)');
    expect(await refusal('broken.docx', zip({ 'word/document.xml': '<w:document><w:body><w:p>' }))).toMatch(/^broken\.docx could not be read as a Word document \(.+\)$/);
  });

  it('refuses a .docx that would expand past the cap, before reading it', async () => {
    const docx = withDeclaredSizes(buildDocx([paragraph(run('Big'))]), 0x7fffffff);
    expect(0x7fffffff * 5).toBeGreaterThan(MAX_DOCX_EXPANDED_BYTES);
    expect(await refusal('huge.docx', docx)).toMatch(/^huge\.docx would expand to [\d.]+ MB; Copydesk imports Word documents that expand to at most 256\.0 MB$/);
  });

  it('refuses a page nested deeper than any real page, before parsing it', async () => {
    const page = `<p>${'<span>'.repeat(MAX_MARKUP_DEPTH + 1)}text${'</span>'.repeat(MAX_MARKUP_DEPTH + 1)}</p>`;
    expect(await refusal('nested.html', utf8(page))).toBe('nested.html is nested more than 5,000 elements deep; no page Copydesk can import is');
    const deepButReal = await importArticle('deep.html', utf8(`<h1>Deep</h1><p>Dek.</p>${'<div>'.repeat(1_000)}text${'</div>'.repeat(1_000)}`));
    expect(deepButReal.ok && deepButReal.value.meta.headline).toBe('Deep');
  });

  it('refuses an empty document of every kind', async () => {
    expect(await refusal('empty.md', new Uint8Array())).toBe('empty.md is empty');
    expect(await refusal('blank.txt', utf8(' \n\t\n  \n'))).toBe('blank.txt is empty (it holds only white space)');
    expect(await refusal('scripts.html', utf8('<html><head><title></title><script>var a = "text";</script></head><body><style>p{}</style></body></html>'))).toBe(
      'scripts.html has no text to import',
    );
    expect(await refusal('front-matter-only.md', utf8('---\nlang: en\n---\n'))).toBe('front-matter-only.md has no text to import');
    expect(await refusal('blank.docx', buildDocx([paragraph(''), paragraph(run('  '))]))).toBe('blank.docx has no text to import');
  });

  it('refuses a file over the size cap', async () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(await refusal('long.md', big)).toBe(
      'long.md is 20,971,521 bytes; the limit for an imported file is 20 MB. Nothing was imported: save the part you need as a smaller file (or as .txt) and import that.',
    );
    const atCap = await importArticle('at-cap.txt', new Uint8Array(1024).fill(0x61));
    expect(atCap.ok).toBe(true);
  });
});
