/**
 * The workspace's tag vocabulary, and renaming a tag across it: every article carrying the
 * tag is rewritten through the article store (durably, each on its own, its revision
 * checked as it is read), so one that cannot be changed is reported and the others still
 * change. Undo is the reverse rename on exactly the articles changed (`ids`).
 */
import type { TagCount, TagRenameResult } from '../../shared/library';
import { ApiError } from '../../shared/errors';
import type { ArticleStore } from '../articles/article-store';

/** Every tag with the number of articles carrying it, by name. */
export function listTags(articles: ArticleStore): TagCount[] {
  const counts = new Map<string, number>();
  for (const { summary } of articles.folder.registry.entries()) {
    for (const tag of new Set(summary.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1));
}

/** The tags with `from` renamed to `to` (once, where `from` stood), or null when `from` is not among them. */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.includes(from)) return null;
  const out: string[] = [];
  for (const tag of tags) {
    const next = tag === from ? to : tag;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

export async function renameTag(articles: ArticleStore, request: { from: string; to: string; ids?: string[] | undefined }): Promise<TagRenameResult> {
  const from = request.from.trim();
  const to = request.to.trim();
  if (from === to) throw new ApiError('invalid-request', `to: the new name is the tag's name already ("${to}")`, [{ path: 'to', message: 'is the same as from' }]);
  const entries = articles.folder.registry.entries();
  const merged = entries.some((e) => e.summary.tags.includes(to));
  const only = request.ids ? new Set(request.ids) : null;
  const carrying = entries.filter((e) => e.summary.tags.includes(from) && (!only || only.has(e.summary.id)));
  if (!carrying.length && !only) throw new ApiError('not-found', `No article carries the tag "${from}".`);
  const result: TagRenameResult = { changed: [], merged, failed: [] };
  for (const entry of carrying) {
    const { id, headline } = entry.summary;
    try {
      const saved = await articles.editMeta(id, (meta) => {
        const tags = renamedTags(meta.tags, from, to);
        return tags ? { ...meta, tags } : null;
      });
      if (saved) result.changed.push({ id, headline: saved.summary.headline, slug: saved.slug });
    } catch (error) {
      result.failed.push({ id, headline, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
