/**
 * The kind of block the caret is in, and turning the selected blocks into another kind:
 * body text, subhead (H2), minor subhead (H3), quote, pull quote, bulleted or numbered
 * list. One place for the toolbar, the shortcuts and the menu.
 */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $createPullQuoteNode, $isPullQuoteNode } from '../../../../document/PullQuoteNode';

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'quote' | 'pullquote' | 'bullet' | 'number' | 'other';

/** The kind of the block the selection starts in. */
export function $blockKindAtSelection(): BlockKind {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'other';
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = anchor.getTopLevelElement();
  if ($isHeadingNode(top)) return top.getTag() === 'h3' ? 'h3' : 'h2';
  if ($isQuoteNode(top)) return 'quote';
  if ($isPullQuoteNode(top)) return 'pullquote';
  if (top?.getType() === 'paragraph') return 'paragraph';
  return 'other';
}

/**
 * Makes the selected blocks `kind`; asking for the kind they already are turns them back
 * into body text (a second Ctrl+Alt+2 undoes the first), and lists toggle off.
 */
export function setBlockKind(editor: LexicalEditor, kind: Exclude<BlockKind, 'other'>): void {
  const current = editor.getEditorState().read($blockKindAtSelection);
  if (kind === 'bullet' || kind === 'number') {
    if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  const target = current === kind ? 'paragraph' : kind;
  // Out of a list first, then into the block.
  if (current === 'bullet' || current === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () => {
      switch (target) {
        case 'h2':
        case 'h3':
          return $createHeadingNode(target);
        case 'quote':
          return $createQuoteNode();
        case 'pullquote':
          return $createPullQuoteNode();
        default:
          return $createParagraphNode();
      }
    });
  });
}
