/**
 * What each of the editor's commands (src/shared/commands.ts, scope 'editor') does to the
 * body: the toolbar's buttons, the shortcuts, the desktop menu and the command palette all
 * call these, so they can never do different things.
 */
import { $createParagraphNode, $createTextNode, $getSelection, $isParagraphNode, $isRangeSelection, $isTextNode, FORMAT_TEXT_COMMAND, type LexicalEditor, type TextFormatType } from 'lexical';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import type { CommandId } from '../../../../shared/commands';
import { $createEditorNoteNode } from '../../../../document/EditorNoteNode';
import { $createHorizontalRuleNode } from '../../../../document/HorizontalRuleNode';
import { OPEN_ATTRIBUTION_COMMAND } from '../plugins/AttributionPlugin';
import { setBlockKind } from './block-format';
import { FIX_TYPOGRAPHY_COMMAND, OPEN_IMAGE_PICKER_COMMAND, OPEN_LINK_EDITOR_COMMAND } from './editor-commands';

const format = (type: TextFormatType) => (editor: LexicalEditor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);

/** Wraps the selected words in an editor note, or starts one with "TK" at the caret, to go on typing the note. */
export function insertEditorNote(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const words = selection.getTextContent().replace(/\s+/g, ' ').trim();
    const note = $createEditorNoteNode(words || 'TK');
    selection.insertNodes([note]);
    const text = note.getFirstDescendant();
    if (!$isTextNode(text) || words) return;
    // The caret stays in the note, after "TK", to go on with the note's words; a space after
    // a note that ends its paragraph gives End (and the arrow keys) somewhere outside it.
    if (!note.getNextSibling()) note.insertAfter($createTextNode(' '));
    text.select(text.getTextContentSize(), text.getTextContentSize());
  });
}

export function insertHorizontalRule(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    const top = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    // On an empty line the rule goes before it, and the line stays for what comes next.
    if ($isParagraphNode(top) && top.getTextContentSize() === 0) {
      top.insertBefore($createHorizontalRuleNode());
      top.selectStart();
      return;
    }
    const rule = $insertNodeToNearestRoot($createHorizontalRuleNode());
    // The caret goes on below the rule, into a paragraph when there is none.
    const next = rule.getNextSibling() ?? rule.insertAfter($createParagraphNode());
    next.selectStart?.();
  });
}

export function insertTable(editor: LexicalEditor): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });
}

export const EDITOR_ACTIONS: Partial<Record<CommandId, (editor: LexicalEditor) => void>> = {
  paragraph: (editor) => setBlockKind(editor, 'paragraph'),
  'heading-2': (editor) => setBlockKind(editor, 'h2'),
  'heading-3': (editor) => setBlockKind(editor, 'h3'),
  quote: (editor) => setBlockKind(editor, 'quote'),
  'pull-quote': (editor) => setBlockKind(editor, 'pullquote'),
  'bulleted-list': (editor) => setBlockKind(editor, 'bullet'),
  'numbered-list': (editor) => setBlockKind(editor, 'number'),
  bold: format('bold'),
  italic: format('italic'),
  underline: format('underline'),
  strikethrough: format('strikethrough'),
  code: format('code'),
  superscript: format('superscript'),
  subscript: format('subscript'),
  link: (editor) => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
  attribute: (editor) => editor.dispatchCommand(OPEN_ATTRIBUTION_COMMAND, undefined),
  'editor-note': insertEditorNote,
  'insert-image': (editor) => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined),
  'insert-table': insertTable,
  'horizontal-rule': insertHorizontalRule,
  'fix-typography': (editor) => editor.dispatchCommand(FIX_TYPOGRAPHY_COMMAND, undefined),
};
