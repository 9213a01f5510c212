/**
 * Find and replace in the article body (commands `find`, Ctrl/Cmd+F, and `replace`,
 * Ctrl/Cmd+H): a bar under the text with match case, whole word, "3 of 12", next and
 * previous, replace and replace all. Matches are painted with the CSS Custom Highlight API
 * over DOM ranges, so finding never changes the document (nor its undo history); a replace
 * is one edit, and replace all is one edit (one undo step) however many matches it takes.
 * The words found outside the body (the header's fields, pictures' captions, credits and
 * alt text) are counted under the bar, and replaced there too on request.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $setSelection, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCommand } from '../../shell/command-registry';
import { allChanged, changesText, noteChanges, resetChanges } from '../../../../document/changed-blocks';
import { LiveMatches, findPattern, type FindMatch, type FindOptions, type TextPoint } from './find-matches';
import { elsewhereLabel, foundElsewhere, replaceElsewhere, type FindField } from './find-elsewhere';
import './FindReplace.css';

const ALL = 'copydesk-find';
const CURRENT = 'copydesk-find-current';

/** The DOM text node and offset of a point, for a highlight range. */
function domPoint(editor: LexicalEditor, point: TextPoint): [Node, number] | null {
  const element = editor.getElementByKey(point.key);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  return text ? [text, Math.min(point.offset, text.textContent?.length ?? 0)] : null;
}

