/**
 * The article's menu: fix or free the slug, then a real menu (arrow keys, Home/End,
 * Escape back to its button) of versions, duplicate, export, move to the trash. The menu
 * closes and gives the focus back to its button before an item acts, so a dialog it opens
 * returns there, and focus never falls to the page.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { runCommand, useCommand } from '../shell/command-registry';
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
  const toggle = useRef<HTMLButtonElement>(null);
  const items = useRef<HTMLDivElement>(null);
  /** Set when the menu was opened from the keyboard: its first item takes the focus. */
  const focusFirst = useRef(false);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    if (focusFirst.current) items.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    focusFirst.current = false;
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const show = (fromKeyboard: boolean) => {
    setDraftSlug(slug);
    setError(null);
    focusFirst.current = fromKeyboard;
    setOpen(true);
  };

  /** Closes the menu with the focus back on its button. */
  const dismiss = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const run = async (action: () => Promise<void>) => {
    try {
      if (!(await flush())) throw new Error('This article has edits that could not be saved yet; deal with that first.');
      await action();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // Export… (menu, palette, Ctrl/Cmd+Shift+E) while an article is open exports this one.
  useCommand('export', () => void run(async () => openExportDialog({ kind: 'article', id })));

  /** Arrow keys, Home and End move between the items; Escape closes. */
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dismiss();
      return;
    }
    const list = [...(items.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    list[(to + list.length) % list.length]?.focus();
  };

  return (
    <div className="actions" ref={menu}>
      <button
        ref={toggle}
        type="button"
        className="actions__toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'article-menu' : undefined}
        onClick={() => (open ? setOpen(false) : show(false))}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') && !open) {
            event.preventDefault();
            show(true);
          }
        }}
      >
        Article ▾
      </button>
      {open && (
        <div
          className="actions__menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              dismiss();
            }
          }}
        >
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
          <div role="menu" id="article-menu" aria-label="Article" ref={items} onKeyDown={onMenuKey}>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              dismiss();
              runCommand('versions');
            }}
          >
            Versions…
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => void run(async () => onDuplicated((await api.articles.duplicate({ id })).id))}>
            Duplicate
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              dismiss();
              void run(async () => openExportDialog({ kind: 'article', id }));
            }}
          >
            Export…
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="danger"
            onClick={() =>
              void run(async () => {
                onDeleted((await api.articles.delete({ id })).trashId);
              })
            }
          >
            Move to trash
          </button>
          </div>
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
