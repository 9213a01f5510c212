/**
 * A source's snapshot as captured, with find: every match highlighted (the browser's
 * highlight registry, so even a long report stays one text node), a count, and next and
 * previous (Enter, Shift+Enter). Matching ignores case, quote styles and line breaks, as
 * the attribution card does.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findMatches, preparedSnapshot, type TextRange } from './text-match';
import './SnapshotView.css';

const MAX_MATCHES = 10_000;
const FIND_HIGHLIGHT = 'copydesk-find';
const CURRENT_HIGHLIGHT = 'copydesk-find-current';

/** The highlight registry, where the browser has one. */
function highlights(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

function rangeIn(node: Text, match: TextRange): Range {
  const range = document.createRange();
  range.setStart(node, match.start);
  range.setEnd(node, match.end);
  return range;
}

interface SnapshotViewProps {
  text: string;
  /** Looked for as soon as the snapshot shows (the attributed words, from the card). */
  initialQuery?: string;
  autoFocusFind?: boolean;
  /** Escape in the find box: given, it closes (a reader sheet); otherwise it clears the box. */
  onEscape?: () => void;
}

export function SnapshotView({ text, initialQuery = '', autoFocusFind = false, onEscape }: SnapshotViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [current, setCurrent] = useState(0);
  const textRef = useRef<HTMLDivElement>(null);
  const prepared = useMemo(() => preparedSnapshot(text), [text]);
  const matches = useMemo(() => findMatches(prepared, query, MAX_MATCHES), [prepared, query]);
  const at = matches.length ? Math.min(current, matches.length - 1) : -1;

  // Every match gets the find highlight; the current one its own, and is scrolled to.
  useLayoutEffect(() => {
    const registry = highlights();
    const node = textRef.current?.firstChild;
    if (!registry || !(node instanceof Text)) return;
    registry.set(FIND_HIGHLIGHT, new Highlight(...matches.map((m) => rangeIn(node, m))));
    registry.set(CURRENT_HIGHLIGHT, new Highlight(...(at >= 0 ? [rangeIn(node, matches[at]!)] : [])));
    return () => {
      registry.delete(FIND_HIGHLIGHT);
      registry.delete(CURRENT_HIGHLIGHT);
    };
  }, [matches, at]);

  useEffect(() => {
    const node = textRef.current?.firstChild;
    const scroller = textRef.current;
    if (at < 0 || !(node instanceof Text) || !scroller) return;
    const box = rangeIn(node, matches[at]!).getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    if (box.top < frame.top + 24 || box.bottom > frame.bottom - 24) scroller.scrollTop += box.top - frame.top - frame.height / 3;
  }, [matches, at]);

  const step = (by: 1 | -1) => {
    if (!matches.length) return;
    setCurrent((at + by + matches.length) % matches.length);
  };
  const count = !query.trim()
    ? ''
    : matches.length === 0
      ? 'No matches'
      : `${at + 1} of ${matches.length.toLocaleString('en-US')}${matches.length === MAX_MATCHES ? '+' : ''}`;

  return (
    <div className="snapshot-view">
      <div className="snapshot-find" role="search">
        <input
          type="search"
          aria-label="Find in snapshot"
          placeholder="Find in snapshot"
          value={query}
          autoFocus={autoFocusFind}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape' && (onEscape || query)) {
              // A search box would only clear itself; in a sheet, Escape closes it.
              e.preventDefault();
              if (onEscape) onEscape();
              else setQuery('');
            }
          }}
        />
        <span className="snapshot-find__count" aria-live="polite" data-testid="find-count">
          {count}
        </span>
        <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length < 2} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length < 2} onClick={() => step(1)}>
          ↓
        </button>
      </div>
      <div ref={textRef} className="snapshot-view__text" tabIndex={0} aria-label="Snapshot text">
        {text}
      </div>
    </div>
  );
}
