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
import { isUtf8 } from 'node:buffer';
import { bodyStats, carryBodyStats } from '../../document/body-stats';
import { MAX_BODY_DEPTH, valueShapeProblem } from '../../shared/body-limits';
import { fail, ok, type Result } from '../../shared/result';

/** A file's article, or why it is not one (in words, for the damaged-file list). */
export type ParsedArticle = Result<ArticleFile>;

/**
 * Migrations from each older schemaVersion to the next. Version 1 is the first, so the
 * table is empty; a future version adds `1: (raw) => ({ ...raw, schemaVersion: 2, ... })`.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** Brings a parsed file up to the current schema version, keeping every field it has. */
export function migrateArticle(raw: Record<string, unknown>): Result<Record<string, unknown>> {
  let current = raw;
  if (typeof current.schemaVersion !== 'number' || !Number.isInteger(current.schemaVersion)) {
    return fail('it has no schemaVersion, so it is not a Copydesk article');
  }
  let version: number = current.schemaVersion;
  if (version > ARTICLE_SCHEMA_VERSION) {
    return fail(`it was written by a newer Copydesk (schemaVersion ${version}); update Copydesk to open it`);
  }
  while (version < ARTICLE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return fail(`schemaVersion ${version} is not one Copydesk ever wrote`);
    current = step(current);
    version = current.schemaVersion as number;
  }
  return ok(current);
}

/** Parses a file's text (already checked to be UTF-8 by the reader). */
export function parseArticleText(text: string): ParsedArticle {
  if (text.length === 0) return fail('the file is empty');
  if (text.includes('\0')) return fail('the file contains NUL bytes (it may be truncated or overwritten)');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(error instanceof RangeError ? 'it is nested too deeply to read' : 'the file is not valid JSON (it may be truncated)');
  }
  // Walked without recursion before anything else walks it: the schema, the summary and
  // the serializer can then never meet nesting deeper than an article has.
  const shape = fileShapeProblem(raw as Record<string, unknown>);
  if (shape) return fail(shape);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('the file is not an article (expected a JSON object)');
  }
  const migrated = migrateArticle(raw as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const checked = articleFileSchema.safeParse(migrated.value);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : 'the file';
    return fail(`${where}: ${first?.message ?? 'invalid'}`);
  }
  carryBodyStats((raw as { body?: unknown }).body, checked.data.body);
  return ok(checked.data);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const STATUSES: ReadonlySet<unknown> = new Set(['draft', 'in-review', 'approved']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const isTextList = (v: unknown, max: number, items: number) => Array.isArray(v) && v.length <= items && v.every((x) => isText(x, max));

/**
 * An article file's summary at a rebuild of the index, without running the schema, which
 * costs more than reading and parsing the file: when the frame and every field of the meta
 * have the types and limits the schema wants, the summary is made from the parsed JSON (the
 * body's limits checked in the same one walk that counts its words). Anything else gives
 * null, and the file goes through parseArticleText, which says what is wrong. The review's
 * inner fields are checked when the article is first opened.
 */
export function quickSummary(text: string, slug: string): { id: string; summary: ArticleSummary } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.schemaVersion !== ARTICLE_SCHEMA_VERSION || typeof raw.id !== 'string' || !UUID.test(raw.id)) return null;
  const { meta, body, review } = raw;
  if (!isObject(meta) || !isObject(body) || !isObject(review) || !Array.isArray(review.decisions)) return null;
  if (review.history !== undefined && !Array.isArray(review.history)) return null;
  const root = body.root;
  if (!isObject(root) || root.type !== 'root' || !Array.isArray(root.children) || !root.children.every((c) => isObject(c) && typeof c.type === 'string')) return null;
  const fine =
    isText(meta.headline, 500) &&
    isText(meta.dek, 5_000) &&
    isText(meta.kicker, 100) &&
    isText(meta.section, 100) &&
    isTextList(meta.bylines, 200, 20) &&
    isText(meta.dateline, 200) &&
    isText(meta.language, 35) &&
    isTextList(meta.tags, 100, 100) &&
    STATUSES.has(meta.status) &&
    isText(meta.aiDisclosure, 1_000) &&
    typeof meta.slugLocked === 'boolean' &&
    isTextList(meta.sourceIds, Infinity, 1_000) &&
    isTextList(meta.related, Infinity, 1_000) &&
    typeof meta.createdAt === 'string' &&
    ISO_DATE.test(meta.createdAt) &&
    typeof meta.updatedAt === 'string' &&
    ISO_DATE.test(meta.updatedAt);
  if (!fine || fileShapeProblem(raw)) return null;
  return { id: raw.id, summary: summarize(raw as unknown as ArticleFile, slug) };
}

