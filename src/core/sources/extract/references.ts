/**
 * Reference files as Zotero exports them: CSL-JSON and BibTeX (read as BibLaTeX, its
 * superset, with citation-js). Import is all or none: the first entry that cannot be read,
 * or lacks what a source needs, fails the whole file, named with its line. Export writes
 * CSL-JSON that is valid against CSL 1.0.2, or BibTeX.
 */
import { plugins } from '@citation-js/core';
import * as bibtexPlugin from '@citation-js/plugin-bibtex';
import { fail, ok, type Result } from '../../../shared/result';
import { cslDateLabel, cslItemSchema, sourceFieldsSchema, type CslItem, type SourceFields } from '../../../shared/source';
import type { NewSource } from '../source-store';
import { bibEntrySpans, NON_DATA_TYPES, spanAtLine } from './bibtex-entries';
import { cleanCslItem, CSL_NAME_VARIABLES } from './csl-variables';
import { jsonElementStarts, lineAt } from './json-lines';
import { extensionOf } from './snapshot-text';

/** Why a reference file was refused: the entry and the line, when one is to blame. */
export interface ReferenceImportError {
  message: string;
  entry?: string;
  line?: number;
}

type Json = Record<string, unknown>;
type Imported = Result<NewSource[], ReferenceImportError>;

/** Reads a CSL-JSON or BibTeX file (by extension, else by its first character) into sources. */
export function parseReferences(fileName: string, text: string): Imported {
  try {
    const body = text.replace(/^\uFEFF/, '');
    const ext = extensionOf(fileName);
    const first = body.trimStart()[0];
    if (ext === 'json' || (ext !== 'bib' && ext !== 'bibtex' && (first === '[' || first === '{'))) return parseCslJson(fileName, body);
    if (ext === 'bib' || ext === 'bibtex' || first === '@') return parseBibtex(fileName, body);
    return fail({ message: `${fileName} is neither CSL-JSON nor BibTeX` });
  } catch (error) {
    return fail({ message: `${fileName} could not be read (${error instanceof Error ? error.message : String(error)})` });
  }
}

function parseCslJson(fileName: string, text: string): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(reason)?.[1] ?? NaN);
    if (Number.isNaN(position)) return fail({ message: `${fileName} is not valid JSON (${reason})` });
    const line = lineAt(text, position);
    const starts = jsonElementStarts(text);
    const start = [...starts].reverse().find((s) => s <= position);
    const entry = start === undefined ? undefined : /"id"\s*:\s*"([^"]{1,200})"/.exec(text.slice(start, position))?.[1];
    return fail({ message: `${fileName} is not valid JSON: line ${line}${entry ? `, in the entry "${entry}"` : ''} (${reason.replace(/ in JSON at position \d+.*$/, '')})`, line, ...(entry ? { entry } : {}) });
  }
  const items = Array.isArray(data) ? data : [data];
  if (!items.length) return fail({ message: `${fileName} holds no references` });
  const starts = Array.isArray(data) ? jsonElementStarts(text) : [text.search(/\S/)];
  const sources: NewSource[] = [];
  for (const [index, item] of items.entries()) {
    const line = lineAt(text, starts[index] ?? 0);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return fail({ message: `${fileName}: entry ${index + 1} (line ${line}) is not a CSL-JSON item (an object)`, entry: `#${index + 1}`, line });
    }
    const id = (item as Json).id;
    const entry = typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
    const source = sourceFromCsl(item as Json, entry, line, fileName);
    if (!source.ok) return source;
    sources.push(source.value);
  }
  return ok(sources);
}

