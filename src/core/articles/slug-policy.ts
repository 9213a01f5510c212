/**
 * Which file name an article should have. Only a draft's name follows its headline: once a
 * piece is in review or approved, or its slug was fixed by hand, its name (and the URL made
 * from it) stays put.
 */
import type { ArticleFile } from '../../shared/article';
import { slugify } from '../../shared/slug';

/** The slug the article's name should follow, or null when it keeps the name it has. */
export function followedSlug(article: ArticleFile): string | null {
  if (article.meta.slugLocked || article.meta.status !== 'draft') return null;
  return slugify(article.meta.headline);
}
