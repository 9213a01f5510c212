/**
 * The baseline for the editor figures: a bare Lexical rich-text editor with the same nodes
 * as Copydesk's body and nothing else (no React, no plugins, no autosave).
 */
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEditor } from 'lexical';

declare global {
  interface Window {
    openBody: (json: string) => void;
  }
}

let current: ReturnType<typeof createEditor> | null = null;

/** Opens the JSON in a fresh editor on a fresh root element, as opening an article does. */
window.openBody = (json: string) => {
  current?.setRootElement(null);
  const old = document.getElementById('editor')!;
  const root = old.cloneNode(false) as HTMLElement;
  old.replaceWith(root);
  const editor = createEditor({
    namespace: 'baseline',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  editor.setEditorState(editor.parseEditorState(json));
  current = editor;
};
