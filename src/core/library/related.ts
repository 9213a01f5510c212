/**
 * Related-article links. A link is kept in one article's `related` (by id, so renames and
 * moves keep it) and shown from the other side as a backlink. A trashed article's links
 * stay, shown as `trashed`, and work again once it is restored; deleting it for good takes
 * it out of every article that links to it.
 */
import type { ArticleSummary } from '../../shared/article';
import { ApiError } from '../../shared/errors';
import type { RelatedArticle, RelatedLinks } from '../../shared/library';
import type { ArticleStore, SaveResult } from '../articles/article-store';

type LinkResult = RelatedLinks & SaveResult;

/** What the trash holds, by article id: its headline and file name there. */
async function trashedById(articles: ArticleStore): Promise<Map<string, { headline: string; slug: string }>> {
  const trashed = new Map<string, { headline: string; slug: string }>();
  for (const item of await articles.listTrash()) if (item.id) trashed.set(item.id, { headline: item.headline, slug: item.slug });
  return trashed;
}

function itemOf(id: string, summary: ArticleSummary | undefined, trashed: Map<string, { headline: string; slug: string }>): RelatedArticle {
  if (summary) return { id, headline: summary.headline, slug: summary.slug, status: summary.status, state: 'ok' };
  const inTrash = trashed.get(id);
  if (inTrash) return { id, headline: inTrash.headline, slug: inTrash.slug, status: null, state: 'trashed' };
  return { id, headline: '', slug: '', status: null, state: 'missing' };
}

/** The article's links and backlinks, each with its state. */
export async function relatedLinks(articles: ArticleStore, id: string): Promise<RelatedLinks> {
  const registry = articles.folder.registry;
  const own = registry.byId(id);
  if (!own) throw new ApiError('not-found', `No article with id ${id} in this workspace.`);
  const backlinkSummaries = registry
    .entries()
    .map((e) => e.summary)
    .filter((s) => s.id !== id && s.related.includes(id))
    .sort((a, b) => a.headline.localeCompare(b.headline));
  const needsTrash = own.summary.related.some((other) => !registry.byId(other));
  const trashed = needsTrash ? await trashedById(articles) : new Map<string, { headline: string; slug: string }>();
  return {
    related: [...new Set(own.summary.related)].filter((other) => other !== id).map((other) => itemOf(other, registry.byId(other)?.summary, trashed)),
    backlinks: backlinkSummaries.map((s) => itemOf(s.id, s, trashed)),
  };
}

/** Links `id` to `otherId` (kept in `id`'s file). */
export async function relate(articles: ArticleStore, id: string, otherId: string, baseRevision?: string): Promise<LinkResult> {
  if (id === otherId) throw new ApiError('invalid-request', 'otherId: an article cannot be related to itself', [{ path: 'otherId', message: 'is the article itself' }]);
  const registry = articles.folder.registry;
  if (!registry.byId(otherId)) throw new ApiError('not-found', `No article with id ${otherId} in this workspace to relate to.`);
  const saved = await articles.editMeta(id, (meta) => (meta.related.includes(otherId) ? null : { ...meta, related: [...meta.related, otherId] }), baseRevision);
  return { ...(saved ?? (await current(articles, id))), ...(await relatedLinks(articles, id)) };
}

/** Removes the link between the two articles, from whichever holds it (both, if both do). */
export async function unrelate(articles: ArticleStore, id: string, otherId: string, baseRevision?: string): Promise<LinkResult> {
  const without =
    (gone: string) =>
    <M extends { related: string[] }>(meta: M): M | null =>
      meta.related.includes(gone) ? { ...meta, related: meta.related.filter((r) => r !== gone) } : null;
  const saved = await articles.editMeta(id, without(otherId), baseRevision);
  if (articles.folder.registry.byId(otherId)?.summary.related.includes(id)) await articles.editMeta(otherId, without(id));
  return { ...(saved ?? (await current(articles, id))), ...(await relatedLinks(articles, id)) };
}

/** Takes a purged article out of every article that links to it; says which. */
export async function removeLinksTo(articles: ArticleStore, goneId: string): Promise<Array<{ id: string; headline: string }>> {
  // An article of the same id still in the library (a copy put back by hand) keeps its links.
  if (!goneId || articles.folder.registry.byId(goneId)) return [];
  const removed: Array<{ id: string; headline: string }> = [];
  for (const { summary } of articles.folder.registry.entries()) {
    if (!summary.related.includes(goneId)) continue;
    const saved = await articles.editMeta(summary.id, (meta) => ({ ...meta, related: meta.related.filter((r) => r !== goneId) })).catch(() => null);
    if (saved) removed.push({ id: summary.id, headline: saved.summary.headline });
  }
  return removed;
}

async function current(articles: ArticleStore, id: string): Promise<SaveResult> {
  const article = await articles.get(id);
  const summary = articles.folder.requireEntry(id).summary;
  return { summary, revision: article.revision, slug: article.slug };
}
