/**
 * Reports the body's subheads (H2 and H3) as an outline, a moment after the text stops
 * changing, and registers how to jump to one: its place scrolled into view and the caret
 * put at its start.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode } from '@lexical/rich-text';
import { $getNodeByKey, $getRoot, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

export interface OutlineEntry {
  key: string;
  level: 2 | 3;
  text: string;
}

/** Moves the caret to the start of a subhead and brings it into view. */
export function jumpToSubhead(editor: LexicalEditor, key: string): void {
  editor.getElementByKey(key)?.scrollIntoView({ block: 'start' });
  editor.update(() => $getNodeByKey(key)?.selectStart());
  editor.focus();
}

export function OutlinePlugin({ onOutline, delayMs = 250 }: { onOutline: (entries: OutlineEntry[]) => void; delayMs?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const read = () =>
      editor.getEditorState().read(() => {
        const entries: OutlineEntry[] = [];
        for (const node of $getRoot().getChildren()) {
          if (!$isHeadingNode(node)) continue;
          const tag = node.getTag();
          entries.push({ key: node.getKey(), level: tag === 'h3' || tag === 'h4' || tag === 'h5' || tag === 'h6' ? 3 : 2, text: node.getTextContent().trim() });
        }
        const signature = JSON.stringify(entries);
        if (signature !== last) {
          last = signature;
          onOutline(entries);
        }
      });
    read();
    const unregister = editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (!dirtyLeaves.size && !dirtyElements.size) return;
      clearTimeout(timer);
      timer = setTimeout(read, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onOutline, delayMs]);
  return null;
}
