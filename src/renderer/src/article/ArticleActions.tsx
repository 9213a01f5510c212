/**
 * The article's menu: fix or free the slug, duplicate, export, move to the trash.
 */
import { useEffect, useRef, useState } from 'react';
import { slugify } from '../../../shared/slug';
import { api } from '../api';
import { openExportDialog } from '../export/export-dialogs';
import type { Autosave } from './use-autosave';
import './ArticleActions.css';

interface ArticleActionsProps {
  id: string;
  slug: string;
  slugLocked: boolean;
  /** Saves pending edits; false when they could not be saved. */
  flush: () => Promise<boolean>;
  /** Saves pending edits, then renames on top of them (the autosave takes the new revision). */
  change: Autosave['change'];
  /** After a rename: whether the slug is now fixed. */
  onRenamed: (locked: boolean) => void;
  onDeleted: (trashId: string) => void;
  onDuplicated: (id: string) => void;
}

export function ArticleActions({ id, slug, slugLocked, flush, change, onRenamed, onDeleted, onDuplicated }: ArticleActionsProps) {
  const [open, setOpen] = useState(false);
  const [draftSlug, setDraftSlug] = useState(slug);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const run = async (action: () => Promise<void>) => {
    try {
      if (!(await flush())) throw new Error('This article has edits that could not be saved yet; deal with that first.');
      await action();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="actions" ref={menu}>
      <button type="button" className="actions__toggle" aria-haspopup="menu" aria-expanded={open} onClick={() => {
          setDraftSlug(slug);
          setError(null);
          setOpen(!open);
        }}
      >
        Article ▾
      </button>
      {open && (
        <div className="actions__menu" role="menu">
          <form
            className="actions__slug"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await change(() => api.articles.rename({ id, slug: draftSlug }));
                onRenamed(true);
              });
            }}
          >
            <label htmlFor="slug-input">File name (slug)</label>
            <div className="actions__slug-row">
              <input id="slug-input" value={draftSlug} onChange={(e) => setDraftSlug(e.target.value)} spellCheck={false} />
              <button type="submit">Lock</button>
            </div>
            <p className="actions__preview">articles/{slugify(draftSlug, '…')}.json</p>
            <p className="actions__hint">
              {slugLocked
                ? 'Locked: the file name no longer follows the headline.'
                : 'Follows the headline while the article is a draft, until you lock it.'}
            </p>
            {slugLocked && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void run(async () => {
                    await change(() => api.articles.rename({ id, slug: null }));
                    onRenamed(false);
                  })
                }
              >
                Follow the headline again
              </button>
            )}
          </form>
          <button type="button" role="menuitem" onClick={() => void run(async () => onDuplicated((await api.articles.duplicate({ id })).id))}>
            Duplicate
          </button>
          <button type="button" role="menuitem" onClick={() => void run(async () => openExportDialog({ kind: 'article', id }))}>
            Export…
          </button>
          <button
            type="button"
            role="menuitem"
            className="danger"
            onClick={() =>
              void run(async () => {
                onDeleted((await api.articles.delete({ id })).trashId);
              })
            }
          >
            Move to trash
          </button>
          {error && (
            <p className="actions__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
