/**
 * The body's attributions, kept current a moment after each edit (never on the keystroke
 * path): what the sources panel counts ("cited 3×") and lists ("cited at").
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import { $attributionSpans, sameSpans, type AttributionSpan } from './attribution-spans';

export function useAttributionSpans(delayMs = 200): AttributionSpan[] {
  const [editor] = useLexicalComposerContext();
  const [spans, setSpans] = useState<AttributionSpan[]>(() => editor.getEditorState().read($attributionSpans));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const collect = () => {
      const next = editor.getEditorState().read($attributionSpans);
      setSpans((current) => (sameSpans(current, next) ? current : next));
    };
    // Counted once at the first render; again only after edits, off the opening path.
    const unregister = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(collect, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, delayMs]);
  return spans;
}
