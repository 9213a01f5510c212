/**
 * The body's formatting bar: subhead, quote, paragraph, lists, bold, italic, attribute
 * (or change an attribution, with the caret in one), undo, redo. Read-only text (approved
 * copy) leaves them all off.
 */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $attributionAtSelection, OPEN_ATTRIBUTION_COMMAND } from './AttributionPlugin';
import './ToolbarPlugin.css';

type Block = 'paragraph' | 'subhead' | 'quote' | 'other';

export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [editable, setEditable] = useState(() => editor.isEditable());
  const [block, setBlock] = useState<Block>('paragraph');
  const [bold, setBold] = useState(false);
  const [italic, setItalic] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [hasSelection, setHasSelection] = useState(false);
  const [inAttribution, setInAttribution] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const top = selection.anchor.getNode().getTopLevelElement();
            setBlock(
              $isHeadingNode(top) ? 'subhead' : $isQuoteNode(top) ? 'quote' : top?.getType() === 'paragraph' ? 'paragraph' : 'other',
            );
            setBold(selection.hasFormat('bold'));
            setItalic(selection.hasFormat('italic'));
            setHasSelection(!selection.isCollapsed());
            setInAttribution($attributionAtSelection() !== null);
          });
        }),
        editor.registerEditableListener(setEditable),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const setBlockType = (type: Exclude<Block, 'other'>) =>
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setBlocksType(selection, () =>
        type === 'subhead' ? $createHeadingNode('h2') : type === 'quote' ? $createQuoteNode() : $createParagraphNode(),
      );
    });

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <fieldset className="toolbar__formatting" disabled={!editable}>
        <button type="button" className={block === 'paragraph' ? 'active' : ''} onClick={() => setBlockType('paragraph')} title="Body text">
          ¶
        </button>
        <button type="button" className={block === 'subhead' ? 'active' : ''} onClick={() => setBlockType('subhead')} title="Subhead (## )">
          H2
        </button>
        <button type="button" className={block === 'quote' ? 'active' : ''} onClick={() => setBlockType('quote')} title="Block quote (> )">
          “ ”
        </button>
        <span className="toolbar__divider" />
        <button type="button" className={bold ? 'active' : ''} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} title="Bold (Ctrl+B)">
          <b>B</b>
        </button>
        <button type="button" className={italic ? 'active' : ''} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} title="Italic (Ctrl+I)">
          <i>I</i>
        </button>
        <button type="button" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} title="Bulleted list (- )">
          • List
        </button>
        <button type="button" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} title="Numbered list (1. )">
          1. List
        </button>
        <span className="toolbar__divider" />
        <button
          type="button"
          className="toolbar__attribute"
          disabled={!hasSelection && !inAttribution}
          // The selection stays in the body: the popover opens on it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(OPEN_ATTRIBUTION_COMMAND, undefined)}
          title={inAttribution ? 'Change or remove this attribution (Ctrl+Shift+A)' : 'Attribute the selected words to a source (Ctrl+Shift+A)'}
        >
          Attribute
        </button>
        <span className="toolbar__divider" />
        <button type="button" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </fieldset>
    </div>
  );
}
