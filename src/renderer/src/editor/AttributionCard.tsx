/**
 * The card an attributed span shows on hover, on keyboard focus, or with the caret in it:
 * the source, its site and date, the locator, and the passage of the snapshot that backs
 * the words (found however the quotes and spaces are typed), or a plain warning when the
 * snapshot does not have them.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $getSelection, $isRangeSelection } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useArticleSources } from '../sources/ArticleSourcesProvider';
import { AttributionCardBody } from './AttributionCardBody';
import { $attributionAround } from '../../../document/AttributionNode';
import { $selectAttribution } from './attribution-spans';
import { $attributionAtSelection, OPEN_ATTRIBUTION_COMMAND, REMOVE_ATTRIBUTION_COMMAND } from './plugins/AttributionPlugin';
import { placeBeside } from './popover-place';
import './AttributionCard.css';

interface Target {
  element: HTMLElement;
  sourceId: string;
  locator: string;
  text: string;
}

const SHOW_MS = 250;
const HIDE_MS = 250;

function targetOf(element: HTMLElement): Target {
  return {
    element,
    sourceId: element.dataset.sourceId ?? '',
    locator: element.dataset.locator ?? '',
    text: element.textContent ?? '',
  };
}

const attributionAt = (node: EventTarget | null): HTMLElement | null =>
  node instanceof Element ? node.closest<HTMLElement>('[data-source-id]') : null;

export function AttributionCard() {
  const [editor] = useLexicalComposerContext();
  const { openReader, readOnly } = useArticleSources();
  const [target, setTarget] = useState<Target | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const later = useCallback((next: Target | null, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTarget(next), ms);
  }, []);

  useEffect(() => {
    // The caret moved into (or out of) an attribution with the keyboard.
    const fromCaret = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        const inside = $isRangeSelection(selection) && selection.isCollapsed() ? $attributionAtSelection() : null;
        const element = inside ? editor.getElementByKey(inside.getKey()) : null;
        if (element) later(targetOf(element), SHOW_MS);
        else later(null, 0);
      });
    const listeners = {
      mouseover: (event: Event) => {
        const element = attributionAt(event.target);
        if (element) later(targetOf(element), SHOW_MS);
      },
      mouseout: (event: Event) => {
        const to = (event as MouseEvent).relatedTarget;
        if (attributionAt(event.target) && attributionAt(to) !== attributionAt(event.target) && !box.current?.contains(to as Node)) later(null, HIDE_MS);
      },
      focusin: (event: Event) => {
        const element = attributionAt(event.target);
        if (element && element !== editor.getRootElement()) later(targetOf(element), 0);
      },
      keyup: (event: Event) => {
        if (/^(Arrow|Home|End|Page)/.test((event as KeyboardEvent).key)) fromCaret();
      },
      keydown: (event: Event) => {
        if ((event as KeyboardEvent).key === 'Escape') later(null, 0);
      },
    };
    const unregister = editor.registerRootListener((root, previous) => {
      for (const [name, listener] of Object.entries(listeners)) {
        previous?.removeEventListener(name, listener);
        root?.addEventListener(name, listener);
      }
    });
    return () => {
      unregister();
      clearTimeout(timer.current);
    };
  }, [editor, later]);

  // Placed when it shows, again as it grows (the passage arrives once the snapshot is read)
  // and as the text scrolls under it; gone once its words leave the screen.
  useLayoutEffect(() => {
    const card = box.current;
    if (!target || !card) return;
    const place = () => {
      const words = target.element.getBoundingClientRect();
      if (words.bottom < 0 || words.top > window.innerHeight) setTarget(null);
      else placeBeside(card, words, 6);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(card);
    window.addEventListener('scroll', place, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place, true);
    };
  }, [target]);

  if (!target || !target.element.isConnected) return null;
  const editable = !readOnly && editor.isEditable();

  /** The attribution node the card is about. */
  const keyOf = (element: HTMLElement) =>
    editor.read(() => {
      const node = $getNearestNodeFromDOMNode(element);
      return node ? ($attributionAround(node)?.getKey() ?? null) : null;
    });
  const change = () => {
    const key = keyOf(target.element);
    setTarget(null);
    if (!key) return;
    // The popover opens once the words are selected on the page, so that it keeps the focus.
    editor.update(() => $selectAttribution(key), { onUpdate: () => editor.dispatchCommand(OPEN_ATTRIBUTION_COMMAND, undefined) });
  };
  const remove = () => {
    const key = keyOf(target.element);
    setTarget(null);
    if (key) editor.dispatchCommand(REMOVE_ATTRIBUTION_COMMAND, key);
  };
  return (
    <div
      ref={box}
      className="attribution-card"
      role="dialog"
      aria-label="Attribution"
      data-testid="attribution-card"
      onMouseEnter={() => clearTimeout(timer.current)}
      onMouseLeave={() => later(null, HIDE_MS)}
    >
      <AttributionCardBody
        sourceId={target.sourceId}
        text={target.text}
        locator={target.locator}
        onOpen={(query) => {
          setTarget(null);
          openReader(target.sourceId, query);
        }}
        onChange={editable ? change : undefined}
        onRemove={editable ? remove : undefined}
      />
    </div>
  );
}
