/** The article's words on screen now (headline, dek, body), as a version is compared. */
import type { LexicalEditor } from 'lexical';
import { useCallback, type RefObject } from 'react';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { plainTextFromBody } from '../../../document/plain-text';
import { comparableText } from './word-diff';

export function useCurrentText(editorRef: RefObject<LexicalEditor | null>, meta: { kicker: string; section: string; headline: string; dek: string }): () => string {
  const { kicker, section, headline, dek } = meta;
  return useCallback(() => {
    const editor = editorRef.current;
    const body = editor ? plainTextFromBody(bodyOfEditorState(editor.getEditorState())) : '';
    return comparableText({ kicker, section, headline, dek }, body);
  }, [editorRef, kicker, section, headline, dek]);
}
