/**
 * The editor notes (TKs) of the body, for the toolbar's count: their keys kept current by
 * a mutation listener (no walk of the document per keystroke), and going to the next one
 * after the caret, or resolving (removing) the one the caret is in.
 */
import { $findMatchingParent } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isRangeSelection, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect, useState } from 'react';
import { $isEditorNoteNode, EditorNoteNode } from '../../../../document/EditorNoteNode';

export function useEditorNotes(editor: LexicalEditor): NodeKey[] {
  const [keys, setKeys] = useState<NodeKey[]>([]);
  useEffect(() => {
    if (!editor.hasNodes([EditorNoteNode])) return;
    const live = new Set<NodeKey>();
    return editor.registerMutationListener(
      EditorNoteNode,
      (mutations) => {
        // Typing inside a note updates it: the list changes only when one comes or goes.
        let changed = false;
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') changed = live.delete(key) || changed;
          else if (!live.has(key)) {
            live.add(key);
            changed = true;
          }
        }
        if (changed) setKeys([...live]);
      },
      { skipInitialization: false },
    );
  }, [editor]);
  return keys;
}

/** The note the caret is in, if any. */
export function $noteAtSelection(): EditorNoteNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const note = $findMatchingParent(selection.anchor.getNode(), $isEditorNoteNode);
  return $isEditorNoteNode(note) ? note : null;
}

/** Selects the next note after the caret (the first one after the last) and scrolls to it. */
export function goToNextNote(editor: LexicalEditor, keys: NodeKey[]): void {
  editor.update(() => {
    const notes = keys.map((key) => $getNodeByKey(key)).filter($isEditorNoteNode);
    if (!notes.length) return;
    notes.sort((a, b) => (a.isBefore(b) ? -1 : 1));
    const selection = $getSelection();
    const here = $isRangeSelection(selection) ? selection.focus.getNode() : null;
    const current = $noteAtSelection();
    const next = notes.find((note) => note !== current && here !== null && here.isBefore(note) && !note.isParentOf(here)) ?? notes[0]!;
    next.select(0, next.getChildrenSize());
  });
  editor.focus();
  requestAnimationFrame(() => {
    const element = window.getSelection()?.anchorNode?.parentElement;
    element?.scrollIntoView({ block: 'center' });
  });
}

/** Resolves the note the caret is in: the note and its words go. */
export function resolveNoteAtSelection(editor: LexicalEditor): void {
  editor.update(() => {
    const note = $noteAtSelection();
    if (!note) return;
    const next = note.getNextSibling();
    note.remove();
    next?.selectStart();
  });
}
