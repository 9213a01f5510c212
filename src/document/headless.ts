/**
 * The article body without a DOM: a headless Lexical editor with the article's nodes, for
 * Node (export, import, review, search) and for tests. Reading a body through it proves
 * that the editor will open it: unknown node types and broken nodes are found here.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor, SerializedEditorState } from 'lexical';
import type { LexicalBody } from '../shared/article';
import { fail, ok, type Result } from '../shared/result';
import { ARTICLE_NODES } from './nodes';
import { bodyOfEditorState } from './serialized-body';

/** A headless editor that knows every node an article body may hold. */
export function createDocumentEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'copydesk-article',
    nodes: ARTICLE_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** Loads a body into a headless editor and hands back the editor, or why it cannot be loaded. */
export function loadBody(body: LexicalBody, editor = createDocumentEditor()): Result<LexicalEditor> {
  try {
    editor.setEditorState(editor.parseEditorState(body as unknown as SerializedEditorState));
    return ok(editor);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Builds a body with Lexical's own functions (`$createParagraphNode`…) inside `build`. */
export function buildBody(build: () => void, editor = createDocumentEditor()): LexicalBody {
  editor.update(build, { discrete: true });
  return bodyOfEditorState(editor.getEditorState());
}
