/**
 * The body's formatting bar: one Tab stop (roving tabindex: arrow keys, Home and End move
 * between its buttons), each button named, toggles with aria-pressed, shortcuts in their
 * titles. What does not fit on one row goes into a "More" menu, so the bar never wraps,
 * whatever the window's width. Read-only text (approved copy) leaves them all off.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { toolbarItems, type ToolItem } from '../blocks/toolbar-items';
import { useToolbarState } from '../blocks/use-toolbar-state';
import { OverflowMenu } from './ToolbarOverflow';
import './ToolbarPlugin.css';

const GAP = 4;
const DIVIDER = 9;

/**
 * Which items stay on the bar in `room` pixels: the pinned ones (what the caret is in: a
 * table, a note, a pull quote) always, then the others in order while they fit, keeping
 * `reserve` for the More button when some do not.
 */
function onBar(items: ToolItem[], widths: ReadonlyMap<string, number>, room: number, reserve: number): Set<string> {
  const widthOf = (item: ToolItem, i: number) => (widths.get(item.key) ?? 40) + GAP + (item.group && i > 0 ? DIVIDER : 0);
  const total = items.reduce((sum, item, i) => sum + widthOf(item, i), 0);
  if (total <= room) return new Set(items.map((item) => item.key));
  let used = reserve + items.reduce((sum, item, i) => sum + (item.pinned ? widthOf(item, i) : 0), 0);
  const kept = new Set(items.filter((item) => item.pinned).map((item) => item.key));
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.pinned) continue;
    used += widthOf(item, i);
    if (used > room) break;
    kept.add(item.key);
  }
  return kept;
}

export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const items = toolbarItems(editor, state);
  const barRef = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [room, setRoom] = useState(Infinity);
  const [current, setCurrent] = useState(0);

  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const measure = () => {
      const style = getComputedStyle(bar);
      setRoom(bar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // Each button's width, as the browser lays it out; a button in the menu keeps its last
  // width. Observed again whenever the set of buttons (or a label) or the room changes.
  // A ResizeObserver reports after the page's own layout and before it is painted, so the
  // bar never forces a layout of a long body while it opens (reading offsetWidth did).
  const layout = `${room}|${items.map((item) => `${item.key}:${item.label}`).join(',')}`;
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!layout || !bar) return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries.map((entry) => [(entry.target as HTMLElement).dataset.stop!, Math.round(entry.borderBoxSize[0]?.inlineSize ?? 0)] as const);
      flushSync(() => setWidths((was) => (measured.some(([key, width]) => was.get(key) !== width) ? new Map([...was, ...measured]) : was)));
    });
    bar.querySelectorAll<HTMLElement>('[data-stop]').forEach((element) => observer.observe(element));
    return () => observer.disconnect();
  }, [layout]);

  const kept = onBar(items, widths, room, (widths.get('more') ?? 64) + GAP + DIVIDER);
  const visible = items.filter((item) => kept.has(item.key));
  const hidden = items.filter((item) => !kept.has(item.key));
  // The stops the arrow keys visit: the visible buttons that can act, then More.
  const stops = [...visible.map((item) => item.key).filter((key) => !visible.find((i) => i.key === key)!.disabled), ...(hidden.length ? ['more'] : [])];
  const active = stops[Math.min(current, stops.length - 1)] ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!stops.length || (event.target as HTMLElement).closest('[role="menu"]')) return;
    const at = Math.max(0, stops.indexOf(active ?? ''));
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: stops.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + stops.length) % stops.length;
    setCurrent(index);
    barRef.current?.querySelector<HTMLElement>(`[data-stop="${CSS.escape(stops[index]!)}"]`)?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" ref={barRef} onKeyDown={onKeyDown}>
      {visible.map((item, i) => (
        <span key={item.key} className="toolbar__slot">
          {item.group && i > 0 && <span className="toolbar__divider" aria-hidden="true" />}
          <button
            type="button"
            data-stop={item.key}
            className={[item.className, item.pressed ? 'active' : ''].filter(Boolean).join(' ') || undefined}
            aria-label={item.label}
            aria-pressed={item.pressed}
            title={item.title}
            disabled={item.disabled}
            tabIndex={item.key === active ? 0 : -1}
            // The selection stays in the body: the command acts on it.
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setCurrent(Math.max(0, stops.indexOf(item.key)))}
            onClick={item.run}
          >
            {item.face}
          </button>
        </span>
      ))}
      {hidden.length > 0 && (
        <OverflowMenu
          items={hidden}
          tabIndex={active === 'more' ? 0 : -1}
          onFocus={() => setCurrent(stops.indexOf('more'))}
          // At once, before the menu (and its focused item) goes: focus must not fall to the page.
          onBeforeRun={() => editor.getRootElement()?.focus({ preventScroll: true })}
        />
      )}
    </div>
  );
}
