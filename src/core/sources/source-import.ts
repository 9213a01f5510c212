/**
 * Sources from outside: a document or saved page, a reference file (CSL-JSON, BibTeX), a
 * web address; and the library (or one article's sources) as a reference file. Reading
 * happens before anything is written: a file that cannot be read imports nothing.
 */
import { ApiError } from '../../shared/errors';
import type { CslItem, SourceFields, SourceSummary } from '../../shared/source';
import type { ArticleStore } from '../articles/article-store';
import { captureSource } from './capture/capture-source';
import { checkCaptureUrl, type CaptureOptions } from './capture/capture-url';
import { extractSource } from './extract/extract-source';
import { exportReferences, parseReferences } from './extract/references';
import type { AddResult, NewSource, SourceStore } from './source-store';

/** The fields a person gave win over the ones read from the file or page. */
function withFields(source: NewSource, fields: SourceFields | undefined): NewSource {
  if (!fields) return source;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined)));
  return { ...source, fields: { ...source.fields, ...given } };
}

/** A document or saved page (its bytes) as a new source. */
export async function importSourceFile(
  sources: SourceStore,
  request: { fileName: string; data: Uint8Array; fields?: SourceFields | undefined; allowDuplicate?: boolean | undefined },
): Promise<AddResult> {
  const extracted = await extractSource(request.fileName, request.data);
  if (!extracted.ok) throw new ApiError('invalid-request', extracted.error, [{ path: 'fileName', message: extracted.error }]);
  return sources.add({ ...withFields(extracted.value, request.fields), allowDuplicate: request.allowDuplicate });
}

/** A web page captured now; when it cannot be reached, says so (the source can still be saved with no snapshot). */
export async function captureSourceAt(
  sources: SourceStore,
  request: { url: string; fields?: SourceFields | undefined; allowDuplicate?: boolean | undefined },
  options: CaptureOptions = {},
): Promise<AddResult> {
  // An address that is no web address is the request's fault; a page that cannot be reached may be back later.
  const address = checkCaptureUrl(request.url);
  if (!address.ok) throw new ApiError('invalid-request', address.error, [{ path: 'url', message: address.error }]);
  const captured = await captureSource(request.url, options);
  if (!captured.ok) throw new ApiError('unavailable', captured.error, [{ path: 'url', message: captured.error }]);
  return sources.add({ ...withFields(captured.value, request.fields), allowDuplicate: request.allowDuplicate });
}

/**
 * Every entry of a CSL-JSON or BibTeX file, all or none: an entry that cannot be read
 * fails the file, named with its line. Entries the library has already are reported, not
 * copied.
 */
export async function importReferenceFile(
  sources: SourceStore,
  request: { fileName: string; text: string },
): Promise<{ added: SourceSummary[]; duplicates: Array<{ title: string; existing: SourceSummary }> }> {
  const parsed = parseReferences(request.fileName, request.text);
  if (!parsed.ok) {
    const { message, entry, line } = parsed.error;
    const where = [entry ? `entry ${entry}` : '', line ? `line ${line}` : ''].filter(Boolean).join(', ');
    throw new ApiError('invalid-request', `${message}${where && !message.includes(where) ? ` (${where})` : ''}. Nothing was imported.`, [
      { path: line ? `${request.fileName}:${line}` : request.fileName, message },
    ]);
  }
  const added: SourceSummary[] = [];
  const duplicates: Array<{ title: string; existing: SourceSummary }> = [];
  for (const source of parsed.value) {
    const result = await sources.add(source);
    if (result.status === 'added') added.push(sources.folder.requireEntry(result.source.id).summary);
    else duplicates.push({ title: source.fields.title ?? '', existing: result.existing });
  }
  return { added, duplicates };
}

/** The library, or the sources one article cites, as CSL-JSON or BibTeX. */
export async function exportSources(
  sources: SourceStore,
  articles: ArticleStore,
  request: { articleId?: string | undefined; format: 'csl' | 'bibtex' },
): Promise<{ text: string; fileName: string; count: number }> {
  let ids = sources.list().sources.map((s) => s.id);
  let stem = 'sources';
  if (request.articleId) {
    const article = await articles.get(request.articleId);
    const cited = new Set(articles.folder.requireEntry(article.id).summary.sourceIds);
    ids = ids.filter((id) => cited.has(id));
    stem = `${article.slug}-sources`;
  }
  const items: CslItem[] = [];
  for (const id of ids) items.push((await sources.get(id)).csl);
  return { text: exportReferences(items, request.format), fileName: `${stem}.${request.format === 'csl' ? 'json' : 'bib'}`, count: items.length };
}
