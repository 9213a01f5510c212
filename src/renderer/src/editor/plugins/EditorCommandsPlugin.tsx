/**
 * The editor's commands (scope 'editor' in src/shared/commands.ts): their shortcuts while
 * the body has focus, and their handlers in the command registry (the desktop menu and the
 * palette) while the editor is on screen. Tab and Shift+Tab indent and outdent list items;
 * elsewhere Tab leaves the body, as it should for keyboard users.
 */
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { COMMANDS, matchesShortcut, type CommandId } from '../../../../shared/commands';
import { IS_MAC, useCommand } from '../../shell/command-registry';
import { EDITOR_ACTIONS } from '../blocks/editor-actions';

/** Commands whose shortcut another plugin already answers (the attribution popover's). */
const OWN_SHORTCUT: ReadonlySet<CommandId> = new Set(['attribute']);

const EDITOR_COMMANDS = COMMANDS.filter((command) => command.scope === 'editor' && EDITOR_ACTIONS[command.id]);

/** Runs an editor command on this editor; false when the text is read-only. */
export function runEditorAction(editor: LexicalEditor, id: CommandId): boolean {
  const action = EDITOR_ACTIONS[id];
  if (!action || !editor.isEditable()) return false;
  action(editor);
  return true;
}

function useEditorCommand(editor: LexicalEditor, id: CommandId) {
  useCommand(id, () => {
    runEditorAction(editor, id);
  });
}

function CommandHandlers({ editor }: { editor: LexicalEditor }) {
  // One hook call per command, in the table's fixed order.
  for (const command of EDITOR_COMMANDS) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useEditorCommand(editor, command.id);
  }
  return null;
}

function $inListItem(): boolean {
  const selection = $getSelection();
  return $isRangeSelection(selection) && $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null;
}

export function EditorCommandsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (event.isComposing) return false;
            const command = EDITOR_COMMANDS.find((c) => !OWN_SHORTCUT.has(c.id) && matchesShortcut(event, c, IS_MAC));
            if (!command) return false;
            // Also keeps the app's own Ctrl+K (the palette) from acting on a shortcut the body took.
            event.preventDefault();
            runEditorAction(editor, command.id);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (!$inListItem()) return false;
            event.preventDefault();
            return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return <CommandHandlers editor={editor} />;
}
