/**
 * The library list: every article that passes the filters, in the chosen order, drawn as a
 * virtualized list (the page holds a screenful of rows whether there are 10 articles or
 * 10,000). Files that cannot be read are announced at the top, where they are seen.
 *
 * The list is one Tab stop with a roving focus: arrows, Home/End and PageUp/PageDown move,
 * typing the first letters of a headline jumps to it, Enter opens.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DamagedFile } from '../../../shared/article';
import { ArticleRow } from './ArticleRow';
import type { LibrarySnapshot } from './library-store';
import './ArticleList.css';

/** Every row is this tall (headlines are clamped to two lines), so a page is a known number of rows. */
export const ROW_HEIGHT = 100;
/** Type-ahead forgets what was typed after this pause. */
const TYPE_AHEAD_MS = 800;

interface ArticleListProps {
  snapshot: LibrarySnapshot;
  /** The ids to show, in order. */
  order: readonly string[];
  selectedId: string | null;
  selectedDamaged: string | null;
  /** What to say when no article is shown. */
  empty: string;
  onSelect: (id: string) => void;
  onSelectDamaged: (slug: string) => void;
}

export function ArticleList({ snapshot, order, selectedId, selectedDamaged, empty, onSelect, onSelectDamaged }: ArticleListProps) {
  // "just now" becomes "5 min ago" without anything else happening.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const scrollRef = useRef<HTMLDivElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- no React Compiler here: the list renders with the virtualizer each time
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    getItemKey: (index) => order[index] ?? index,
  });

  // The roving focus: the row that takes Tab (and arrows move), by id so a save does not move it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const activeIndex = activeId ? order.indexOf(activeId) : -1;
  const selectedIndex = selectedId ? order.indexOf(selectedId) : -1;
  const items = virtualizer.getVirtualItems();
  const tabIndexRow = [activeIndex, selectedIndex].find((i) => i >= 0 && items.some((item) => item.index === i)) ?? items[0]?.index ?? -1;

  // Focus follows the keys once the row is drawn (it may need a scroll first).
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    if (order.length === 0) return;
    const clamped = Math.max(0, Math.min(order.length - 1, index));
    const id = order[clamped]!;
    setActiveId(id);
    pendingFocus.current = id;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = activeIndex >= 0 ? activeIndex : Math.max(0, tabIndexRow);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: order.length - 1, PageDown: at + page, PageUp: at - page };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key.length === 1 && event.key !== ' ') {
      // Type-ahead: the next headline that starts with what was typed.
      const time = performance.now();
      const text = (time - typed.current.at < TYPE_AHEAD_MS ? typed.current.text : '') + event.key.toLowerCase();
      typed.current = { text, at: time };
      const startFrom = text.length === 1 ? at + 1 : at;
      for (let step = 0; step < order.length; step++) {
        const index = (startFrom + step) % order.length;
        const headline = snapshot.byId.get(order[index]!)?.headline.toLowerCase() ?? '';
        if (headline.startsWith(text)) {
          event.preventDefault();
          moveTo(index);
          return;
        }
      }
    }
  };

  const onFocusRow = useCallback((id: string) => setActiveId(id), []);
  // One callback for every row whatever the parent passes, so the memoized rows stay put when the list redraws.
  const onSelectRef = useRef(onSelect);
  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  const onOpenRow = useCallback((id: string) => onSelectRef.current(id), []);

  return (
    <nav className="library" aria-label="Articles">
      {snapshot.damaged.length > 0 && <DamagedNotice damaged={snapshot.damaged} selected={selectedDamaged} onSelect={onSelectDamaged} />}
      <div className="library__scroll" ref={scrollRef}>
        {order.length === 0 ? (
          <p className="library__empty">{empty}</p>
        ) : (
          <ul className="library__list" aria-label="Articles" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
            {items.map((item) => {
              const id = order[item.index]!;
              const article = snapshot.byId.get(id);
              if (!article) return null;
              return (
                <li
                  key={item.key}
                  className="library__row"
                  aria-setsize={order.length}
                  aria-posinset={item.index + 1}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <ArticleRow
                    article={article}
                    selected={id === selectedId}
                    tabbable={item.index === tabIndexRow}
                    now={now}
                    onOpen={onOpenRow}
                    onFocusRow={onFocusRow}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </nav>
  );
}

/** Files that cannot be read, announced above the articles with their count; the list opens on a click. */
function DamagedNotice({ damaged, selected, onSelect }: { damaged: readonly DamagedFile[]; selected: string | null; onSelect: (slug: string) => void }) {
  const [open, setOpen] = useState(false);
  const count = damaged.length;
  return (
    <section className="library__damaged" aria-label="Files that cannot be read">
      <button type="button" className="library__damaged-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⚠</span> {count === 1 ? '1 file cannot be read' : `${count.toLocaleString('en-US')} files cannot be read`}
        <span className="library__damaged-hint">{open ? 'Hide' : 'Show'}</span>
      </button>
      {open && (
        <ul>
          {damaged.map((d) => (
            <li key={d.slug}>
              <button
                type="button"
                className={`library__damaged-item${d.slug === selected ? ' library__damaged-item--selected' : ''}`}
                aria-current={d.slug === selected ? 'true' : undefined}
                onClick={() => onSelect(d.slug)}
                title={d.reason}
              >
                <span className="library__damaged-file">{d.file}</span>
                <span className="library__damaged-reason">{d.reason}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
