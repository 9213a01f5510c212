/**
 * `copydesk source add|list|export`: the source library from a terminal, through the same
 * API host as the app.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiResponse } from '../../shared/contract';
import type { SourceSummary } from '../../shared/source';
import { readInputFile } from '../input-file';
import { resolveArticle, usageError, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

const REFERENCE_FILE = /\.(bib|bibtex|json)$/i;

export interface SourceAddOptions {
  title?: string | undefined;
  attach?: string | undefined;
  allowDuplicate: boolean;
  json: boolean;
}


/** Adds one source (a file or a web address); with --attach, attaches it to an article. Prints the source id last. */
export async function addSource(session: Session, target: string, options: SourceAddOptions): Promise<string> {
  const article = options.attach ? await resolveArticle(session, options.attach) : null;
  const fields = options.title ? { title: options.title } : undefined;
  const lines: string[] = [];
  let ids: string[];
  const isFile = await stat(target).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile && /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    // An address: only web pages are fetched; anything else is a mistake in the command.
    if (!/^https?:\/\//i.test(target)) throw usageError(`${t(target.split(':')[0] ?? '')}: addresses are not fetched; give an http or https address, or a file.`);
    const result = await session.call('sources.capture', { url: target, fields, allowDuplicate: options.allowDuplicate });
    ids = [describeAdd(result, lines)];
  } else if (REFERENCE_FILE.test(target) && !/\.html?$/i.test(target)) {
    const bytes = await readInputFile(target, 'a source');
    const result = await session.call('sources.importReferences', { fileName: path.basename(target), text: bytes.toString('utf8') });
    for (const s of result.added) lines.push(`Added ${t(s.title)} (sources/${t(s.slug)}.json)`);
    for (const d of result.duplicates) lines.push(`Already in the library: ${t(d.title)} is sources/${t(d.existing.slug)}.json`);
    ids = [...result.added.map((s) => s.id), ...result.duplicates.map((d) => d.existing.id)];
  } else {
    const bytes = await readInputFile(target, 'a source');
    const result = await session.call('sources.importFile', { fileName: path.basename(target), data: bytes.toString('base64'), fields, allowDuplicate: options.allowDuplicate });
    ids = [describeAdd(result, lines)];
  }
  if (article) {
    const current = await session.call('articles.get', { id: article.id });
    const sourceIds = [...new Set([...current.meta.sourceIds, ...ids])];
    if (sourceIds.length !== current.meta.sourceIds.length) {
      await session.call('articles.save', { id: article.id, baseRevision: current.revision, meta: { sourceIds } });
    }
    lines.push(`Attached to “${t(article.headline || article.slug)}” (articles/${t(article.slug)}.json)`);
  }
  if (options.json) return terminalJson({ ids, attachedTo: article?.id ?? null }, 2);
  return [...lines, ...ids].join('\n');
}

function describeAdd(result: ApiResponse<'sources.add'>, lines: string[]): string {
  if (result.status === 'added') {
    const { source } = result;
    const chars = source.snapshot?.text.length ?? 0;
    lines.push(`Added ${t(source.csl.title ?? source.id)} (sources/${t(source.slug)}.json, ${chars ? `${chars.toLocaleString('en')} characters of text` : 'no snapshot'})`);
    return source.id;
  }
  lines.push(
    `Already in the library (the same ${result.matchedBy === 'url' ? 'address' : 'text'}): ${t(result.existing.title)} is sources/${t(result.existing.slug)}.json. Nothing was added; use --allow-duplicate for a second copy.`,
  );
  return result.existing.id;
}

const pad = (text: string, width: number) => (text.length >= width ? `${text.slice(0, width - 1)}…` : text + ' '.repeat(width - text.length));

export async function listSources(session: Session, json: boolean): Promise<string> {
  const { sources, damaged } = await session.call('sources.list', {});
  if (json) return terminalJson({ workspace: session.root, sources, damaged }, 2);
  const lines = [`${countOf(sources.length, 'source')} in ${t(session.root)}`, ''];
  for (const s of sources) {
    lines.push(`${pad(t(s.issued) || '—', 11)} ${pad(snapshotLabel(s), 12)} ${t(s.title) || '(untitled)'}${s.container ? ` — ${t(s.container)}` : ''}`);
    lines.push(`${' '.repeat(24)}sources/${t(s.slug)}.json`);
  }
  if (damaged.length) {
    lines.push('', `${countOf(damaged.length, 'file')} cannot be read (left as they are):`);
    for (const d of damaged) lines.push(`  ${t(d.file)}: ${t(d.reason)}`);
  }
  return lines.join('\n');
}

function snapshotLabel(source: SourceSummary): string {
  if (!source.snapshotChars) return 'no snapshot';
  return source.snapshotChars >= 1000 ? `${Math.round(source.snapshotChars / 1000)}k chars` : `${source.snapshotChars} chars`;
}

export async function exportSources(session: Session, format: string | undefined, articleName: string | undefined): Promise<string> {
  if (format !== 'csl' && format !== 'bibtex') throw usageError('--format must be csl or bibtex.');
  const article = articleName ? await resolveArticle(session, articleName) : null;
  const result = await session.call('sources.export', { format, ...(article ? { articleId: article.id } : {}) });
  // Data for a file or a pipe, but printed to a terminal too: no line may carry a control.
  return result.text.replace(/\n$/, '').split('\n').map(t).join('\n');
}
