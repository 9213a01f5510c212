/**
 * The trash, `.copydesk/trash/<stamp>--<slug>.json`: deleted articles, kept whole until
 * restored. The name records when and from where.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { TrashedArticle } from '../../shared/article';
import { slugify } from '../../shared/slug';
import { parseArticleBytes } from './article-file';
import { readUserFile } from '../storage/read-file';

export function trashIdFor(slug: string, now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}--${slug}`;
}

/** The slug an article had before it was trashed, made safe again (the name may have been edited). */
export function slugFromTrashId(trashId: string, headline: string): string {
  const separator = trashId.indexOf('--');
  const part = separator >= 0 ? trashId.slice(separator + 2) : trashId;
  return slugify(part, slugify(headline));
}

/** `20261128T043800123Z` back to an ISO date; empty when the name was changed by hand. */
function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}

/** Largest trashed file looked into for its headline. */
const MAX_TRASHED_BYTES = 64 * 1024 * 1024;

export async function listTrash(trashDir: string, root: string): Promise<TrashedArticle[]> {
  const items: TrashedArticle[] = [];
  for (const name of await readdir(trashDir)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const trashId = name.slice(0, -'.json'.length);
    const read = await readUserFile(path.join(trashDir, name), { root, maxBytes: MAX_TRASHED_BYTES });
    if (!read.ok && read.error.kind === 'missing') continue; // restored or removed meanwhile
    const parsed = read.ok ? parseArticleBytes(read.value.bytes) : { ok: false as const, error: read.error.kind === 'missing' ? 'it is gone' : read.error.reason };
    const headline = parsed.ok ? parsed.value.meta.headline : '';
    items.push({
      trashId,
      slug: slugFromTrashId(trashId, headline),
      id: parsed.ok ? parsed.value.id : '',
      headline: parsed.ok ? headline : `(cannot be restored: ${parsed.error})`,
      deletedAt: stampToIso(trashId.split('--')[0] ?? ''),
    });
  }
  return items.sort((a, b) => (a.trashId < b.trashId ? 1 : -1));
}
