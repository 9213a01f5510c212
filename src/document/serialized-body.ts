/**
 * The article body as it is saved: an editor state's JSON, checked and put in the frame
 * the article model names (`LexicalBody`), so nothing downstream has to take it on trust.
 */
import type { EditorState, SerializedEditorState } from 'lexical';
import type { LexicalBody } from '../shared/article';

/** The body frame of a serialized editor state: the root node and its blocks, as they are. */
export function bodyOfSerializedState(serialized: SerializedEditorState): LexicalBody {
  const { type, children, ...fields } = serialized.root;
  if (type !== 'root') throw new Error(`The article body starts with a "${type}" node instead of the root.`);
  if (!Array.isArray(children)) throw new Error('The root of the article body holds no list of blocks.');
  return { root: { ...fields, type, children } };
}

/** What an editor state saves as the article's body. */
export function bodyOfEditorState(state: EditorState): LexicalBody {
  return bodyOfSerializedState(state.toJSON());
}
