/**
 * The body's attributions, kept current a moment after each edit in the editor's shared
 * document pass (never on the keystroke path): what the sources panel counts ("cited 3×")
 * and lists ("cited at").
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import { $attributionSpans, sameSpans, type AttributionSpan } from './attribution-spans';
import { registerDocumentTask } from './document-pass';

export function useAttributionSpans(): AttributionSpan[] {
  const [editor] = useLexicalComposerContext();
  const [spans, setSpans] = useState<AttributionSpan[]>(() => editor.getEditorState().read($attributionSpans));
  useEffect(() => {
    let first = true;
    return registerDocumentTask(editor, () => {
      // Counted once at the first render (the state above); again only after edits.
      if (first) {
        first = false;
        return;
      }
      const next = $attributionSpans();
      setSpans((current) => (sameSpans(current, next) ? current : next));
    });
  }, [editor]);
  return spans;
}
