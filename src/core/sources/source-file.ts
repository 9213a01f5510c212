/**
 * Reading and writing one source file, `sources/<id>.json`: text to a checked SourceFile
 * (unknown fields kept), back to the bytes Copydesk writes, and the summary the library
 * shows.
 */
import { fail, ok, type Result } from '../../shared/result';
import { slugify } from '../../shared/slug';
import {
  cslDateLabel,
  nameLabel,
  normalizeUrl,
  SOURCE_SCHEMA_VERSION,
  sourceFileSchema,
  type SourceFile,
  type SourceSummary,
} from '../../shared/source';
import { sha256Hex } from '../storage/sha256';

/** sha-256 of a snapshot's text as UTF-8, hex. */
export function textHash(text: string): string {
  return sha256Hex(text);
}

/** Parses a source file's text. */
export function parseSourceText(text: string): Result<SourceFile> {
  if (text.length === 0) return fail('the file is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('the file is not valid JSON (it may be truncated)');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('the file is not a source (expected a JSON object)');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number') return fail('it has no schemaVersion, so it is not a Copydesk source');
  if (version > SOURCE_SCHEMA_VERSION) return fail(`it was written by a newer Copydesk (schemaVersion ${version}); update Copydesk to open it`);
  const checked = sourceFileSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues[0];
    return fail(`${first?.path.length ? first.path.join('.') : 'the file'}: ${first?.message ?? 'invalid'}`);
  }
  return ok(checked.data);
}

/** Stable JSON, one field a line; the snapshot's text is one (long) line. */
export function serializeSource(source: SourceFile): string {
  const { schemaVersion, id, csl, snapshot, addedAt, ...unknown } = source;
  return `${JSON.stringify({ schemaVersion, id, csl, snapshot, addedAt, ...unknown }, null, 2)}\n`;
}

export function summarizeSource(source: SourceFile, slug: string): SourceSummary {
  const { csl, snapshot } = source;
  return {
    id: source.id,
    slug,
    title: csl.title ?? '',
    type: csl.type,
    authors: (csl.author ?? []).map(nameLabel).filter(Boolean).join('; '),
    issued: cslDateLabel(csl.issued),
    container: csl['container-title'] ?? csl.publisher ?? '',
    url: csl.URL ? normalizeUrl(csl.URL) : '',
    origin: snapshot?.origin ?? null,
    snapshotChars: snapshot?.text.length ?? 0,
    sha256: snapshot ? (snapshot.sha256 ?? textHash(snapshot.text)) : '',
    addedAt: source.addedAt,
  };
}

/** A readable id for a new source: its title and date, as a file name (`maasgate-talks-2026-11-10`). */
export function sourceIdFor(title: string, issued: string): string {
  const base = slugify(title, 'source').split('-').slice(0, 8).join('-');
  return issued ? `${base}-${slugify(issued)}` : base;
}
