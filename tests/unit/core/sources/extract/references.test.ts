/**
 * CSL-JSON and BibTeX as Zotero exports them: every entry becomes a source, a bad entry
 * fails the whole file (named, with its line), and CSL-JSON survives import and export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES, CSL_NUMBER_VARIABLES, CSL_STRING_VARIABLES } from '../../../../../src/core/sources/extract/csl-variables';
import { exportReferences, parseReferences } from '../../../../../src/core/sources/extract/references';
import { cslFromFields, type NewSource } from '../../../../../src/core/sources/source-store';
import type { CslItem } from '../../../../../src/shared/source';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'sources');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'resources', 'standards', 'csl', 'csl-data.json'), 'utf8'));
const validate = new Ajv({ strict: false }).compile(schema);

function imported(fileName: string, text: string): NewSource[] {
  const result = parseReferences(fileName, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The item the source library writes for a NewSource (the same merge as SourceStore.add), with an id of its own. */
function stored(source: NewSource, id: string): CslItem {
  return { type: 'webpage', ...source.csl, ...cslFromFields(source.fields), id, title: source.fields.title ?? '' } as CslItem;
}

describe('CSL-JSON import', () => {
  it('turns each item into a source: form fields filled, every other field kept, the original id as citation-key', () => {
    const sources = imported('zotero-export.json', fixture('zotero-export.json'));
    expect(sources).toHaveLength(4);
    expect(sources[0]!.fields).toEqual({
      type: 'article-newspaper',
      title: 'Maasgate port deal signed after all-night talks',
      author: [{ family: 'Lima', given: 'Ana' }, { family: 'Berg', given: 'Tom' }],
      issued: '2026-11-12',
      'container-title': 'The Harbour Ledger',
      language: 'en-GB',
      URL: 'https://harbourledger.example/port/2026/11/12/maasgate-deal-signed',
    });
    expect(sources[0]!.csl).toMatchObject({ section: 'Port', accessed: { 'date-parts': [['2026', 11, 13]] }, 'citation-key': 'http://zotero.org/users/local/Xk3Pq9/items/7QWERTYU' });
    expect(sources[0]!.snapshot).toBeNull();
    expect(sources[1]!.fields).toMatchObject({ type: 'report', issued: '2026-10', publisher: 'Port of Maasgate Authority', author: [{ literal: 'Port of Maasgate Authority' }] });
    expect(sources[2]!.csl).toMatchObject({ interviewer: [{ family: 'Lima', given: 'Ana' }], medium: 'Telephone' });
    expect(sources[3]!.csl).toMatchObject({ custom: { 'desk-note': 'check the 2024 figures' } });
  });

  it('survives import and export: the same items, valid CSL-JSON 1.0.2', () => {
    const original = JSON.parse(fixture('zotero-export.json')) as Array<Record<string, unknown>>;
    const items = imported('zotero-export.json', fixture('zotero-export.json')).map((s, i) => stored(s, `source-${i}`));
    const exported = JSON.parse(exportReferences(items, 'csl')) as Array<Record<string, unknown>>;
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    // The library writes an issued date through its form field, so a year Zotero wrote as "2026" comes back as 2026.
    const numericIssued = (item: Record<string, unknown>) => {
      const issued = item.issued as { 'date-parts': Array<Array<string | number>> };
      return { ...item, issued: { 'date-parts': issued['date-parts'].map((parts) => parts.map(Number)) } };
    };
    expect(exported).toEqual(original.map((item, i) => numericIssued({ ...item, id: `source-${i}`, 'citation-key': item.id })));
  });

  it('names the line of a JSON syntax error, and the entry it is in', () => {
    const text = '[\n  { "id": "a", "type": "webpage", "title": "One" },\n  { "id": "b", "type": "webpage", "title": "Two" \n    "URL": "x" }\n]';
    const result = parseReferences('refs.json', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line: 4, entry: 'b' });
    expect(result.error.message).toMatch(/^refs\.json is not valid JSON: line 4, in the entry "b" \(/);
  });

  it('imports nothing when one entry is bad, and names it with its line', () => {
    const text = '[\n  { "id": "good", "type": "webpage", "title": "Fine" },\n  {\n    "id": "bad",\n    "type": "newspaper-clipping",\n    "title": "Wrong type"\n  }\n]';
    expect(parseReferences('refs.json', text)).toEqual({
      ok: false,
      error: { message: 'refs.json: the entry "bad" (line 3) has a bad type: must be a CSL item type (webpage, article-newspaper, report, interview, …)', entry: 'bad', line: 3 },
    });
    const untitled = parseReferences('refs.json', '[{ "id": "x", "type": "report", "title": "Ok" }, { "id": "y", "type": "report" }]');
    expect(untitled).toEqual({ ok: false, error: { message: 'refs.json: the entry "y" (line 1) has no title, and a source needs one', entry: 'y', line: 1 } });
    expect(parseReferences('refs.json', '[1]')).toMatchObject({ ok: false, error: { entry: '#1', line: 1 } });
    expect(parseReferences('refs.json', '[]')).toEqual({ ok: false, error: { message: 'refs.json holds no references' } });
  });
});

