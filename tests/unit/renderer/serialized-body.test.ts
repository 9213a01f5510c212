/**
 * The body the renderer saves is built from the editor state by a function that checks its
 * frame (src/document/serialized-body.ts), not cast into the article model's type.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyOfEditorState, bodyOfSerializedState } from '../../../src/document/serialized-body';
import { lexicalBodySchema } from '../../../src/shared/article';

function editorWith(subhead: string, paragraph: string) {
  const editor = createHeadlessEditor({ nodes: [HeadingNode], onError: (error) => { throw error; } });
  editor.update(
    () => {
      const heading = $createHeadingNode('h2').append($createTextNode(subhead));
      const text = $createParagraphNode().append($createTextNode(paragraph).toggleFormat('bold'));
      $getRoot().clear().append(heading, text);
    },
    { discrete: true },
  );
  return editor;
}

describe('bodyOfEditorState', () => {
  it('holds everything the editor state serializes, in the frame the article model accepts', () => {
    const editor = editorWith('The roster', '448 drones');
    const body = bodyOfEditorState(editor.getEditorState());
    expect(body).toEqual(editor.getEditorState().toJSON());
    expect(body.root.children.map((block) => block.type)).toEqual(['heading', 'paragraph']);
    expect(lexicalBodySchema.safeParse(body).success).toBe(true);
    // And the editor opens it again as it was.
    const reopened = createHeadlessEditor({ nodes: [HeadingNode], onError: (error) => { throw error; } });
    reopened.setEditorState(reopened.parseEditorState(JSON.stringify(body)));
    expect(reopened.getEditorState().read(() => $getRoot().getTextContent())).toBe('The roster\n\n448 drones');
  });

  it('refuses a state whose top node is not the root, or whose root holds no blocks', () => {
    const state = editorWith('a', 'b').getEditorState().toJSON();
    const notRoot = { root: { ...state.root, type: 'paragraph' } } as SerializedEditorState;
    expect(() => bodyOfSerializedState(notRoot)).toThrow('starts with a "paragraph" node');
    const noBlocks = { root: { ...state.root, children: null } } as unknown as SerializedEditorState;
    expect(() => bodyOfSerializedState(noBlocks)).toThrow('holds no list of blocks');
  });
});
