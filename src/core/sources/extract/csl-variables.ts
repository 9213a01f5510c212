/**
 * The variables of CSL-JSON 1.0.2 (resources/standards/csl/csl-data.json) by kind, and an item
 * cleaned to exactly that schema for export: a value of the wrong shape, or a field CSL does
 * not have, moves into `custom` (CSL's place for "additional information"), so nothing the
 * user kept is lost and every reader of CSL-JSON accepts the file.
 */
import { CSL_TYPES, type CslItem } from '../../../shared/source';

export const CSL_STRING_VARIABLES = [
  'citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive', 'archive_collection', 'archive_location',
  'archive-place', 'authority', 'call-number', 'citation-label', 'collection-title', 'container-title', 'container-title-short', 'dimensions',
  'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note',
  'original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place', 'references',
  'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status', 'title', 'title-short', 'URL', 'version', 'volume-title',
  'volume-title-short', 'year-suffix',
] as const;
export const CSL_NUMBER_VARIABLES = [
  'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator', 'number',
  'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing', 'supplement', 'volume',
] as const;
export const CSL_NAME_VARIABLES = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor',
  'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator', 'organizer', 'original-author',
  'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator',
] as const;
export const CSL_DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const;

const STRINGS = new Set<string>(CSL_STRING_VARIABLES);
const NUMBERS = new Set<string>(CSL_NUMBER_VARIABLES);
const NAMES = new Set<string>(CSL_NAME_VARIABLES);
const DATES = new Set<string>(CSL_DATE_VARIABLES);
const TYPES = new Set<string>(CSL_TYPES);
const NAME_STRINGS = ['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'literal'];
const NAME_FLAGS = ['comma-suffix', 'static-ordering', 'parse-names'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** An item as strict CSL-JSON 1.0.2; what does not fit goes to `custom`. */
export function cleanCslItem(item: CslItem): Json {
  const out: Json = { id: isScalar(item.id) ? item.id : String(item.id), type: TYPES.has(item.type) ? item.type : 'document' };
  const custom: Json = isObject(item.custom) ? { ...item.custom } : {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key === 'type' || key === 'custom' || value === undefined) continue;
    const cleaned = cleanValue(key, value);
    if (cleaned === undefined) custom[key] = value;
    else out[key] = cleaned;
  }
  if (Object.keys(custom).length) out.custom = custom;
  return out;
}

function cleanValue(key: string, value: unknown): unknown {
  if (STRINGS.has(key)) return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  if (NUMBERS.has(key)) return isScalar(value) ? value : undefined;
  if (key === 'categories') return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  if (NAMES.has(key)) {
    if (!Array.isArray(value)) return undefined;
    const names = value.map(cleanName);
    return names.every(Boolean) ? names : undefined;
  }
  if (DATES.has(key)) return cleanDate(value);
  return undefined;
}

function cleanName(name: unknown): Json | null {
  if (!isObject(name)) return null;
  const out: Json = {};
  for (const key of NAME_STRINGS) if (typeof name[key] === 'string') out[key] = name[key];
  for (const key of NAME_FLAGS) if (isScalar(name[key]) || typeof name[key] === 'boolean') out[key] = name[key];
  return Object.keys(out).length ? out : null;
}

function cleanDate(date: unknown): Json | undefined {
  if (!isObject(date)) return typeof date === 'string' ? { raw: date } : undefined;
  const out: Json = {};
  const parts = date['date-parts'];
  if (
    Array.isArray(parts) &&
    parts.length >= 1 &&
    parts.length <= 2 &&
    parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every(isScalar))
  ) {
    out['date-parts'] = parts;
  }
  if (isScalar(date.season)) out.season = date.season;
  if (isScalar(date.circa) || typeof date.circa === 'boolean') out.circa = date.circa;
  if (typeof date.literal === 'string') out.literal = date.literal;
  if (typeof date.raw === 'string') out.raw = date.raw;
  return Object.keys(out).length ? out : undefined;
}
