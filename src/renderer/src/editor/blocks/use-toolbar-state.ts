/**
 * What the formatting bar shows as pressed or available: the block kind, the inline
 * formats, a link, an attribution or a table at the caret, undo and redo.
 */
import { $isLinkNode } from '@lexical/link';
import { $isTableCellNode } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, type LexicalEditor, type NodeKey, type TextFormatType } from 'lexical';
import { useEffect, useMemo, useState } from 'react';
import { $noteAtSelection, useEditorNotes } from './editor-notes';
import { $attributionAtSelection } from '../plugins/AttributionPlugin';
import { $blockKindAtSelection, type BlockKind } from './block-format';

export const INLINE_FORMATS: TextFormatType[] = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'superscript', 'subscript'];

export interface ToolbarState {
  editable: boolean;
  block: BlockKind;
  formats: ReadonlySet<TextFormatType>;
  hasSelection: boolean;
  inLink: boolean;
  inAttribution: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The body's editor notes (TKs), and whether the caret is in one. */
  notes: NodeKey[];
  inNote: boolean;
}

const INITIAL: ToolbarState = {
  editable: true,
  block: 'paragraph',
  formats: new Set(),
  hasSelection: false,
  inLink: false,
  inAttribution: false,
  inTable: false,
  canUndo: false,
  canRedo: false,
  notes: [],
  inNote: false,
};

export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(() => ({ ...INITIAL, editable: editor.isEditable() }));
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const anchor = selection.anchor.getNode();
            const formats = new Set(INLINE_FORMATS.filter((format) => selection.hasFormat(format)));
            const next = {
              block: $blockKindAtSelection(),
              formats,
              hasSelection: !selection.isCollapsed(),
              inLink: $findMatchingParent(anchor, $isLinkNode) !== null,
              inAttribution: $attributionAtSelection() !== null,
              inTable: $findMatchingParent(anchor, $isTableCellNode) !== null,
              inNote: $noteAtSelection() !== null,
            };
            setState((previous) => {
              const same =
                previous.block === next.block &&
                previous.hasSelection === next.hasSelection &&
                previous.inLink === next.inLink &&
                previous.inAttribution === next.inAttribution &&
                previous.inTable === next.inTable &&
                previous.inNote === next.inNote &&
                previous.formats.size === formats.size &&
                [...formats].every((f) => previous.formats.has(f));
              return same ? previous : { ...previous, ...next };
            });
          });
        }),
        editor.registerEditableListener((editable) => setState((previous) => ({ ...previous, editable }))),
        editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((previous) => ({ ...previous, canUndo })), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((previous) => ({ ...previous, canRedo })), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );
  const notes = useEditorNotes(editor);
  return useMemo(() => ({ ...state, notes }), [state, notes]);
}
