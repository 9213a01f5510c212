/**
 * Bounds what the undo history holds. Lexical's history keeps whole editor states, and a
 * long session on a 20,000-word article would otherwise hold thousands of them: the stack
 * is capped. And each state's root node caches the text of the whole body as it was then
 * (for getTextContent), so every undo step also kept a copy of the article's text: that
 * cache is dropped from the states kept for undo and redo (an undone state's text is read
 * by walking its nodes, and the reconciler caches it again once it is on screen).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/react/LexicalHistoryPlugin';
import type { EditorState, RootNode } from 'lexical';
import { useEffect } from 'react';

export const MAX_UNDO_STEPS = 200;

/**
 * Forgets the whole-body text a kept state's root caches. Lexical's development build
 * freezes committed nodes: there the cache stays (tests run that build; the app does not).
 */
export function dropCachedText(state: EditorState): void {
  /* oxlint-disable no-underscore-dangle -- Lexical names a state's node map and the root's text cache this way */
  const root = state._nodeMap.get('root') as RootNode | undefined;
  if (root && root.__cachedText !== null && !Object.isFrozen(root)) root.__cachedText = null;
  /* oxlint-enable no-underscore-dangle */
}

export function HistoryCapPlugin({ historyState, max = MAX_UNDO_STEPS }: { historyState: HistoryState; max?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const done = new WeakSet<EditorState>();
    const lighten = (state: EditorState) => {
      if (done.has(state) || state === editor.getEditorState()) return;
      done.add(state);
      dropCachedText(state);
    };
    return editor.registerUpdateListener(() => {
      const overflow = historyState.undoStack.length - max;
      if (overflow > 0) historyState.undoStack.splice(0, overflow);
      for (const entry of historyState.undoStack) lighten(entry.editorState);
      for (const entry of historyState.redoStack) lighten(entry.editorState);
    });
  }, [editor, historyState, max]);
  return null;
}
