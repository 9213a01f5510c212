/**
 * A source's fields as typed in the forms and as the API takes them: authors, dates, the
 * fields left empty, and the host's complaints put beside the field they name.
 */
import { describe, expect, it } from 'vitest';
import {
  authorsFromText,
  authorsToText,
  EMPTY_FORM,
  fieldsFromForm,
  formProblems,
  issuesByField,
  typeLabel,
} from '../../../src/renderer/src/sources/source-fields';
import { importKind, toBase64 } from '../../../src/renderer/src/sources/file-data';

describe('source fields', () => {
  it('reads authors typed as "Given Family; Given Family", with particles, commas and organisations', () => {
    expect(authorsFromText(' Anna Verhoeven ;Ludwig van Beethoven; Dijkhuis, Joost; {Port of Maasgate Authority}; Reuters;; ')).toEqual([
      { given: 'Anna', family: 'Verhoeven' },
      { given: 'Ludwig', family: 'van Beethoven' },
      { family: 'Dijkhuis', given: 'Joost' },
      { literal: 'Port of Maasgate Authority' },
      { literal: 'Reuters' },
    ]);
    expect(authorsFromText('')).toEqual([]);
  });

  it('writes authors back as the field shows them, and reads them again the same', () => {
    const names = [{ given: 'Helena', family: 'Brito' }, { literal: 'Lindemeer Bureau of Statistics' }, { literal: 'DTWU' }, { given: 'Maria', family: 'da Silva' }];
    const text = authorsToText(names);
    expect(text).toBe('Helena Brito; {Lindemeer Bureau of Statistics}; DTWU; Maria da Silva');
    expect(authorsFromText(text)).toEqual(names);
  });

  it('sends only the fields filled in, trimmed', () => {
    expect(fieldsFromForm({ ...EMPTY_FORM, title: '  Port deal  ', type: 'report', issued: '2026-11-10 ', container: ' ' })).toEqual({
      type: 'report',
      title: 'Port deal',
      issued: '2026-11-10',
    });
  });

  it('asks for a title and a date it can read before asking the host', () => {
    expect(formProblems(EMPTY_FORM)).toEqual({ title: 'A source needs a title.' });
    expect(formProblems({ ...EMPTY_FORM, title: 'T', issued: '10/11/2026' }).issued).toMatch(/YYYY-MM-DD/);
    expect(formProblems({ ...EMPTY_FORM, title: 'T', issued: '2026-11' })).toEqual({});
  });

  it('puts the host’s issues beside the fields they name', () => {
    const { fields, other } = issuesByField([
      { path: 'fields.title', message: 'a source needs a title' },
      { path: 'fields.author.0.family', message: 'too long' },
      { path: 'url', message: 'only http and https pages can be captured' },
      { path: 'allowDuplicate', message: 'expected boolean' },
    ]);
    expect(fields).toEqual({ title: 'a source needs a title', authors: 'too long', url: 'only http and https pages can be captured' });
    expect(other).toEqual(['allowDuplicate: expected boolean']);
  });

  it('names the common types in words', () => {
    expect(typeLabel('article-newspaper')).toBe('News article');
    expect(typeLabel('paper-conference')).toBe('paper conference');
  });

  it('tells a reference file from a document, and encodes bytes as base64', () => {
    expect(importKind('Zotero Export.BIB')).toBe('references');
    expect(importKind('library.json')).toBe('references');
    expect(importKind('briefing.docx')).toBe('document');
    expect(importKind('page.HTM')).toBe('document');
    expect(importKind('photo.jpg')).toBeNull();
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(toBase64(new TextEncoder().encode('Maasgate'))).toBe('TWFhc2dhdGU=');
  });
});
