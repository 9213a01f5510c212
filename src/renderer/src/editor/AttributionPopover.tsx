/**
 * The popover that attributes the selected words: anchored at the selection, it picks one
 * of the article's sources (or one from the library, which is then attached) and an
 * optional locator; Enter applies. Inside an attribution it changes it, or removes it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, type NodeKey, type RangeSelection } from 'lexical';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { useArticleSources } from '../sources/ArticleSourcesProvider';
import { SourcePicker } from '../sources/SourcePicker';
import { useSourceLibrary } from '../sources/SourceLibraryProvider';
import { findPassage, preparedSnapshot } from '../sources/text-match';
import { $selectAttribution, spanLabel } from './attribution-spans';
import { $attributionAtSelection, APPLY_ATTRIBUTION_COMMAND, OPEN_ATTRIBUTION_COMMAND, REMOVE_ATTRIBUTION_COMMAND } from './plugins/AttributionPlugin';
import { placeBeside, rangeOfElement, revealRange, showPendingSelection } from './popover-place';
import './AttributionPopover.css';

interface Request {
  /** Counts the openings: the picker starts afresh on each. */
  opening: number;
  anchor: DOMRect;
  /** The words on screen, marked while the focus is in the popover. */
  range: Range | null;
  selection: RangeSelection | null;
  /** The words to attribute, as a reminder at the top. */
  text: string;
  /** The attribution the caret is in, when changing one. */
  existing: { key: NodeKey; sourceId: string; locator: string } | null;
}

