/**
 * `copydesk export` and `copydesk import-bundle`: publish-ready bundles from a terminal,
 * through the same API host and gate as the app.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CommandError, EXIT, resolveArticle, usageError, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

export interface ExportOptions {
  out?: string | undefined;
  zip: boolean;
  at?: string | undefined;
  override?: string | undefined;
  status?: string | undefined;
  json: boolean;
}

export async function exportArticles(session: Session, names: string[], options: ExportOptions): Promise<string> {
  if (!options.out) throw usageError('export needs --out DIR, the folder the bundles go into.');
  if (options.at !== undefined && Number.isNaN(Date.parse(options.at))) throw usageError(`--at must be an ISO time such as 2026-11-28T09:00:00Z, not "${t(options.at)}".`);
  if (options.status !== undefined && !['draft', 'in-review', 'approved'].includes(options.status)) throw usageError('--status must be draft, in-review or approved.');
  if (!names.length && !options.status) throw usageError('name the articles to export (id or file name), or pick them with --status approved.');
  const outDir = path.resolve(options.out);
  const existing = await stat(outDir).catch(() => null);
  if (existing && !existing.isDirectory()) throw usageError(`${t(outDir)} is a file; --out must be a folder.`);
  const ids = new Set<string>();
  for (const name of names) ids.add((await resolveArticle(session, name)).id);
  if (options.status) {
    const { articles } = await session.call('articles.list', {});
    for (const a of articles) if (a.status === options.status) ids.add(a.id);
  }
  if (!ids.size) return `No ${options.status} articles to export.`;
  const result = await session.call('export.articles', {
    ids: [...ids],
    outDir,
    zip: options.zip,
    ...(options.at ? { at: new Date(options.at).toISOString() } : {}),
    ...(options.override ? { override: options.override } : {}),
  });
  const { articles } = await session.call('articles.list', {});
  const headline = (id: string) => t(articles.find((a) => a.id === id)?.headline || id);
  if (options.json) {
    const text = terminalJson(result, 2);
    if (result.refused.length || result.failed.length) throw new CommandError(text, result.failed.length && !result.refused.length ? EXIT.usage : EXIT.problem, true);
    return text;
  }
  const lines: string[] = [];
  for (const e of result.exported) lines.push(`Exported “${headline(e.articleId)}” to ${t(e.folder)}${e.zipFile ? ` and ${t(e.zipFile)}` : ''}`);
  for (const r of result.refused) {
    lines.push(`Not exported: “${headline(r.articleId)}” — the gate refused it:`);
    for (const p of r.problems) lines.push(`  - ${t(p.message)}`);
  }
  for (const f of result.failed) lines.push(`Failed: “${headline(f.articleId)}”: ${t(f.message)}`);
  if (result.refused.length) lines.push('', 'Fix what is listed, or export with --override "a written reason" (it is recorded in the manifest).');
  const text = lines.join('\n');
  // A refusal is the gate's verdict (1); a write that failed is the output's fault (2).
  if (result.refused.length) throw new CommandError(text, EXIT.problem, true);
  if (result.failed.length) throw new CommandError(text, EXIT.usage, true);
  return text;
}

export async function importBundle(session: Session, target: string, json: boolean): Promise<string> {
  const full = path.resolve(target);
  if (!(await stat(full).catch(() => null))) throw usageError(`${t(target)} does not exist.`);
  const result = await session.call('export.importBundle', { path: full });
  if (json) return terminalJson(result, 2);
  const reused = result.sources.filter((s) => s.reused).length;
  const added = result.sources.length - reused;
  const sources = result.sources.length
    ? `with ${countOf(result.sources.length, 'source')}: ${added} added to the library, ${reused} already there`
    : 'with no sources';
  return [
    `Imported as articles/${t(result.slug)}.json (a draft), ${sources}.`,
    result.articleId,
  ].join('\n');
}