/** Parses a file's bytes; bytes that are not UTF-8 are a damaged file, never silently replaced. */
export function parseArticleBytes(content: Uint8Array | string): ParsedArticle {
  if (typeof content === 'string') return parseArticleText(content);
  if (!isUtf8(content)) return fail(NOT_UTF8);
  return parseArticleText(Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8'));
}

export const NOT_UTF8 = 'the file is not UTF-8 text (saving it would change bytes Copydesk cannot read)';

/** The file within its limits: the body within the body's (as a save would demand), the rest within the file's. */
function fileShapeProblem(raw: Record<string, unknown>): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { body, ...rest } = raw;
  // The one walk of the body: its limits now, its words and attributions kept for the summary.
  const bodyProblem = bodyStats(body).problem;
  if (bodyProblem) return `body: ${bodyProblem}`;
  return valueShapeProblem(rest, MAX_FILE_DEPTH);
}

/** Objects and arrays in a file: the body's own limit plus the frame around it. */
const MAX_FILE_DEPTH = MAX_BODY_DEPTH * 2 + 8;

/**
 * Article files are written to be read and diffed, and compactly: the frame and the meta
 * one field a line, the body one block a line, review decisions one a line. Anything
 * deeper is written on one line, so no request can grow many times its size through
 * indentation. Fields Copydesk does not know keep their place after the ones it does.
 */
export function serializeArticle(article: ArticleFile): string {
  const { schemaVersion, id, meta, body, review, ...unknown } = article;
  // Pieces gathered in one list and joined once: a long body is thousands of blocks, and
  // building the text block by block cost twice the JSON.stringify of the whole article.
  const out: string[] = [];
  layout({ schemaVersion, id, meta, body, review, ...unknown }, 0, out);
  out.push('\n');
  return out.join('');
}

/** Objects expand to depth 2, arrays of objects to depth 3; everything deeper is compact. */
function layout(value: unknown, depth: number, out: string[]): void {
  if (Array.isArray(value)) {
    if (depth > 3 || value.length === 0 || !value.some((item) => typeof item === 'object' && item !== null)) {
      out.push(JSON.stringify(value));
      return;
    }
    const indent = '  '.repeat(depth + 1);
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? `[\n${indent}` : `,\n${indent}`);
      layout(value[i], depth + 1, out);
    }
    out.push(`\n${'  '.repeat(depth)}]`);
    return;
  }
  if (typeof value === 'object' && value !== null && depth <= 2) {
    const indent = '  '.repeat(depth + 1);
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      out.push(`${first ? '{' : ','}\n${indent}${JSON.stringify(key)}: `);
      first = false;
      layout(item, depth + 1, out);
    }
    out.push(first ? '{}' : `\n${'  '.repeat(depth)}}`);
    return;
  }
  out.push(JSON.stringify(value));
}

/** The revision of a file: a short hash of its exact bytes (identity, not security). */
export function revisionOf(bytes: string | Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 20);
}

export function summarize(article: ArticleFile, slug: string): ArticleSummary {
  const stats = bodyStats(article.body);
  return {
    id: article.id,
    slug,
    headline: article.meta.headline,
    dek: article.meta.dek,
    kicker: article.meta.kicker,
    section: article.meta.section,
    bylines: article.meta.bylines,
    language: article.meta.language,
    status: article.meta.status,
    tags: article.meta.tags,
    // Attached, and attributed in the text (an attribution to a source since detached still cites it).
    sourceIds: [...new Set([...article.meta.sourceIds, ...stats.attributedSourceIds])],
    related: article.meta.related,
    // Known only once the review engine has counted them (the workspace fills it in).
    openClaims: null,
    words: stats.words,
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