function domRange(editor: LexicalEditor, match: FindMatch): Range | null {
  const start = domPoint(editor, match.start);
  const end = domPoint(editor, match.end);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

/** Paints the matches (and the current one); a page without the Highlight API just counts. */
function paint(editor: LexicalEditor, matches: FindMatch[], current: number): void {
  const highlights = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  const ranges = matches.map((match) => domRange(editor, match));
  const currentRange = ranges[current] ?? null;
  if (highlights && typeof Highlight !== 'undefined') {
    highlights.set(ALL, new Highlight(...ranges.filter((r): r is Range => r !== null)));
    if (currentRange) highlights.set(CURRENT, new Highlight(currentRange));
    else highlights.delete(CURRENT);
  }
}

function unpaint() {
  if (typeof CSS === 'undefined' || !CSS.highlights) return;
  CSS.highlights.delete(ALL);
  CSS.highlights.delete(CURRENT);
}

/** Replaces one match's words (inside an update). */
function $replace(match: FindMatch, replacement: string) {
  const selection = $createRangeSelection();
  selection.anchor.set(match.start.key, match.start.offset, 'text');
  selection.focus.set(match.end.key, match.end.offset, 'text');
  $setSelection(selection);
  selection.insertText(replacement);
}

export function FindReplacePlugin({ fields = [] }: { fields?: FindField[] }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<null | 'find' | 'replace'>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false });
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [editable, setEditable] = useState(() => editor.isEditable());
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  /** Where the caret was in the body when the bar opened, to go back to on Escape. */
  const cameFromBody = useRef(false);
  const pattern = useMemo(() => (open ? findPattern(query, options) : null), [open, query, options]);

  const openBar = useCallback(
    (kind: 'find' | 'replace') => {
      const root = editor.getRootElement();
      cameFromBody.current = !!root && root.contains(document.activeElement);
      // The words selected in the body, when short and on one line, are what is looked for.
      const selected = window.getSelection()?.toString() ?? '';
      if (cameFromBody.current && selected && selected.length <= 200 && !selected.includes('\n')) setQuery(selected);
      setOpen((was) => (was === 'replace' ? 'replace' : kind));
      requestAnimationFrame(() => {
        const input = kind === 'replace' && query ? replaceInput.current : findInput.current;
        input?.focus();
        input?.select();
      });
    },
    [editor, query],
  );
  useCommand('find', () => openBar('find'));
  useCommand('replace', () => openBar('replace'));

  // The matches follow the text as it changes, and the query as it is typed.
  useEffect(() => {
    if (!pattern) {
      setMatches([]);
      return;
    }
    // Kept per block: after an edit only the blocks it touched are searched again.
    const live = new LiveMatches(pattern);
    const changes = allChanged();
    const find = () => {
      const found = editor.getEditorState().read(() => live.$matches(changes));
      resetChanges(changes);
      setMatches(found);
      return found;
    };
    // A new query (or option) brings its first match into view, as a browser's find does.
    const [first] = find();
    if (first) editor.getElementByKey(first.start.key)?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const stopUpdates = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements, tags }) => {
      if (!changesText(dirtyElements, dirtyLeaves)) return;
      noteChanges(changes, dirtyElements, dirtyLeaves, tags);
      find();
    });
    const stopEditable = editor.registerEditableListener(setEditable);
    return () => {
      stopUpdates();
      stopEditable();
    };
  }, [editor, pattern]);

  const index = matches.length ? Math.min(current, matches.length - 1) : -1;
  useEffect(() => {
    if (open) paint(editor, matches, index);
    else unpaint();
  }, [editor, open, matches, index]);

  useEffect(() => unpaint, []);

  /** Brings a match into view, without moving the caret out of the bar. */
  const reveal = (at: number) => {
    const match = matches[at];
    if (!match) return;
    const element = editor.getElementByKey(match.start.key);
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
  };

  const step = (by: 1 | -1) => {
    if (!matches.length) return;
    const next = (index + by + matches.length) % matches.length;
    setCurrent(next);
    reveal(next);
  };

  const close = () => {
    setOpen(null);
    unpaint();
    if (cameFromBody.current) editor.focus();
  };

  const replaceOne = () => {
    const match = matches[index];
    if (!match || !editable) return;
    editor.update(() => $replace(match, replacement), { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG] });
  };

  // The words outside the body, counted at each render of the open bar (the body's matches
  // change with the text, and the pictures' fields with it).
  const elsewhere = pattern ? foundElsewhere(editor, fields, pattern) : [];

  const replaceAll = () => {
    if (!matches.length || !editable) return;
    const all = matches;
    // One update, so one undo step; from the last match back, so earlier offsets hold.
    editor.update(
      () => {
        for (let i = all.length - 1; i >= 0; i--) $replace(all[i]!, replacement);
      },
      { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG] },
    );
    setCurrent(0);
  };

  if (!open) return null;
  const count = query === '' ? '' : matches.length ? `${index + 1} of ${matches.length}` : 'No matches';
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <div className="find-bar__row">
        <input
          ref={findInput}
          className="find-bar__input"
          type="search"
          aria-label="Find"
          placeholder="Find in article"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        />
        <span className="find-bar__count" data-testid="find-count" aria-live="polite">
          {count}
        </span>
        <button type="button" className="find-bar__button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!matches.length} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" className="find-bar__button" aria-label="Next match" title="Next match (Enter)" disabled={!matches.length} onClick={() => step(1)}>
          ↓
        </button>
        <label className="find-bar__option">
          <input type="checkbox" checked={options.matchCase} onChange={(e) => setOptions((o) => ({ ...o, matchCase: e.target.checked }))} />
          Match case
        </label>
        <label className="find-bar__option">
          <input type="checkbox" checked={options.wholeWord} onChange={(e) => setOptions((o) => ({ ...o, wholeWord: e.target.checked }))} />
          Whole word
        </label>
        {open === 'find' && (
          <button type="button" className="find-bar__button" onClick={() => setOpen('replace')} disabled={!editable}>
            Replace…
          </button>
        )}
        <button type="button" className="find-bar__button find-bar__close" aria-label="Close find" title="Close (Escape)" onClick={close}>
          ×
        </button>
      </div>
      {open === 'replace' && (
        <div className="find-bar__row">
          <input
            ref={replaceInput}
            className="find-bar__input"
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            readOnly={!editable}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                replaceOne();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }}
          />
          <button type="button" className="find-bar__button" disabled={!matches.length || !editable} onClick={replaceOne}>
            Replace
          </button>
          <button type="button" className="find-bar__button" disabled={!matches.length || !editable} onClick={replaceAll}>
            Replace all
          </button>
          {!editable && <span className="find-bar__note">Approved copy: reopen it to replace.</span>}
        </div>
      )}
      {elsewhere.length > 0 && (
        <div className="find-bar__row find-bar__elsewhere" data-testid="find-elsewhere">
          <span className="find-bar__note">Outside the text: {elsewhereLabel(elsewhere)}.</span>
          {open === 'replace' && editable && (
            <button type="button" className="find-bar__button" onClick={() => pattern && editable && replaceElsewhere(editor, fields, pattern, replacement, [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG])}>
              Replace there too
            </button>
          )}
        </div>
      )}
    </div>
  );
}
