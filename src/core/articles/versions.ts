/**
 * An article's versions: the files kept in `.copydesk/history/<id>/` (see history.ts),
 * listed newest first with their time, size and a preview, and read back whole for a
 * compare or a restore. A version file is never changed or removed here.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleVersion, ArticleVersionSummary } from '../../shared/article-version';
import type { ArticleMetaPatch } from '../../shared/article';
import { ApiError } from '../../shared/errors';
import { countWords, plainTextFromBody } from '../../document/plain-text';
import { containedPath } from '../storage/contained-path';
import { readUserFile } from '../storage/read-file';
import { HISTORY_KINDS, type HistoryKind } from './history';

/** A version is read whole; one past this is listed, not parsed. */
const MAX_VERSION_BYTES = 64 * 1024 * 1024;
const PREVIEW_CHARS = 240;
const NAME = /^(\d{8}T\d{9}Z)-([a-z-]+)\.json$/;

/** `20261128T043800123Z` back to an ISO date. */
function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

function kindOf(word: string): HistoryKind | null {
  return (HISTORY_KINDS as readonly string[]).includes(word) ? (word as HistoryKind) : null;
}

/** The names of an article's version files, newest first; none when it has no history yet. */
export async function versionNames(historyDir: string, id: string): Promise<string[]> {
  const folder = containedPath(historyDir, id);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => NAME.test(name) && kindOf(NAME.exec(name)![2]!)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** What a version file holds, read loosely: a file left by a gone article has only some fields. */
interface VersionContent {
  meta: Record<string, unknown>;
  body: { root?: unknown } | null;
}

function contentOf(text: string): VersionContent | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const record = value as { meta?: unknown; body?: unknown };
    const meta = typeof record.meta === 'object' && record.meta !== null ? (record.meta as Record<string, unknown>) : {};
    const body = typeof record.body === 'object' && record.body !== null ? (record.body as { root?: unknown }) : null;
    return { meta, body };
  } catch {
    return null;
  }
}

async function readVersionFile(historyDir: string, root: string, id: string, name: string) {
  const match = NAME.exec(name);
  const kind = match ? kindOf(match[2]!) : null;
  if (!match || !kind) throw new ApiError('invalid-request', `versionId: "${name}" is not the name of a version (pick one from the version list).`);
  const file = containedPath(containedPath(historyDir, id), name);
  const read = await readUserFile(file, { root, maxBytes: MAX_VERSION_BYTES });
  if (!read.ok) {
    const failure = read.error;
    if (failure.kind === 'missing') throw new ApiError('not-found', `This article has no version ${name}.`);
    throw new ApiError('damaged', `The version ${name} cannot be read: ${failure.reason}.`);
  }
  return { at: stampToIso(match[1]!), kind, size: read.value.size, text: read.value.text, file: path.relative(root, file).split(path.sep).join('/') };
}

function headlineOf(content: VersionContent | null): string {
  return typeof content?.meta.headline === 'string' ? content.meta.headline : '';
}

/** Every version of the article, newest first: when, why, how big, its headline and the start of its text. */
export async function listVersions(historyDir: string, root: string, id: string): Promise<ArticleVersionSummary[]> {
  const versions: ArticleVersionSummary[] = [];
  for (const name of await versionNames(historyDir, id)) {
    const read = await readVersionFile(historyDir, root, id, name).catch(() => null);
    if (!read) continue; // removed meanwhile, or unreadable: not offered
    const content = contentOf(read.text);
    const text = content ? plainTextFromBody(content.body as never) : '';
    versions.push({
      versionId: name,
      at: read.at,
      kind: read.kind,
      size: read.size,
      headline: headlineOf(content),
      words: countWords(text),
      preview: text.slice(0, PREVIEW_CHARS).replace(/\s+/g, ' ').trim(),
      readable: content !== null && content.body !== null,
    });
  }
  return versions;
}

/** One version whole: its fields, its body and its plain text, for a compare or a restore. */
export async function readVersion(historyDir: string, root: string, id: string, versionId: string): Promise<ArticleVersion> {
  const read = await readVersionFile(historyDir, root, id, versionId);
  const content = contentOf(read.text);
  if (!content || !content.body || typeof content.body.root !== 'object') {
    throw new ApiError('damaged', `The version ${versionId} is not an article Copydesk can read (it stays in ${read.file}).`);
  }
  return {
    versionId,
    at: read.at,
    kind: read.kind,
    size: read.size,
    file: read.file,
    meta: content.meta,
    body: content.body as ArticleVersion['body'],
    text: plainTextFromBody(content.body as never),
  };
}

/** The newest version's name and when it was kept (ms), or null when there is none. */
export async function newestVersion(historyDir: string, id: string): Promise<{ versionId: string; at: number } | null> {
  const [newest] = await versionNames(historyDir, id);
  return newest ? { versionId: newest, at: Date.parse(stampToIso(NAME.exec(newest)![1]!)) } : null;
}

/** A version is kept when edits settle at most this often. */
export const SETTLED_VERSION_INTERVAL_MS = 3 * 60 * 1000;

/** The words of a version's fields a restore puts back (only those of the right type). */
export function restorableMeta(meta: Record<string, unknown>): ArticleMetaPatch {
  const patch: ArticleMetaPatch = {};
  for (const key of ['headline', 'dek', 'kicker', 'section', 'dateline'] as const) {
    const value = meta[key];
    if (typeof value === 'string') patch[key] = value;
  }
  if (Array.isArray(meta.bylines) && meta.bylines.every((b) => typeof b === 'string')) patch.bylines = meta.bylines as string[];
  return patch;
}
