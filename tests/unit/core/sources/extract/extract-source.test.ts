/**
 * The one entry point: the extension says what a file should be, the bytes what it is;
 * oversized, unknown, binary and disguised files are refused with a message, and no input
 * makes it throw.
 */
import { describe, expect, it } from 'vitest';
import { extractSource, MAX_SOURCE_FILE_BYTES } from '../../../../../src/core/sources/extract/extract-source';
import { DOCX_MEDIA_TYPE } from '../../../../../src/core/sources/extract/word-document';
import { buildDocx, buildPdf, buildZip } from './fixture-builders';

const utf8 = (text: string) => new TextEncoder().encode(text);
const WHAT = 'is not a text, Markdown, HTML, Word or PDF file';

describe('choosing the reader', () => {
  it('reads .html and .htm as web pages, .txt as text, .md as Markdown', async () => {
    const html = await extractSource('page.HTM', utf8('<html><body><p>Hello from the quay.</p></body></html>'));
    expect(html.ok && html.value.snapshot).toMatchObject({ origin: 'web', mediaType: 'text/html', text: 'Hello from the quay.' });
    const text = await extractSource('notes.txt', utf8('# not a heading in a text file'));
    expect(text.ok && text.value.snapshot).toMatchObject({ mediaType: 'text/plain', text: '# not a heading in a text file' });
    const md = await extractSource('notes.markdown', utf8('# A heading'));
    expect(md.ok && md.value.snapshot).toMatchObject({ mediaType: 'text/markdown', text: 'A heading' });
  });

  it('reads a PDF or a Word document by its bytes, whatever the name ends with', async () => {
    const pdf = await extractSource('saved.txt', buildPdf([{ lines: ['Text inside a PDF.'] }]));
    expect(pdf.ok && pdf.value.snapshot).toMatchObject({ mediaType: 'application/pdf', text: 'Text inside a PDF.' });
    const docx = await extractSource('saved.txt', buildDocx([{ text: 'Text inside a Word document.' }]));
    expect(docx.ok && docx.value.snapshot).toMatchObject({ mediaType: DOCX_MEDIA_TYPE, text: 'Text inside a Word document.' });
  });

  it('reads as text a .txt that only mentions %PDF- in its first line', async () => {
    const result = await extractSource('notes.txt', utf8('Files start with %PDF-1.7, the auditor said.'));
    expect(result.ok && result.value.snapshot).toMatchObject({ mediaType: 'text/plain' });
  });
});

describe('refusals', () => {
  it('refuses a file over the size cap, naming the cap', async () => {
    const big = new Uint8Array(MAX_SOURCE_FILE_BYTES + 1).fill(0x61);
    expect(await extractSource('huge.html', big)).toEqual({ ok: false, error: expect.stringContaining('huge.html is 20,971,521 bytes; the limit for an imported file is 20 MB. Nothing was imported') });
    const bigger = new Uint8Array(25 * 1024 * 1024);
    expect(await extractSource('huge.txt', bigger)).toEqual({ ok: false, error: expect.stringContaining('huge.txt is 25 MB; the limit for an imported file is 20 MB.') });
  });

  it('refuses an unknown extension, a missing one and an old .doc', async () => {
    expect(await extractSource('photo.png', utf8('text'))).toEqual({ ok: false, error: `photo.png ${WHAT} (.png files are not read)` });
    expect(await extractSource('README', utf8('text'))).toEqual({ ok: false, error: `README ${WHAT} (the name has no extension)` });
    expect(await extractSource('memo.doc', utf8('text'))).toEqual({ ok: false, error: 'memo.doc is an old Word file (.doc), which Copydesk does not read: save it as .docx or PDF and add that' });
  });

  it('refuses binary junk and archives named as text or pages', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await extractSource('image.html', png)).toEqual({ ok: false, error: `image.html ${WHAT}: it holds binary data` });
    expect(await extractSource('data.txt', buildZip({ 'a.csv': '1,2,3' }))).toEqual({ ok: false, error: `data.txt is a zip archive, not a text, Markdown, HTML, Word or PDF file` });
    expect(await extractSource('empty.md', new Uint8Array(0))).toEqual({ ok: false, error: 'empty.md is empty' });
  });

  it('never throws, whatever the bytes (seeded random junk under every extension)', async () => {
    let seed = 20261112;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const samples: Uint8Array[] = [
      ...Array.from({ length: 6 }, (_, n) => Uint8Array.from({ length: 64 + n * 500 }, () => Math.floor(random() * 256))),
      utf8('%PDF-1.7\n%%EOF'),
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      utf8(`${'<div>'.repeat(5_000)}deep${'</div>'.repeat(5_000)}`),
      utf8('<html><head><script type="application/ld+json">{"@graph": [[[[[[{"@type": "NewsArticle", "author": {"name": 7}}]]]]]]}</script></head></html>'),
    ];
    for (const ext of ['txt', 'md', 'html', 'docx', 'pdf', 'bin']) {
      for (const bytes of samples) {
        const result = await extractSource(`junk.${ext}`, bytes);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error).toMatch(/^junk\./);
      }
    }
  });
});
