/**
 * Caps the undo stack: Lexical's history keeps whole editor states, and a long session on
 * a 20,000-word article would otherwise hold thousands of them.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/react/LexicalHistoryPlugin';
import { useEffect } from 'react';

export const MAX_UNDO_STEPS = 200;

export function HistoryCapPlugin({ historyState, max = MAX_UNDO_STEPS }: { historyState: HistoryState; max?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(() => {
        const overflow = historyState.undoStack.length - max;
        if (overflow > 0) historyState.undoStack.splice(0, overflow);
      }),
    [editor, historyState, max],
  );
  return null;
}
