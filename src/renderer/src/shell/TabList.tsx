/**
 * A row of tabs for a dialog: one button a tab, arrow keys move between them (and pick),
 * only the selected one is in the tab order, each names the panel it controls
 * (`<idBase>-panel`).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  /** More inside the tab after its label (a count badge). */
  extra?: ReactNode;
}

interface TabListProps<K extends string> {
  tabs: ReadonlyArray<TabSpec<K>>;
  selected: K;
  onSelect: (key: K) => void;
  /** The accessible name of the row. */
  label: string;
  /** Prefix of the tabs' ids; the panel is `<idBase>-panel`. */
  idBase: string;
  className: string;
}

export function TabList<K extends string>({ tabs, selected, onSelect, label, idBase, className }: TabListProps<K>) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((t) => t.key === selected);
    const next = (at + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
    onSelect(tabs[next]!.key);
    buttons.current[next]?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((t, i) => (
        <button
          key={t.key}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idBase}-${t.key}`}
          aria-selected={selected === t.key}
          aria-controls={`${idBase}-panel`}
          tabIndex={selected === t.key ? 0 : -1}
          className={selected === t.key ? 'active' : ''}
          onClick={() => onSelect(t.key)}
        >
          {t.label}
          {t.extra}
        </button>
      ))}
    </div>
  );
}
