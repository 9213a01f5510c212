/**
 * The baseline for the editor-blocks figures: a bare Lexical rich-text editor with every
 * node an article may hold (tables, images, pull quotes, rules, notes) registered and
 * nothing else: no React, no plugins, no autosave, images not drawn. Its paste is
 * Lexical's own (registerRichText), unsanitized.
 */
import { registerRichText } from '@lexical/rich-text';
import { createEditor } from 'lexical';
import { ARTICLE_NODES } from '../../src/document/nodes';

declare global {
  interface Window {
    openBody: (json: string) => void;
    pasteHtml: (html: string) => void;
  }
}

let current: ReturnType<typeof createEditor> | null = null;

window.openBody = (json: string) => {
  current?.setRootElement(null);
  const old = document.getElementById('editor')!;
  const root = old.cloneNode(false) as HTMLElement;
  old.replaceWith(root);
  const editor = createEditor({
    namespace: 'baseline',
    nodes: ARTICLE_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  editor.setEditorState(editor.parseEditorState(json));
  current = editor;
};
