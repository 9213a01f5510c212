/**
 * Reading and writing one article file: bytes to a checked ArticleFile (with migrations
 * from older schema versions), and back to the bytes Copydesk writes.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  ARTICLE_SCHEMA_VERSION,
  articleFileSchema,
  emptyBody,
  type ArticleFile,
  type ArticleMetaPatch,
  type ArticleSummary,
} from '../../shared/article';
import { countWords, plainTextFromBody } from '../../document/plain-text';

export type ParsedArticle = { ok: true; article: ArticleFile } | { ok: false; reason: string };

/**
 * Migrations from each older schemaVersion to the next. Version 1 is the first, so the
 * table is empty; a future version adds `1: (raw) => ({ ...raw, schemaVersion: 2, ... })`.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateArticle(raw: Record<string, unknown>): Record<string, unknown> | { error: string } {
  let current = raw;
  if (typeof current.schemaVersion !== 'number' || !Number.isInteger(current.schemaVersion)) {
    return { error: 'it has no schemaVersion, so it is not a Copydesk article' };
  }
  let version: number = current.schemaVersion;
  if (version > ARTICLE_SCHEMA_VERSION) {
    return { error: `it was written by a newer Copydesk (schemaVersion ${version}); update Copydesk to open it` };
  }
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { error: `schemaVersion ${version} is not one Copydesk ever wrote` };
    current = step(current);
    version = current.schemaVersion as number;
  }
  return current;
}

/** Parses a file's bytes (or its text, read as UTF-8). */
export function parseArticleBytes(content: Uint8Array | string): ParsedArticle {
  if (content.length === 0) return { ok: false, reason: 'the file is empty' };
  const text = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  if (text.includes('\0')) return { ok: false, reason: 'the file contains NUL bytes (it may be truncated or overwritten)' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON (it may be truncated)' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'the file is not an article (expected a JSON object)' };
  }
  const migrated = migrateArticle(raw as Record<string, unknown>);
  if ('error' in migrated) return { ok: false, reason: String(migrated.error) };
  const checked = articleFileSchema.safeParse(migrated);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : 'the file';
    return { ok: false, reason: `${where}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, article: checked.data };
}

/** Pretty, stable JSON: article files are meant to be read and diffed. */
export function serializeArticle(article: ArticleFile): string {
  const ordered: ArticleFile = {
    schemaVersion: article.schemaVersion,
    id: article.id,
    meta: article.meta,
    body: article.body,
    review: article.review,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The revision of a file: a short hash of its exact bytes (identity, not security). */
export function revisionOf(bytes: string | Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 20);
}

export function summarize(article: ArticleFile, slug: string): ArticleSummary {
  return {
    id: article.id,
    slug,
    headline: article.meta.headline,
    kicker: article.meta.kicker,
    section: article.meta.section,
    status: article.meta.status,
    tags: article.meta.tags,
    words: countWords(plainTextFromBody(article.body)),
    updatedAt: article.meta.updatedAt,
  };
}

/** A new, empty draft with the given fields filled in. */
export function newArticleFile(meta: ArticleMetaPatch = {}, now = new Date().toISOString()): ArticleFile {
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: randomUUID(),
    meta: {
      headline: '',
      dek: '',
      kicker: '',
      section: '',
      bylines: [],
      dateline: '',
      language: 'en',
      tags: [],
      status: 'draft',
      aiDisclosure: '',
      slugLocked: false,
      sourceIds: [],
      related: [],
      ...meta,
      createdAt: now,
      updatedAt: now,
    },
    body: emptyBody(),
    review: { decisions: [] },
  };
}

/** Line and column (1-based) of the first JSON syntax error in `text`, or nulls. */
export function jsonErrorPosition(text: string): { line: number | null; column: number | null } {
  if (text.trim() === '') return { line: null, column: null };
  try {
    JSON.parse(text);
    return { line: null, column: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const match = /position (\d+)/.exec(message);
    // "Unexpected end of JSON input" has no position: the error is at the very end.
    const at = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : null;
    if (at === null) return { line: null, column: null };
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}

/** The first 20 lines of a file as text, at most 2,000 characters, NUL shown as ␀. */
export function previewOf(text: string): string {
  return text.split('\n').slice(0, 20).join('\n').slice(0, 2000).replace(/\0/g, '␀');
}
