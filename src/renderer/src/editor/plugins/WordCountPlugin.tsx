/**
 * Reports the body's word count a moment after typing pauses, so counting a long article
 * never sits on the keystroke path.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { countWords } from '../../../../document/plain-text';

export function WordCountPlugin({ onCount, delayMs = 250 }: { onCount: (words: number) => void; delayMs?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => onCount(editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
    count();
    // Not registerTextContentListener: it rebuilds the whole text on every keystroke.
    const unregister = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(count, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onCount, delayMs]);
  return null;
}
