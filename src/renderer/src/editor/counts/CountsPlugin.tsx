/**
 * Reports the counts of the body and of the selection in it (words, characters, reading
 * time) a moment after the text or the selection stops changing, so counting never sits on
 * the keystroke path.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { useEffect } from 'react';
import { textCounts, type TextCounts } from './text-counts';

export interface BodyCounts {
  article: TextCounts;
  /** Null when nothing is selected. */
  selection: TextCounts | null;
}

export function CountsPlugin({ onCounts, delayMs = 200 }: { onCounts: (counts: BodyCounts) => void; delayMs?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let article: TextCounts | null = null;
    const count = (textChanged: boolean) =>
      editor.getEditorState().read(() => {
        if (textChanged || !article) article = textCounts($getRoot().getTextContent());
        const selection = $getSelection();
        const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
        onCounts({ article, selection: selected.trim() ? textCounts(selected) : null });
      });
    count(true);
    let textChanged = false;
    const unregister = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      textChanged ||= dirtyLeaves.size > 0 || dirtyElements.size > 0;
      clearTimeout(timer);
      timer = setTimeout(() => {
        count(textChanged);
        textChanged = false;
      }, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onCounts, delayMs]);
  return null;
}
