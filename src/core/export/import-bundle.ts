/**
 * A bundle back into a workspace as a new draft: its sources first — one already in the
 * library (same id and same snapshot, or the same snapshot under another id) is used as
 * it is, the others are added — then the article, with its attributions and source list
 * pointing at the library's ids. Everything is read and checked before anything is
 * written; if the article cannot be created, the sources just added are taken back out.
 */
import type { ArticleFile, ArticleMetaPatch, LexicalBody } from '../../shared/article';
import { cslDateLabel } from '../../shared/source';
import { textHash } from '../sources/source-file';
import type { Workspace } from '../workspace/workspace';
import { READ_LIMITS, type ReadLimits } from './bundle-entries';
import { readBundle, type ReadBundle } from './read-bundle';

export interface ImportedBundle {
  articleId: string;
  slug: string;
  /** The article's id in the bundle (the workspace gives the import a new one). */
  bundleArticleId: string;
  sources: Array<{ bundleId: string; id: string; reused: boolean }>;
}

/** The body with every attribution pointing at the mapped source id. */
function remapAttributions(body: LexicalBody, ids: Map<string, string>): LexicalBody {
  const copy = structuredClone(body);
  const stack: Array<{ type?: unknown; sourceId?: unknown; children?: unknown }> = [copy.root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'attribution' && typeof node.sourceId === 'string') node.sourceId = ids.get(node.sourceId) ?? node.sourceId;
    if (Array.isArray(node.children)) for (const child of node.children) if (typeof child === 'object' && child) stack.push(child as typeof node);
  }
  return copy;
}

function metaPatch(article: ArticleFile, ids: Map<string, string>): ArticleMetaPatch {
  const { meta } = article;
  return {
    headline: meta.headline,
    dek: meta.dek,
    kicker: meta.kicker,
    section: meta.section,
    bylines: meta.bylines,
    dateline: meta.dateline,
    language: meta.language,
    tags: meta.tags,
    aiDisclosure: meta.aiDisclosure,
    ...(meta.aiUse ? { aiUse: meta.aiUse } : {}),
    slugLocked: meta.slugLocked,
    sourceIds: meta.sourceIds.map((id) => ids.get(id) ?? id),
    related: meta.related,
  };
}

/** Puts the bundle's sources in the library, recording each in `placed` as it goes (for a rollback). */
async function placeSources(workspace: Workspace, bundle: ReadBundle, placed: ImportedBundle['sources']): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { csl, text } of bundle.sources) {
    const sha = text ? textHash(text) : '';
    const sameId = workspace.sources.folder.registry.byId(csl.id);
    const sameText = sha ? workspace.sources.folder.registry.entries().find((e) => e.summary.sha256 === sha) : undefined;
    const reuse = sameId && sameId.summary.sha256 === sha ? sameId : sameText;
    if (reuse) {
      ids.set(csl.id, reuse.summary.id);
      placed.push({ bundleId: csl.id, id: reuse.summary.id, reused: true });
      continue;
    }
    const rest: Record<string, unknown> = { ...csl };
    delete rest.id;
    const issued = cslDateLabel(csl.issued);
    const added = await workspace.sources.add({
      fields: { ...(/^\d{4}(-\d{2}){0,2}$/.test(issued) ? { issued } : {}) },
      csl: rest,
      snapshot: text ? { text, origin: 'import' } : null,
      allowDuplicate: true,
    });
    if (added.status !== 'added') throw new Error('the source library refused a source of the bundle');
    ids.set(csl.id, added.source.id);
    placed.push({ bundleId: csl.id, id: added.source.id, reused: false });
  }
  return ids;
}

export async function importBundle(workspace: Workspace, zipOrFolder: string, limits: ReadLimits = READ_LIMITS): Promise<ImportedBundle> {
  const bundle = await readBundle(zipOrFolder, limits);
  const placed: ImportedBundle['sources'] = [];
  try {
    const ids = await placeSources(workspace, bundle, placed);
    // Images are named by their bytes: putting one that is already there changes nothing.
    for (const [name, bytes] of bundle.assets) await workspace.assets.put(bytes, name);
    const article = await workspace.articles.create(metaPatch(bundle.article, ids), remapAttributions(bundle.article.body as LexicalBody, ids));
    return { articleId: article.id, slug: article.slug, bundleArticleId: bundle.article.id, sources: placed };
  } catch (error) {
    for (const source of placed) if (!source.reused) await workspace.sources.delete({ id: source.id, detach: false }).catch(() => undefined);
    throw error;
  }
}
