/**
 * A bundle from an article's state: every file in a fixed order, the manifest last with
 * each other file's size and sha-256. Pure: the same state and export time give the same
 * bytes. The gate refuses an article with problems unless an override gives a reason.
 */
import packageJson from '../../../package.json';
import { isSafeSlug } from '../../shared/slug';
import { ApiError } from '../../shared/errors';
import { serializeArticle } from '../articles/article-file';
import { reportMarkdown } from '../review/review-report';
import { cleanCslItem } from '../sources/extract/csl-variables';
import type { Workspace } from '../workspace/workspace';
import { articleFacts } from './article-facts';
import { articleMarkdown } from './article-markdown';
import { articlePage, sanitizedBody } from './article-page';
import type { ArticleState, Bundle, BundleFile } from './bundle-types';
import { ninjs, pubStatus } from './ninjs';
import { readArticleState } from './article-state';
import { jsonBytes } from './stable-json';
import { approvalOverride } from './export-gate';
import { sha256Hex } from '../storage/sha256';

export const BUNDLE_FORMAT = 'copydesk-bundle/1';
export const GENERATOR = { name: 'Copydesk', version: packageJson.version };

export interface BuildOptions {
  /** The export time: the bundle's dates and the zip's timestamps. */
  at: Date;
  /** A written reason to export past the gate's problems; kept in the manifest. */
  override?: string | undefined;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
export const sha256 = (bytes: Uint8Array) => sha256Hex(bytes);

/** Where a source's snapshot goes in a bundle: its id when that is a safe file name, else its number. */
export function snapshotPath(sourceId: string, number: number): string {
  return `sources/${isSafeSlug(sourceId) ? sourceId : `source-${number}`}.txt`;
}

/** The article file as Copydesk writes it: what an import reads back. */
function articleFile(state: ArticleState): string {
  const file: Record<string, unknown> = { ...state.article };
  delete file.slug;
  delete file.revision;
  return serializeArticle(file as unknown as Parameters<typeof serializeArticle>[0]);
}

export function bundleFromState(state: ArticleState, options: BuildOptions): Bundle {
  const override = options.override?.trim() ?? '';
  const { article, problems } = state;
  if (problems.length && !override) {
    throw new ApiError(
      'refused',
      `“${article.meta.headline || article.slug}” is not ready to publish: ${problems.length} problem${problems.length === 1 ? '' : 's'}. Resolve ${problems.length === 1 ? 'it' : 'them'}, or export with a written reason.`,
      problems.map((p) => ({ path: p.code, message: p.message })),
    );
  }
  // Approved past open claims: the reviewer's reason travels with the bundle.
  const approved = approvalOverride(article);
  const facts = articleFacts(state, options.at);
  const body = sanitizedBody(facts);
  const files: BundleFile[] = [
    { path: 'index.html', bytes: utf8(articlePage(facts, body)) },
    { path: 'article.md', bytes: utf8(articleMarkdown(facts)) },
    { path: 'ninjs.json', bytes: jsonBytes(ninjs(facts, body, pubStatus(article.meta.status, problems.length > 0))) },
    { path: 'sources.json', bytes: jsonBytes(facts.sources.map((s) => ({ ...cleanCslItem(s.source.csl), id: s.source.id }))) },
  ];
  for (const listed of facts.sources) {
    const text = listed.source.snapshot?.text;
    if (text) files.push({ path: snapshotPath(listed.source.id, listed.number), bytes: utf8(text) });
  }
  // Every bundle has its review report: one exported past the gate, or never reviewed, needs it most.
  files.push({ path: 'review.md', bytes: utf8(reportMarkdown({ check: state.check, sourceTitles: state.sourceTitles, history: article.review.history ?? [], body: article.body })) });
  // The body's images, under the names the page and the Markdown use (assets/<sha256>.<ext>).
  for (const { asset, bytes } of [...(state.assets ?? [])].sort((a, b) => (a.asset < b.asset ? -1 : 1))) files.push({ path: asset, bytes });
  files.push({ path: 'article.json', bytes: utf8(articleFile(state)) });
  const manifest = {
    format: BUNDLE_FORMAT,
    generator: GENERATOR,
    article: { id: article.id, slug: article.slug, revision: article.revision, headline: facts.headline, status: article.meta.status },
    exportedAt: facts.exportedAt,
    files: files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256(f.bytes) })),
    ...(problems.length ? { gate: { override, problems } } : {}),
    ...(approved ? { approval: { by: approved.by, at: approved.at, override: approved.override } } : {}),
  };
  files.push({ path: 'manifest.json', bytes: jsonBytes(manifest) });
  return { articleId: article.id, slug: article.slug, revision: article.revision, at: facts.exportedAt, files };
}

/** Builds the bundle of an article as it is saved now. */
export async function buildBundle(workspace: Workspace, articleId: string, options: BuildOptions): Promise<Bundle> {
  if (!Number.isFinite(options.at.getTime())) throw new ApiError('invalid-request', 'at: not a valid date');
  return bundleFromState(await readArticleState(workspace, articleId, options.at), options);
}