describe('BibTeX import', () => {
  it('reads what Zotero writes: types, names, month macros, braces and accents', () => {
    const sources = imported('zotero-export.bib', fixture('zotero-export.bib'));
    expect(sources.map((s) => s.fields.title)).toEqual(['Maasgate port deal signed after all-night talks', 'Container throughput, third quarter 2026', 'Quay figures revised after audit']);
    expect(sources[0]!.fields).toMatchObject({ author: [{ family: 'Lima', given: 'Ana' }, { family: 'Berg', given: 'Tom' }], issued: '2026-11', 'container-title': 'The Harbour Ledger', language: 'en-GB' });
    expect(sources[0]!.csl).toMatchObject({ 'citation-key': 'lima_maasgate_2026', accessed: { 'date-parts': [[2026, 11, 13]] } });
    expect(sources[1]!.fields).toMatchObject({ type: 'report', publisher: 'Port of Maasgate Authority', author: [{ literal: 'Port of Maasgate Authority' }] });
    expect(sources[2]!.fields.author).toHaveLength(3);
    expect(sources[2]!.fields.note).toContain('Öztürk quoted');
  });

  it('names the entry and the line of a syntax error, and imports nothing', () => {
    const text = '@article{first,\n  title = {Fine},\n  year = {2026},\n}\n\n@article{second,\n  title = {Missing comma}\n  year = 2026,\n}\n';
    expect(parseReferences('refs.bib', text)).toEqual({
      ok: false,
      error: { message: 'refs.bib: the entry "second" (line 6) cannot be read: expected "}" but found a field name at line 8, column 3', entry: 'second', line: 8 },
    });
  });

  it('names an entry that is never closed, and one with no title', () => {
    const unclosed = '@online{ok, title = {Fine}}\n@online{open,\n  title = {Never closed},\n  url = {https://x.example}\n';
    expect(parseReferences('refs.bib', unclosed)).toEqual({ ok: false, error: { message: 'refs.bib: the entry "open" (line 2) is never closed: a "}" is missing', entry: 'open', line: 2 } });
    const untitled = '@online{ok, title = {Fine}}\n\n@book{nameless,\n  year = {2026}\n}';
    expect(parseReferences('refs.bib', untitled)).toEqual({ ok: false, error: { message: 'refs.bib: the entry "nameless" (line 3) has no title, and a source needs one', entry: 'nameless', line: 3 } });
  });

  it('uses @string macros and skips @comment, and says when a file has no entries', () => {
    const text = '@comment{exported by hand}\n@string{ledger = "The Harbour Ledger"}\n@article{a, title = {Ferry subsidy}, journal = ledger, year = 2026}';
    expect(imported('refs.bib', text)[0]!.fields['container-title']).toBe('The Harbour Ledger');
    expect(parseReferences('refs.bib', '% nothing here\n')).toEqual({ ok: false, error: { message: 'refs.bib holds no BibTeX entries' } });
    expect(parseReferences('refs.txt', 'plain words')).toEqual({ ok: false, error: { message: 'refs.txt is neither CSL-JSON nor BibTeX' } });
  });
});

describe('export', () => {
  it('writes BibTeX that reads back to the same titles, names and dates', () => {
    const items = imported('zotero-export.json', fixture('zotero-export.json')).map((s, i) => stored(s, `source-${i}`));
    const bibtex = exportReferences(items, 'bibtex');
    expect(bibtex).toMatch(/^@/);
    const back = imported('export.bib', bibtex);
    expect(back.map((s) => s.fields.title)).toEqual(items.map((i) => i.title));
    expect(back.map((s) => s.fields.author)).toEqual(items.map((i) => i.author));
    expect(back.map((s) => s.fields.issued?.slice(0, 4))).toEqual(['2026', '2026', '2026', '2026']);
  });

  it('writes the month as the BibTeX macro (month = nov), the day in BibLaTeX’s date, so the file parses back to the same dates', () => {
    const items = [
      { id: 'day', type: 'article-newspaper', title: 'With a day', issued: { 'date-parts': [[2026, 11, 25]] } },
      { id: 'month', type: 'report', title: 'With a month', issued: { 'date-parts': [[2026, 3]] } },
      { id: 'year', type: 'webpage', title: 'With a year', issued: { 'date-parts': [[2026]] } },
    ] as CslItem[];
    const bibtex = exportReferences(items, 'bibtex');
    expect(bibtex).not.toMatch(/month = \{/);
    expect(bibtex).toContain('\tmonth = nov,\n\tdate = {2026-11-25},');
    expect(bibtex).toContain('\tmonth = mar,');
    // citation-js's BibTeX reader resolves the macros: every month is a month number.
    const entries = plugins.input.chainLink(bibtex, { forceType: '@biblatex/text' }) as Array<{ label: string; properties: Record<string, string> }>;
    expect(entries.map((e) => e.properties.month)).toEqual(['11', '03', undefined]);
    expect(entries[0]!.properties.date).toBe('2026-11-25');
    expect(imported('export.bib', bibtex).map((s) => s.fields.issued)).toEqual(['2026-11-25', '2026-03', '2026']);
  });

  it('moves what CSL has no place for into custom, so the file stays valid', () => {
    const item = { id: 'x', type: 'webpage', title: 'T', copydeskNote: 'kept', author: [{ family: 'Lima', nickname: 'A' }], issued: { 'date-parts': [[2026, 1]], extra: 1 } } as unknown as CslItem;
    const [exported] = JSON.parse(exportReferences([item], 'csl'));
    expect(validate([exported]), JSON.stringify(validate.errors)).toBe(true);
    expect(exported).toEqual({ id: 'x', type: 'webpage', title: 'T', author: [{ family: 'Lima' }], issued: { 'date-parts': [[2026, 1]] }, custom: { copydeskNote: 'kept' } });
  });

  it('knows exactly the variables of csl-data.json', () => {
    const known = [...CSL_STRING_VARIABLES, ...CSL_NUMBER_VARIABLES, ...CSL_NAME_VARIABLES, ...CSL_DATE_VARIABLES, 'categories', 'custom', 'id', 'type'];
    expect(known.sort()).toEqual(Object.keys(schema.items.properties).sort());
  });
});
