/**
 * Reports the body's subheads (H2 and H3) as an outline, a moment after the text stops
 * changing (in the editor's shared document pass; only the top-level blocks are looked at,
 * and only a subhead's own text is read), and registers how to jump to one: its place
 * scrolled into view and the caret put at its start.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode } from '@lexical/rich-text';
import { $getNodeByKey, $getRoot, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { registerDocumentTask } from '../document-pass';

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

export function OutlinePlugin({ onOutline }: { onOutline: (entries: OutlineEntry[]) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let last = '';
    return registerDocumentTask(editor, () => {
      const entries: OutlineEntry[] = [];
      for (let node = $getRoot().getFirstChild(); node !== null; node = node.getNextSibling()) {
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
  }, [editor, onOutline]);
  return null;
}
