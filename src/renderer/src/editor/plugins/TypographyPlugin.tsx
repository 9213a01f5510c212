/**
 * Smart quotes, apostrophes, dashes and ellipses as the writer types, by the article's
 * language (src/document/typography). The character goes in as typed, then is replaced in
 * an update of its own, so one Ctrl+Z gives the straight character back. "Fix Quotes and
 * Dashes" (FIX_TYPOGRAPHY_COMMAND) sets the selection's text, or the whole body's, at once
 * (for pasted copy), as one undo step.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_EDITOR,
  HISTORIC_TAG,
  HISTORY_PUSH_TAG,
  PASTE_TAG,
  type TextNode,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { fixTypography, smartenTyped } from '../../../../document/typography';
import { FIX_TYPOGRAPHY_COMMAND } from '../blocks/editor-commands';

const TYPOGRAPHY_TAG = 'typography';

/** The text ahead of a text node in its block (the context of its first character). */
function $textBefore(node: TextNode): string {
  let before = '';
  for (let sibling = node.getPreviousSibling(); sibling && before.length < 2; sibling = sibling.getPreviousSibling()) {
    before = sibling.getTextContent() + before;
  }
  return before;
}

export function TypographyPlugin({ language }: { language: string }) {
  const [editor] = useLexicalComposerContext();
  const lang = useRef(language);
  useEffect(() => {
    lang.current = language;
  }, [language]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState, prevEditorState, tags, dirtyLeaves }) => {
          if (tags.has(HISTORIC_TAG) || tags.has(TYPOGRAPHY_TAG) || tags.has(PASTE_TAG) || dirtyLeaves.size !== 1 || !editor.isEditable()) return;
          const found = editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
            const node = selection.anchor.getNode();
            if (!$isTextNode(node) || node.hasFormat('code') || !dirtyLeaves.has(node.getKey())) return null;
            const text = node.getTextContent();
            // Only a single character typed: a paste or a replacement is left alone.
            const before = prevEditorState.read(() => {
              const previous = $getNodeByKey(node.getKey());
              return $isTextNode(previous) ? previous.getTextContentSize() : 0;
            });
            if (before + 1 !== text.length) return null;
            const edit = smartenTyped(text, selection.anchor.offset, lang.current, $textBefore(node));
            return edit ? { key: node.getKey(), edit, caret: selection.anchor.offset } : null;
          });
          if (!found) return;
          editor.update(
            () => {
              const node = $getNodeByKey(found.key);
              if (!$isTextNode(node)) return;
              const { start, length, text } = found.edit;
              node.spliceText(start, length, text, false);
              node.select(found.caret - length + text.length, found.caret - length + text.length);
            },
            { tag: [TYPOGRAPHY_TAG, HISTORY_PUSH_TAG] },
          );
        }),
        editor.registerCommand(
          FIX_TYPOGRAPHY_COMMAND,
          () => {
            const selection = $getSelection();
            const nodes = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getNodes() : $getRoot().getAllTextNodes();
            for (const node of nodes) {
              if (!$isTextNode(node) || node.hasFormat('code')) continue;
              const fixed = fixTypography(node.getTextContent(), lang.current, $textBefore(node));
              if (fixed !== node.getTextContent()) node.setTextContent(fixed);
            }
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}
