/**
 * Text, Markdown, Word and PDF files as sources: the words kept exactly, paragraphs and
 * pages as blank lines, the title where the file states one, and each bad file refused
 * with a message that says what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../../../../../src/core/sources/extract/extract-source';
import { DOCX_MEDIA_TYPE } from '../../../../../src/core/sources/extract/word-document';
import { buildDocx, buildPdf, buildZip } from './fixture-builders';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'sources');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('.txt', () => {
  it('keeps the text as it is (line ends as \\n), titled by the file name', async () => {
    const result = await extractSource('harbour-master-call.txt', fixture('harbour-master-call.txt'));
    expect(result).toEqual({
      ok: true,
      value: {
        fields: { type: 'document', title: 'harbour-master-call' },
        snapshot: { text: 'Notes from the call with the harbour master.\n\nShe said 37 vessels were diverted during the dispute.', origin: 'document', fileName: 'harbour-master-call.txt', mediaType: 'text/plain' },
      },
    });
  });

  it('takes a heading line at the top as the title, and only one that reads as a heading', async () => {
    const statement = await extractSource('union-statement.txt', utf8('Statement by the Dockworkers’ Union on the Maasgate talks\n\nThe union said on Monday that talks had failed.'));
    expect(statement.ok && statement.value.fields.title).toBe('Statement by the Dockworkers’ Union on the Maasgate talks');
    expect(statement.ok && statement.value.snapshot!.text).toContain('Statement by the Dockworkers’ Union');
    const sentence = await extractSource('wire.txt', utf8('ROTTERDAM, Nov 10 - Talks broke up on Monday without agreement.\nMore to follow.'));
    expect(sentence.ok && sentence.value.fields.title).toBe('wire');
    const alone = await extractSource('one-line.txt', utf8('Harbour figures for October'));
    expect(alone.ok && alone.value.fields.title).toBe('one-line');
    const dateline = await extractSource('call.txt', utf8('Call with the harbour master, 12 November:\nShe said 37 vessels were diverted.'));
    expect(dateline.ok && dateline.value.fields.title).toBe('call');
  });

  it('refuses bytes that are not UTF-8, naming where', async () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' on the quay')]);
    expect(await extractSource('notes.txt', latin1)).toEqual({ ok: false, error: 'notes.txt is not UTF-8 text (the byte at position 3 is not UTF-8): save it as UTF-8 and add it again' });
  });

  it('reads UTF-16 text that carries its byte order mark', async () => {
    const text = 'Café “quoted”';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const result = await extractSource('notes.txt', bytes);
    expect(result.ok && result.value.snapshot!.text).toBe(text);
  });
});

describe('.md', () => {
  it('takes the first "# " heading as the title and keeps every word, without the marks', async () => {
    const result = await extractSource('briefing-notes.md', fixture('briefing-notes.md'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.fields).toEqual({ type: 'document', title: 'Quay audit: notes from the briefing' });
    expect(result.value.snapshot).toMatchObject({ origin: 'document', mediaType: 'text/markdown', fileName: 'briefing-notes.md' });
    expect(result.value.snapshot!.text).toBe(
      [
        'Quay audit: notes from the briefing',
        '',
        'Elif Demir said the double counting began when a new booking system went live in the spring of 2025.',
        '',
        'Figures',
        '',
        'The corrected figure is 1.12 million containers.',
        'The published figure was 1.31 million.',
        'Fees are tied to the number handled.',
        '',
        '“We publish what we count,” she said.',
        '',
        "See the authority's statement and the audit_2025 file; snake_case_names stay as they are, and so does 2 * 3 * 4.",
        '',
        'raw figures: 1,120,000',
      ].join('\n'),
    );
  });

  it('falls back to the front matter title, then to the file name', async () => {
    const front = await extractSource('a.md', utf8('---\ntitle: "Ferry subsidy memo"\n---\nText.'));
    expect(front.ok && front.value.fields.title).toBe('Ferry subsidy memo');
    const plain = await extractSource('ferry memo.md', utf8('Just text.'));
    expect(plain.ok && plain.value.fields.title).toBe('ferry memo');
  });
});

describe('.docx', () => {
  const paragraphs = [
    { style: 'Title' as const, text: 'Quay audit: notes from the briefing' },
    { text: 'Elif Demir said the double counting began in 2025 & was found by the auditors.' },
    { style: 'Heading1' as const, text: 'Figures' },
    { text: 'The corrected figure is 1.12 million containers.' },
  ];

  it('reads the paragraphs as blank-line blocks, titled by the first heading', async () => {
    const result = await extractSource('briefing.docx', buildDocx(paragraphs, { title: 'Stale core title' }));
    expect(result).toEqual({
      ok: true,
      value: {
        fields: { type: 'document', title: 'Quay audit: notes from the briefing' },
        snapshot: {
          text: 'Quay audit: notes from the briefing\n\nElif Demir said the double counting began in 2025 & was found by the auditors.\n\nFigures\n\nThe corrected figure is 1.12 million containers.',
          origin: 'document',
          fileName: 'briefing.docx',
          mediaType: DOCX_MEDIA_TYPE,
        },
      },
    });
  });

  it('takes the title from the core properties when there is no heading, else from the file name', async () => {
    const core = await extractSource('b.docx', buildDocx([{ text: 'Only a paragraph.' }], { title: 'Audit briefing & figures' }));
    expect(core.ok && core.value.fields.title).toBe('Audit briefing & figures');
    const none = await extractSource('audit briefing.docx', buildDocx([{ text: 'Only a paragraph.' }]));
    expect(none.ok && none.value.fields.title).toBe('audit briefing');
  });

  it('refuses a .docx that is not a zip, a zip that is not a Word document, and a broken one', async () => {
    expect(await extractSource('x.docx', utf8('plain words'))).toEqual({ ok: false, error: 'x.docx: this .docx is not a Word document (it is not a zip archive)' });
    expect(await extractSource('x.docx', buildZip({ 'content.xml': '<office/>' }))).toEqual({ ok: false, error: 'x.docx: this .docx is not a Word document (the archive has no word/document.xml)' });
    const broken = await extractSource('x.docx', buildZip({ 'word/document.xml': 'not xml <<<' }));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^x\.docx: this \.docx is not a Word document \(/);
  });

  it('refuses a .docx that would expand past the cap, before reading it', async () => {
    const zip = buildZip({ 'word/document.xml': '<w:document/>' });
    const view = new DataView(zip.buffer);
    // The central directory's "uncompressed size" of the one entry, claimed as 4 GB.
    const central = zip.length - 22 - 46 - 'word/document.xml'.length;
    view.setUint32(central + 24, 0xfffffff0, true);
    const result = await extractSource('bomb.docx', zip);
    expect(result).toEqual({ ok: false, error: 'bomb.docx would expand to 4 GB; the largest Word document Copydesk opens expands to 512 MB' });
  });
});

describe('.pdf', () => {
  it('reads every page, pages separated by a blank line, titled by its Info title', async () => {
    const pdf = buildPdf(
      [{ lines: ['Port authority annual report', '', 'The terminal handled 448,000 containers (third quarter).', 'Caf\u00e9 owners said so.'] }, { lines: ['Second page: 99,000 households.'] }],
      { title: 'Annual report 2026' },
    );
    const result = await extractSource('report.pdf', pdf);
    expect(result).toEqual({
      ok: true,
      value: {
        fields: { type: 'document', title: 'Annual report 2026' },
        snapshot: {
          text: 'Port authority annual report\n\nThe terminal handled 448,000 containers (third quarter).\nCafé owners said so.\n\nSecond page: 99,000 households.',
          origin: 'document',
          fileName: 'report.pdf',
          mediaType: 'application/pdf',
        },
      },
    });
  });

  it('is titled by its file name when it states no title, and leaves the caller its bytes', async () => {
    const pdf = buildPdf([{ lines: ['One line.'] }]);
    const length = pdf.length;
    const result = await extractSource('ferry memo.pdf', pdf);
    expect(result.ok && result.value.fields.title).toBe('ferry memo');
    expect(pdf.length).toBe(length);
    expect(pdf.buffer.byteLength).toBe(length);
  });

  it('says a PDF with no text layer may be a scan', async () => {
    expect(await extractSource('scan.pdf', buildPdf([{ drawingOnly: true }]))).toEqual({ ok: false, error: 'scan.pdf: no text could be extracted; is it a scan?' });
  });

  it('refuses a damaged PDF and a .pdf that is not one', async () => {
    const damaged = await extractSource('broken.pdf', utf8('%PDF-1.4\nthis is not really a pdf'));
    expect(!damaged.ok && damaged.error).toMatch(/^broken\.pdf is not a readable PDF file \(/);
    expect(await extractSource('fake.pdf', utf8('just words'))).toEqual({ ok: false, error: 'fake.pdf is not a PDF file (it does not start with %PDF-)' });
  });
});
