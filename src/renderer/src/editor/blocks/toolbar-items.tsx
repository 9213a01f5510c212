/**
 * The formatting bar's buttons, in the order they give way to the overflow menu when the
 * window is narrow: the blocks and emphasis an editor uses all day first, rarer inserts
 * last. Each names its command (src/shared/commands.ts) and shows its shortcut.
 */
import { $deleteTableColumnAtSelection, $deleteTableRowAtSelection, $insertTableColumnAtSelection, $insertTableRowAtSelection } from '@lexical/table';
import { REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { commandById, shortcutLabel, type CommandId } from '../../../../shared/commands';
import { IS_MAC } from '../../shell/command-registry';
import { runEditorAction } from '../plugins/EditorCommandsPlugin';
import { OPEN_PULL_QUOTE_ATTRIBUTION_COMMAND } from '../plugins/PullQuotePlugin';
import { goToNextNote, resolveNoteAtSelection } from './editor-notes';
import type { ToolbarState } from './use-toolbar-state';

export interface ToolItem {
  key: string;
  /** The accessible name; the title adds the shortcut. */
  label: string;
  title: string;
  face: ReactNode;
  /** A toggle's state (aria-pressed); undefined for a plain action. */
  pressed?: boolean;
  disabled: boolean;
  run: () => void;
  /** Starts a new group (a divider before it). */
  group?: boolean;
  /** Stays on the bar however narrow it is (what the caret is in: a table, a note, a pull quote). */
  pinned?: boolean;
  /** The shortcut as shown in the More menu. */
  shortcut?: string;
  className?: string;
}

const titled = (label: string, accelerator: string | null) => (accelerator ? `${label} (${shortcutLabel(accelerator, IS_MAC)})` : label);

function commandItem(editor: LexicalEditor, state: ToolbarState, id: CommandId, face: ReactNode, extra: Partial<ToolItem> = {}): ToolItem {
  const spec = commandById(id);
  return {
    key: id,
    label: extra.label ?? spec.label.replace(/…$/, ''),
    title: titled(extra.label ?? spec.label, spec.accelerator),
    face,
    shortcut: shortcutLabel(spec.accelerator, IS_MAC),
    disabled: !state.editable,
    run: () => {
      runEditorAction(editor, id);
    },
    ...extra,
  };
}

function tableItems(editor: LexicalEditor, state: ToolbarState): ToolItem[] {
  const act = (label: string, face: ReactNode, change: () => void, group = false): ToolItem => ({
    key: `table:${label}`,
    label,
    title: label,
    face,
    disabled: !state.editable,
    run: () => editor.update(change),
    group,
    pinned: true,
    className: 'toolbar__table',
  });
  return [
    act('Add row below', '+ Row', () => void $insertTableRowAtSelection(true), true),
    act('Add column right', '+ Col', () => void $insertTableColumnAtSelection(true)),
    act('Remove row', '− Row', () => $deleteTableRowAtSelection()),
    act('Remove column', '− Col', () => $deleteTableColumnAtSelection()),
  ];
}

export function toolbarItems(editor: LexicalEditor, state: ToolbarState): ToolItem[] {
  const { block, formats } = state;
  const item = (id: CommandId, face: ReactNode, extra: Partial<ToolItem> = {}) => commandItem(editor, state, id, face, extra);
  return [
    item('paragraph', '¶', { pressed: block === 'paragraph' }),
    // Each name starts with the button's visible text, as speech input needs (WCAG 2.5.3).
    item('heading-2', 'H2', { pressed: block === 'h2', label: 'H2 Subhead' }),
    item('heading-3', 'H3', { pressed: block === 'h3', label: 'H3 Minor Subhead' }),
    item('quote', '“ ”', { pressed: block === 'quote' }),
    item('bulleted-list', '• List', { pressed: block === 'bullet' }),
    item('numbered-list', '1. List', { pressed: block === 'number', label: '1. List (numbered)' }),
    item('bold', <b>B</b>, { pressed: formats.has('bold'), group: true }),
    item('italic', <i>I</i>, { pressed: formats.has('italic') }),
    item('underline', <u>U</u>, { pressed: formats.has('underline') }),
    item('strikethrough', <s>S</s>, { pressed: formats.has('strikethrough') }),
    item('link', 'Link', { pressed: state.inLink, group: true, label: state.inLink ? 'Edit link' : 'Link' }),
    item('attribute', 'Attribute', {
      group: true,
      className: 'toolbar__attribute',
      disabled: !state.editable || (!state.hasSelection && !state.inAttribution),
      label: 'Attribute',
      title: titled(state.inAttribution ? 'Change or remove this attribution' : 'Attribute the selected words to a source', commandById('attribute').accelerator),
    }),
    item('editor-note', 'TK', { label: 'Editor note (TK)' }),
    ...(state.notes.length
      ? [
          {
            key: 'notes',
            label: `${state.notes.length} editor note${state.notes.length === 1 ? '' : 's'}: go to the next`,
            title: `${state.notes.length} editor note${state.notes.length === 1 ? '' : 's'} left (export waits until they are resolved): go to the next`,
            face: <span className="toolbar__notes">{state.notes.length} TK</span>,
            disabled: false,
            pinned: true,
            run: () => goToNextNote(editor, state.notes),
          },
        ]
      : []),
    ...(state.inNote
      ? [{ key: 'resolve-note', label: 'Resolve note', title: 'Resolve this note (removes it and its words)', face: 'Resolve', disabled: !state.editable, pinned: true, run: () => resolveNoteAtSelection(editor) }]
      : []),
    ...(block === 'pullquote'
      ? [
          {
            key: 'pull-quote-by',
            label: 'Said by… (the pull quote’s attribution)',
            title: 'Who said it (shown under the pull quote)',
            face: 'Said by…',
            disabled: !state.editable,
            pinned: true,
            run: () => editor.dispatchCommand(OPEN_PULL_QUOTE_ATTRIBUTION_COMMAND, undefined),
          },
        ]
      : []),
    {
      key: 'undo',
      label: 'Undo',
      title: titled('Undo', 'CmdOrCtrl+Z'),
      face: 'Undo',
      disabled: !state.editable || !state.canUndo,
      run: () => editor.dispatchCommand(UNDO_COMMAND, undefined),
      group: true,
    },
    {
      key: 'redo',
      label: 'Redo',
      title: titled('Redo', 'CmdOrCtrl+Shift+Z'),
      face: 'Redo',
      disabled: !state.editable || !state.canRedo,
      run: () => editor.dispatchCommand(REDO_COMMAND, undefined),
    },
    ...(state.inTable ? tableItems(editor, state) : []),
    item('code', <code>{'</>'}</code>, { pressed: formats.has('code'), group: true }),
    item('superscript', <span>x²</span>, { pressed: formats.has('superscript') }),
    item('subscript', <span>x₂</span>, { pressed: formats.has('subscript') }),
    item('pull-quote', 'Pull quote', { pressed: block === 'pullquote', group: true }),
    item('insert-image', 'Image', { label: 'Insert image' }),
    item('insert-table', 'Table', { label: 'Insert table' }),
    item('horizontal-rule', '―', { label: 'Horizontal rule' }),
    item('fix-typography', '“Fix”', { label: 'Fix quotes and dashes' }),
  ];
}