export function AttributionPopover() {
  const [editor] = useLexicalComposerContext();
  const { attachedIds, readOnly, attach, openNewSource } = useArticleSources();
  const library = useSourceLibrary();
  const [request, setRequest] = useState<Request | null>(null);
  const [chosen, setChosen] = useState<SourceSummary | null>(null);
  const [locator, setLocator] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const locatorRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const attached = useMemo(() => attachedIds.map((s) => library.byId.get(s)).filter((s): s is SourceSummary => !!s), [attachedIds, library.byId]);

  const close = useCallback(
    (refocus = true) => {
      setRequest(null);
      if (refocus) editor.focus();
    },
    [editor],
  );

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_ATTRIBUTION_COMMAND,
        () => {
          if (readOnly || !editor.isEditable()) return false;
          const existing = $attributionAtSelection();
          // Inside an attribution, the popover is about all of it.
          if (existing) $selectAttribution(existing.getKey());
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const text = selection.getTextContent();
          const dom = window.getSelection();
          const element = existing ? editor.getElementByKey(existing.getKey()) : null;
          const range = element ? rangeOfElement(element) : dom?.rangeCount ? dom.getRangeAt(0).cloneRange() : null;
          if (range) revealRange(range, editor.getRootElement());
          const anchor = range && !range.collapsed ? range.getBoundingClientRect() : (range?.getClientRects()[0] ?? null);
          setRequest((previous) => ({
            opening: (previous?.opening ?? 0) + 1,
            anchor: anchor ?? editor.getRootElement()!.getBoundingClientRect(),
            range: range && !range.collapsed ? range : null,
            selection: selection.isCollapsed() ? null : selection.clone(),
            text,
            existing: existing ? { key: existing.getKey(), sourceId: existing.getSourceId(), locator: existing.getLocator() } : null,
          }));
          setLocator(existing?.getLocator() ?? '');
          setChosen(null);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, readOnly],
  );

  // Offered first: the attached source whose snapshot has the selected words (the most
  // recently attached first), else the most recently attached one.
  const [suggestedId, setSuggestedId] = useState<string | null>(null);
  const { getSource } = library;
  // Read when the popover opens, not a reason to look again as sources are attached.
  const attachedNow = useRef(attachedIds);
  useEffect(() => {
    attachedNow.current = attachedIds;
  }, [attachedIds]);
  useEffect(() => {
    if (!request?.selection || request.existing) return;
    const newestFirst = [...attachedNow.current].reverse();
    setSuggestedId(newestFirst[0] ?? null);
    let live = true;
    void (async () => {
      for (const sourceId of newestFirst) {
        const source = await getSource(sourceId).catch(() => null);
        if (!live) return;
        if (source?.snapshot && findPassage(preparedSnapshot(source.snapshot.text), request.text)) {
          setSuggestedId(sourceId);
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [request, getSource]);

  // The words being attributed stay marked while the popover has the focus.
  useEffect(() => showPendingSelection(request?.range ?? null), [request]);

  // A hint (nothing selected) goes by itself.
  useEffect(() => {
    if (!request || request.selection) return;
    const timer = setTimeout(() => setRequest(null), 4000);
    return () => clearTimeout(timer);
  }, [request]);

  useLayoutEffect(() => {
    if (request && box.current) placeBeside(box.current, request.anchor);
  }, [request]);

  // The editor takes the focus back when it puts the selection on the page (opened from the
  // attribution card, the words are selected first): the popover's search field has it once
  // the page settles, so typing and Escape reach the popover.
  const opening = request?.selection ? request.opening : null;
  useEffect(() => {
    if (opening === null) return;
    const frame = requestAnimationFrame(() => {
      if (box.current && !box.current.contains(document.activeElement)) box.current.querySelector<HTMLInputElement>('input')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [opening]);

  useEffect(() => {
    if (!request) return;
    const outside = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [request, close]);

  if (!request) return null;
  const source = chosen;

  const apply = (picked: SourceSummary | null = source) => {
    if (!picked || !request.selection) return;
    if (!attachedIds.includes(picked.id)) attach(picked.id);
    editor.dispatchCommand(APPLY_ATTRIBUTION_COMMAND, { sourceId: picked.id, locator, selection: request.selection });
    close();
  };
  const remove = () => {
    if (request.existing) editor.dispatchCommand(REMOVE_ATTRIBUTION_COMMAND, request.existing.key);
    close();
  };

  if (!request.selection) {
    return (
      <div ref={box} className="attribution-popover attribution-popover--hint" role="dialog" aria-label="Attribute to a source">
        <p>Select the words to attribute first, then press Ctrl+Shift+A (or Attribute).</p>
      </div>
    );
  }

  return (
    <div
      ref={box}
      className="attribution-popover"
      role="dialog"
      aria-label={request.existing ? 'Change the attribution' : 'Attribute to a source'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <p className="attribution-popover__words">{spanLabel(request.text, 120)}</p>
      <SourcePicker
        key={request.opening}
        attached={attached}
        library={library.list?.sources ?? []}
        label="Source"
        placeholder={attached.length ? 'Search sources' : 'Search the source library'}
        initialId={request.existing?.sourceId ?? suggestedId}
        autoFocus
        onActive={setChosen}
        onChoose={(picked) => {
          setChosen(picked);
          locatorRef.current?.focus();
        }}
        onSubmit={apply}
        onNew={() => {
          // The new source, once added (and attached), gets the words selected here.
          const { selection } = request;
          close(false);
          openNewSource((sourceId) => {
            editor.dispatchCommand(APPLY_ATTRIBUTION_COMMAND, { sourceId, locator, selection });
            editor.focus();
          });
        }}
        onEscape={() => close()}
      />
      <label className="attribution-popover__locator" htmlFor={`${id}-locator`}>
        <span>Locator (optional)</span>
        <input
          id={`${id}-locator`}
          ref={locatorRef}
          value={locator}
          placeholder="p. 4, para 12, or a passage"
          onChange={(e) => setLocator(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
      </label>
      <div className="attribution-popover__actions">
        {request.existing && (
          <button type="button" className="link-button" onClick={remove}>
            Remove attribution
          </button>
        )}
        <span className="attribution-popover__keys">Enter to apply · Esc to cancel</span>
        <button type="button" className="primary" disabled={!source} onClick={() => apply()}>
          {request.existing ? 'Change' : 'Attribute'}
        </button>
      </div>
    </div>
  );
}
