/**
 * The formatting bar's "More" menu: the buttons that do not fit on the bar's one row, as a
 * real menu (arrow keys, Home/End, Enter, Escape returns to the More button). Toggles are
 * menuitemcheckbox with their state.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ToolItem } from '../blocks/toolbar-items';

interface OverflowMenuProps {
  items: ToolItem[];
  tabIndex: number;
  onFocus: () => void;
  /** Called before an item runs: the focus goes back to the text the item acts on. */
  onBeforeRun: () => void;
}

export function OverflowMenu({ items, tabIndex, onFocus, onBeforeRun }: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  const entries = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const closeAndReturn = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      list[(move + list.length) % list.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      closeAndReturn();
    }
  };

  return (
    <span className="toolbar__slot toolbar__more">
      <span className="toolbar__divider" aria-hidden="true" />
      <button
        type="button"
        ref={button}
        data-stop="more"
        aria-label="More formatting"
        title="More formatting"
        aria-haspopup="menu"
        aria-expanded={open}
        tabIndex={tabIndex}
        onMouseDown={(e) => e.preventDefault()}
        onFocus={onFocus}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        More ▾
      </button>
      {open && (
        <div className="toolbar__menu" role="menu" aria-label="More formatting" ref={menu} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role={item.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.pressed}
              aria-disabled={item.disabled || undefined}
              tabIndex={-1}
              title={item.title}
              aria-keyshortcuts={item.shortcut || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (item.disabled) return;
                setOpen(false);
                onBeforeRun();
                item.run();
              }}
            >
              <span className="toolbar__menu-face" aria-hidden="true">
                {/* A symbol beside the name; a face that is a word already is the name. */}
                {typeof item.face !== 'string' || item.face.length <= 3 ? item.face : null}
              </span>
              <span className="toolbar__menu-label">{item.label}</span>
              {item.shortcut && (
                <span className="toolbar__menu-shortcut" aria-hidden="true">
                  {item.shortcut}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
