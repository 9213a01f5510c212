/**
 * The command palette (Ctrl/Cmd+Shift+P anywhere, Ctrl/Cmd+K outside the body): open an
 * article by its headline (fuzzy), start a new one, search the library, or run any command
 * that can run now, each with its shortcut. A combobox over a listbox, as screen readers
 * expect; Escape closes it and puts focus back where it was.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import type { CommandId } from '../../../shared/commands';
import { shortcutLabel } from '../../../shared/commands';
import { statusLabel } from '../format';
import type { LibraryStore } from '../library/library-store';
import { acceleratorHere, availableCommands, IS_MAC, runCommand, useCommand } from './command-registry';
import { foldForMatch, fuzzyMatch, type FuzzyMatch } from './fuzzy-match';
import './CommandPalette.css';

interface PaletteItem {
  key: string;
  group: 'Articles' | 'Actions';
  label: string;
  /** Characters of the label to mark as matched. */
  positions: number[];
  detail?: string;
  shortcut?: string;
  run: () => void;
}

interface CommandPaletteProps {
  store: LibraryStore;
  onOpenArticle: (id: string) => void;
  /** Searches the library for the words typed. */
  onSearch: (query: string) => void;
}

const MAX_ARTICLES = 8;

interface Ranked {
  article: ArticleListItem;
  match: FuzzyMatch;
}

export function CommandPalette(props: CommandPaletteProps) {
  const [open, setOpen] = useState(false);
  useCommand('command-palette', () => setOpen(true));
  return open ? <PaletteDialog {...props} onClose={() => setOpen(false)} /> : null;
}

/** Headlines folded once each time the palette opens (it mounts anew), so each keystroke only compares. */
function useFoldedHeadlines(store: LibraryStore) {
  return useMemo(() => {
    const snapshot = store.get();
    return (snapshot?.articles ?? []).map((a) => ({ article: a, folded: foldForMatch(a.headline || 'Untitled') }));
  }, [store]);
}

function PaletteDialog({ store, onOpenArticle, onSearch, onClose }: CommandPaletteProps & { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const headlines = useFoldedHeadlines(store);
  // Where focus was, to go back to when the palette is closed without running anything.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const items = useMemo<PaletteItem[]>(() => {
    const folded = foldForMatch(query);
    // The best few of 10,000 headlines, kept as they come rather than sorting them all.
    const ranked = folded.trim();
    const better = (x: Ranked, y: Ranked) => (ranked ? y.match.score - x.match.score : 0) || (x.article.updatedAt < y.article.updatedAt ? 1 : -1);
    const best: Ranked[] = [];
    for (const { article, folded: text } of headlines) {
      const match = fuzzyMatch(folded, text);
      if (!match) continue;
      const candidate = { article, match };
      if (best.length === MAX_ARTICLES && better(candidate, best[MAX_ARTICLES - 1]!) >= 0) continue;
      const at = best.findIndex((b) => better(candidate, b) < 0);
      best.splice(at < 0 ? best.length : at, 0, candidate);
      if (best.length > MAX_ARTICLES) best.pop();
    }
    const articles = best.map(({ article, match }): PaletteItem => ({
        key: `article:${article.id}`,
        group: 'Articles',
        label: article.headline || 'Untitled',
        positions: match.positions,
        detail: [article.section, statusLabel(article.status)].filter(Boolean).join(' · '),
        run: () => onOpenArticle(article.id),
      }));
    const actions: PaletteItem[] = [];
    const actionScores: number[] = [];
    for (const command of availableCommands()) {
      if (command.id === 'command-palette') continue;
      const match = fuzzyMatch(folded, foldForMatch(command.label));
      if (!match) continue;
      actionScores.push(match.score);
      actions.push({
        key: `command:${command.id}`,
        group: 'Actions',
        label: command.label,
        positions: match.positions,
        shortcut: shortcutLabel(acceleratorHere(command), IS_MAC),
        run: () => runCommand(command.id as CommandId),
      });
    }
    if (query.trim()) {
      actions.push({ key: 'search-for', group: 'Actions', label: `Search articles for “${query.trim()}”`, positions: [], run: () => onSearch(query.trim()) });
    }
    // Whichever group matches what was typed best comes first ("exp" finds Export before scattered letters in headlines).
    const top = (scores: number[]) => Math.max(-Infinity, ...scores);
    if (ranked && top(actionScores) > top(best.map((b) => b.match.score))) return [...actions, ...articles];
    return [...articles, ...actions];
  }, [query, headlines, onOpenArticle, onSearch]);

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  /** Closes the palette; without a choice, focus returns where it was. */
  const close = (returnFocus: boolean) => {
    // The modal dialog closes first: while it is open, nothing behind it can take focus.
    dialogRef.current?.close();
    if (returnFocus) before?.focus({ preventScroll: true });
    onClose();
  };

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    close(false);
    item.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + 5, PageUp: activeIndex - 5 };
    if (event.key in moves) {
      event.preventDefault();
      if (items.length) setActive((moves[event.key]! + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[activeIndex]);
    }
  };

  let lastGroup: string | null = null;
  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        close(true);
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) close(true);
      }}
    >
      <input
        ref={inputRef}
        className="palette__input"
        role="combobox"
        aria-label="Open an article or run a command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length ? optionId(activeIndex) : undefined}
        placeholder="Open an article, or type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <ul className="palette__list" id={listId} role="listbox" aria-label="Articles and commands">
        {items.map((item, i) => {
          const heading = item.group !== lastGroup ? item.group : null;
          lastGroup = item.group;
          return (
            <li
              key={item.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={`palette__option${i === activeIndex ? ' palette__option--active' : ''}${heading ? ' palette__option--first' : ''}`}
              data-group={heading ?? undefined}
              onMouseMove={() => i !== activeIndex && setActive(i)}
              onClick={() => choose(item)}
            >
              <span className="palette__label">
                <Marked text={item.label} positions={item.positions} />
              </span>
              {item.detail && <span className="palette__detail">{item.detail}</span>}
              {item.shortcut && <kbd className="palette__shortcut">{item.shortcut}</kbd>}
            </li>
          );
        })}
      </ul>
      {items.length === 0 && <p className="palette__empty">Nothing matches “{query}”. Press Escape to go back.</p>}
      <p className="palette__hint" aria-hidden="true">
        ↑↓ to choose · Enter to open · Esc to close
      </p>
    </dialog>
  );
}

/** The label with its matched characters in bold. */
function Marked({ text, positions }: { text: string; positions: number[] }) {
  if (positions.length === 0) return <>{text}</>;
  const marked = new Set(positions);
  const parts: Array<{ text: string; on: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const on = marked.has(i);
    const last = parts[parts.length - 1];
    if (last && last.on === on) last.text += text[i];
    else parts.push({ text: text[i]!, on });
  }
  return (
    <>
      {parts.map((part, i) => (part.on ? <b key={i}>{part.text}</b> : <span key={i}>{part.text}</span>))}
    </>
  );
}
