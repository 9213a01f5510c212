/** Pure helpers on an article's fields, for the form and what it saves. */
import type { ArticleMeta, ArticleMetaPatch } from '../../../shared/article';

/** The fields a save may write: everything but the dates the workspace keeps and the status (its own call). */
export function editableMeta(meta: ArticleMeta): ArticleMetaPatch {
  const { createdAt: _created, updatedAt: _updated, status: _status, ...rest } = meta;
  return rest;
}

/** The fields the form shows (its sources included): what "Keep mine" writes over the version on disk. */
export function shownMeta(meta: ArticleMeta): ArticleMetaPatch {
  const { headline, dek, kicker, section, bylines, dateline, sourceIds, language, aiDisclosure, aiUse } = meta;
  return { headline, dek, kicker, section, bylines, dateline, sourceIds, language, aiDisclosure, ...(aiUse ? { aiUse } : {}) };
}

/** Bylines as typed ("Ana Lima, Tom Berg") into the list the article keeps. */
export function bylinesFromText(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** True for a draft nobody has written anything in: its fields (and sources), and the body's text, empty. */
export function isBlankDraft(meta: ArticleMeta, bodyText: string): boolean {
  const fieldsEmpty =
    !meta.headline && !meta.dek && !meta.kicker && !meta.section && !meta.dateline && meta.bylines.length === 0 && meta.sourceIds.length === 0;
  return meta.status === 'draft' && fieldsEmpty && bodyText.trim() === '';
}