function parseBibtex(fileName: string, text: string): Imported {
  const spans = bibEntrySpans(text);
  const unclosed = spans.find((s) => s.end < 0);
  if (unclosed) {
    const entry = unclosed.key || `@${unclosed.type}`;
    return fail({ message: `${fileName}: the entry "${entry}" (line ${unclosed.line}) is never closed: a "}" is missing`, entry, line: unclosed.line });
  }
  const data = spans.filter((s) => !NON_DATA_TYPES.has(s.type));
  if (!data.length) return fail({ message: `${fileName} holds no BibTeX entries` });
  let items: unknown[];
  try {
    void bibtexPlugin; // imported for its effect: it registers the BibTeX formats with citation-js
    items = plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const where = /at line (\d+) col (\d+)/.exec(reason);
    const line = where ? Number(where[1]) : undefined;
    const span = line === undefined ? undefined : spanAtLine(spans, line);
    const entry = span ? span.key || `@${span.type}` : undefined;
    const what = friendlyBibtexError(reason);
    return fail({
      message: `${fileName}: ${entry ? `the entry "${entry}" (line ${span!.line}) cannot be read` : 'the file cannot be read'}: ${what}${where ? ` at line ${where[1]}, column ${where[2]}` : ''}`,
      ...(entry ? { entry } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }
  const byKey = new Map(data.map((s) => [s.key, s]));
  if (items.length < data.length) {
    const read = new Set(items.map((i) => String((i as Json)['citation-key'] ?? (i as Json).id)));
    const missed = data.find((s) => !read.has(s.key)) ?? data[items.length]!;
    return fail({ message: `${fileName}: the entry "${missed.key}" (line ${missed.line}) could not be read`, entry: missed.key, line: missed.line });
  }
  const sources: NewSource[] = [];
  for (const [index, item] of items.entries()) {
    const key = String((item as Json)['citation-key'] ?? (item as Json).id ?? '');
    const span = byKey.get(key) ?? data[index];
    const source = sourceFromCsl(bracedNamesAsLiterals(item as Json), key || `#${index + 1}`, span?.line ?? 1, fileName);
    if (!source.ok) return source;
    sources.push(source.value);
  }
  return ok(sources);
}

/** A BibTeX name in braces ({Port of Maasgate Authority}) is a body, not a family name: CSL calls it a literal. */
function bracedNamesAsLiterals(item: Json): Json {
  const out: Json = { ...item };
  for (const key of CSL_NAME_VARIABLES) {
    const names = out[key];
    if (!Array.isArray(names)) continue;
    out[key] = names.map((name: unknown) => {
      const { family, ...rest } = (name ?? {}) as Json;
      return typeof family === 'string' && Object.keys(rest).length === 0 ? { literal: family } : name;
    });
  }
  return out;
}

/** The parser's "expected "rbrace", got "identifier"" in words. */
function friendlyBibtexError(reason: string): string {
  const tokens: Record<string, string> = { rbrace: '"}"', lbrace: '"{"', equals: '"="', comma: '","', identifier: 'a field name', label: 'a citation key', quote: 'a quote', EOF: 'the end of the file', at: '"@"', number: 'a number', hash: '"#"' };
  const match = /expected "?(\w+)"?, got "?(\w+)"?/.exec(reason);
  if (!match) return reason.replace(/ at line \d+ col \d+.*$/, '');
  return `expected ${tokens[match[1]!] ?? match[1]} but found ${tokens[match[2]!] ?? match[2]}`;
}

/** A CSL item as a NewSource: the form's fields where CSL has them, every other field kept. */
function sourceFromCsl(item: Json, entry: string, line: number, fileName: string): Result<NewSource, ReferenceImportError> {
  const problem = (what: string) => fail({ message: `${fileName}: the entry "${entry}" (line ${line}) ${what}`, entry, line });
  const checked = cslItemSchema.safeParse({ ...item, id: 'import' });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return problem(`has a bad ${issue?.path.length ? issue.path.join('.') : 'value'}: ${issue?.message ?? 'invalid'}`);
  }
  const csl: Json = { ...checked.data };
  delete csl.id;
  // The key the reference had where it came from; the library gives the source an id of its own.
  if (csl['citation-key'] === undefined && item.id !== undefined) csl['citation-key'] = entry;
  const title = typeof csl.title === 'string' ? csl.title.trim() : '';
  if (!title) return problem('has no title, and a source needs one');
  const fields: SourceFields = { type: checked.data.type, title };
  if (checked.data.author?.length) fields.author = checked.data.author;
  const issued = cslDateLabel(checked.data.issued);
  if (/^\d{4}(-\d{2}){0,2}$/.test(issued) && checked.data.issued?.['date-parts']?.length === 1) fields.issued = issued;
  for (const key of ['container-title', 'publisher', 'language', 'URL', 'note'] as const) {
    const value = checked.data[key];
    if (typeof value === 'string' && value.trim()) fields[key] = value;
  }
  const valid = sourceFieldsSchema.safeParse(fields);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    return problem(`has a bad ${issue?.path.join('.') ?? 'field'}: ${issue?.message ?? 'invalid'}`);
  }
  return ok({ fields: valid.data, csl: csl as Partial<CslItem>, snapshot: null });
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * citation-js writes the issued month as `{nov 25}` (or `{11}`), which BibTeX takes as a
 * literal string: the month becomes the bare macro (`month = nov`), and a day goes into
 * BibLaTeX's `date` field (which BibTeX ignores), so the full date reads back.
 */
function bibtexMonth(entry: string, item: unknown): string {
  const issued = (item as { issued?: { 'date-parts'?: unknown[][] } } | null)?.issued;
  const parts = Array.isArray(issued?.['date-parts']?.[0]) ? issued['date-parts'][0] : [];
  const [year, month, day] = parts.map((p) => Number(p));
  const macro = month && Number.isInteger(month) ? MONTH_MACROS[month - 1] : undefined;
  const monthLine = /^(\s*)month = \{[^\n]*\},?$/m;
  if (!monthLine.test(entry)) return entry;
  if (!macro) return entry.replace(/^\s*month = \{[^\n]*\},?\n?/m, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = year && day && Number.isInteger(day) && !/^\s*date = /m.test(entry) ? `,\n$1date = {${String(year).padStart(4, '0')}-${pad(month!)}-${pad(day)}}` : '';
  return entry.replace(monthLine, `$1month = ${macro}${date},`);
}

/** The items as a CSL-JSON file (valid against CSL 1.0.2) or as BibTeX. */
export function exportReferences(items: CslItem[], format: 'csl' | 'bibtex'): string {
  const cleaned = items.map(cleanCslItem);
  if (format === 'csl') return `${JSON.stringify(cleaned, null, 2)}\n`;
  void bibtexPlugin;
  return cleaned
    .map((item) => {
      try {
        return bibtexMonth(plugins.output.format('bibtex', [item], { format: 'text' }).trim(), item);
      } catch (error) {
        // One item citation-js cannot write does not cost the others: it is named in a comment.
        return `% ${String(item.id)} could not be written as BibTeX (${error instanceof Error ? error.message : String(error)})`;
      }
    })
    .join('\n\n')
    .concat('\n');
}
