/**
 * Reads what a bundle is made of from the workspace, once: the article, the sources it
 * cites, its related articles, the review check of the same revision, and the gate's
 * problems. Everything after this is pure.
 */
import { attributedSourceIds } from '../../document/attribution-json';
import { imageAssetsIn } from '../../document/image-json';
import { ApiError } from '../../shared/errors';
import type { Source, SourceFile } from '../../shared/source';
import type { Workspace } from '../workspace/workspace';
import type { ArticleState, RelatedArticle } from './bundle-types';
import { gateOf } from './export-gate';

function sourceFileOf(source: Source): SourceFile {
  const file: Record<string, unknown> = { ...source };
  delete file.slug;
  delete file.revision;
  return file as SourceFile;
}

export async function readArticleState(workspace: Workspace, articleId: string, at: Date): Promise<ArticleState> {
  const article = await workspace.articles.get(articleId);
  const check = await workspace.review.check(articleId);
  if (check.article.revision !== article.revision) {
    throw new ApiError('conflict', `“${article.meta.headline || article.slug}” changed on disk while it was being exported. Export it again.`);
  }
  const cited = [...new Set([...attributedSourceIds(article.body), ...article.meta.sourceIds])];
  const sources: SourceFile[] = [];
  const missingSources: string[] = [];
  for (const id of cited) {
    const source = workspace.sources.folder.registry.byId(id) ? await workspace.sources.get(id).catch(() => null) : null;
    if (source) sources.push(sourceFileOf(source));
    else missingSources.push(id);
  }
  const related: RelatedArticle[] = [];
  const missingRelated: string[] = [];
  for (const id of new Set(article.meta.related)) {
    const entry = workspace.articles.folder.registry.byId(id);
    if (entry) related.push({ id, headline: entry.summary.headline, slug: entry.summary.slug });
    else missingRelated.push(id);
  }
  const sourceTitles = new Map(workspace.sources.list().sources.map((s) => [s.id, s.title]));
  const assets: ArticleState['assets'] = [];
  const missingImages: Array<{ asset: string; caption: string; reason: string }> = [];
  for (const image of imageAssetsIn(article.body)) {
    try {
      assets.push({ asset: image.asset, bytes: (await workspace.assets.get(image.asset)).bytes });
    } catch (error) {
      missingImages.push({ ...image, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const gate = gateOf({ article, check, missingRelated, missingSources, missingImages });
  return {
    article,
    sources,
    related,
    check: { ...check, checkedAt: at.toISOString() },
    sourceTitles,
    problems: gate.problems,
    approval: gate.approval,
    assets,
  };
}

/** What stops the article's publication; an empty list when nothing does. */
export async function exportGate(workspace: Workspace, articleId: string): Promise<Pick<ArticleState, 'problems' | 'approval'>> {
  const state = await readArticleState(workspace, articleId, new Date());
  return { problems: state.problems, approval: state.approval };
}
