/**
 * The outline: the body's subheads as a navigator, opened from the status bar. Picking one
 * puts the caret at its start, in view; Escape closes it with the focus back on its button.
 */
import { useEffect, useRef, useState } from 'react';
import type { OutlineEntry } from '../editor/outline/OutlinePlugin';
import './OutlineMenu.css';

export function OutlineMenu({ entries, onJump }: { entries: OutlineEntry[]; onJump: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    wrap.current?.querySelector<HTMLElement>('.outline__entry')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div
      className="outline"
      ref={wrap}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open) {
          const list = [...(wrap.current?.querySelectorAll<HTMLElement>('.outline__entry') ?? [])];
          const at = list.indexOf(document.activeElement as HTMLElement);
          if (at < 0) return;
          event.preventDefault();
          list[(at + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
        }
      }}
    >
      <button ref={toggle} type="button" className="outline__toggle" aria-expanded={open} aria-controls={open ? 'article-outline' : undefined} onClick={() => setOpen(!open)}>
        Outline ({entries.length})
      </button>
      {open && (
        <nav className="outline__panel" id="article-outline" aria-label="Outline">
          {entries.length === 0 ? (
            <p className="outline__empty">No subheads yet. Type ## and a space at the start of a line for one.</p>
          ) : (
            <ol>
              {entries.map((entry) => (
                <li key={entry.key} className={`outline__item outline__item--h${entry.level}`}>
                  <button
                    type="button"
                    className="outline__entry"
                    onClick={() => {
                      setOpen(false);
                      onJump(entry.key);
                    }}
                  >
                    {entry.text || '(empty subhead)'}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </nav>
      )}
    </div>
  );
}
