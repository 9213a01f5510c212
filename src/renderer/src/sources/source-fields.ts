/**
 * A source's fields as the forms show them (plain text boxes) and as the API takes them
 * (CSL): authors typed as "Given Family; Given Family", the type picked from a short list
 * first, and the host's complaints put beside the field they name.
 */
import type { ApiIssue } from '../../../shared/errors';
import { CSL_TYPES, cslDateLabel, type CslType } from '../../../shared/csl';
import { MAX_SNAPSHOT_CHARS, snapshotTooLong } from '../../../shared/limits';
import type { CslName, Source, SourceFields } from '../../../shared/source';

/** The types a newsroom uses most, first in the picker; every other CSL type follows. */
export const COMMON_TYPES: ReadonlyArray<{ type: CslType; label: string }> = [
  { type: 'webpage', label: 'Web page' },
  { type: 'article-newspaper', label: 'News article' },
  { type: 'report', label: 'Report' },
  { type: 'interview', label: 'Interview' },
  { type: 'document', label: 'Press release or document' },
  { type: 'dataset', label: 'Dataset' },
  { type: 'speech', label: 'Speech' },
  { type: 'legislation', label: 'Law or bill' },
];

export const OTHER_TYPES: readonly CslType[] = CSL_TYPES.filter((type) => !COMMON_TYPES.some((c) => c.type === type));

/** "News article" for article-newspaper; other CSL types as they are, spaced. */
export function typeLabel(type: string): string {
  return COMMON_TYPES.find((c) => c.type === type)?.label ?? type.replace(/[-_]/g, ' ');
}

/** The fields of the forms, as typed. */
export interface SourceForm {
  title: string;
  type: CslType;
  authors: string;
  issued: string;
  container: string;
  url: string;
}

export type FormField = keyof SourceForm | 'text' | 'file';

export const EMPTY_FORM: SourceForm = { title: '', type: 'webpage', authors: '', issued: '', container: '', url: '' };

/** Words that belong to a family name ("van der Berg", "da Silva"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'di', 'al', 'el', 'bin', 'ibn']);

/**
 * "Anna Verhoeven; Ludwig van Beethoven; Dijkhuis, Joost; {Port of Maasgate Authority}" as
 * CSL names: the last word is the family name (with its particles), a comma puts the family
 * first, braces keep an organisation's name whole, one word alone is a name as it is.
 */
export function authorsFromText(text: string): CslName[] {
  const names: CslName[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim().replace(/\s+/g, ' ');
    if (!entry) continue;
    const literal = /^\{(.+)\}$/.exec(entry);
    if (literal) {
      names.push({ literal: literal[1]!.trim() });
      continue;
    }
    const comma = entry.indexOf(',');
    if (comma > 0) {
      const family = entry.slice(0, comma).trim();
      const given = entry.slice(comma + 1).trim();
      names.push(given ? { family, given } : { literal: family });
      continue;
    }
    const words = entry.split(' ');
    if (words.length === 1) {
      names.push({ literal: entry });
      continue;
    }
    let split = words.length - 1;
    while (split > 1 && PARTICLES.has(words[split - 1]!.toLowerCase())) split -= 1;
    names.push({ given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') });
  }
  return names;
}

/** CSL names back as the field shows them. */
export function authorsToText(names: readonly CslName[] | undefined): string {
  return (names ?? [])
    .map((name) => {
      if (name.literal) return name.literal.includes(' ') ? `{${name.literal}}` : name.literal;
      return [name.given, name.family].filter(Boolean).join(' ');
    })
    .filter(Boolean)
    .join('; ');
}

/** The form as the API's fields; fields left empty are left out. */
export function fieldsFromForm(form: SourceForm): SourceFields {
  const fields: SourceFields = { type: form.type, title: form.title.trim() };
  const author = authorsFromText(form.authors);
  if (author.length) fields.author = author;
  if (form.issued.trim()) fields.issued = form.issued.trim();
  if (form.container.trim()) fields['container-title'] = form.container.trim();
  if (form.url.trim()) fields.URL = form.url.trim();
  return fields;
}

/** A source's fields as the form shows them, for editing. */
export function formFromSource(source: Source): SourceForm {
  const { csl } = source;
  return {
    title: csl.title ?? '',
    type: csl.type,
    authors: authorsToText(csl.author),
    issued: cslDateLabel(csl.issued),
    container: csl['container-title'] ?? csl.publisher ?? '',
    url: csl.URL ?? '',
  };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Text pasted as a snapshot over the snapshot limit, refused before it is sent; null when it fits. */
export function snapshotTextProblem(text: string): string | null {
  return text.length > MAX_SNAPSHOT_CHARS ? snapshotTooLong(text.length) : null;
}

/** What the form can tell before asking the host: a title, and a date the host can read. */
export function formProblems(form: SourceForm): Partial<Record<FormField, string>> {
  const problems: Partial<Record<FormField, string>> = {};
  if (!form.title.trim()) problems.title = 'A source needs a title.';
  if (form.issued.trim() && !DATE.test(form.issued.trim())) problems.issued = 'Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).';
  return problems;
}

const FIELD_OF_PATH: Record<string, FormField> = {
  'fields.title': 'title',
  'fields.type': 'type',
  'fields.author': 'authors',
  'fields.issued': 'issued',
  'fields.container-title': 'container',
  'fields.publisher': 'container',
  'fields.URL': 'url',
  url: 'url',
  'snapshot.text': 'text',
  snapshot: 'text',
  fileName: 'file',
  data: 'file',
};

/** The host's issues by the form field they name; the rest under `other`. */
export function issuesByField(issues: readonly ApiIssue[] | undefined): { fields: Partial<Record<FormField, string>>; other: string[] } {
  const fields: Partial<Record<FormField, string>> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const path = Object.keys(FIELD_OF_PATH).find((known) => issue.path === known || issue.path.startsWith(`${known}.`));
    const field = path ? FIELD_OF_PATH[path] : undefined;
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) other.push(`${issue.path}: ${issue.message}`);
  }
  return { fields, other };
}
