/**
 * Attributions in the body: Ctrl/Cmd+Shift+A (and the toolbar's Attribute) asks for the
 * popover that picks a source; applying wraps the selection in an attribution to it;
 * removing unwraps the attribution the caret is in, keeping the words.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type NodeKey,
  type RangeSelection,
} from 'lexical';
import { useEffect } from 'react';
import { $attributeSelection, $attributionAround, $isAttributionNode, $removeAttribution, AttributionNode } from '../../../../document/AttributionNode';

/** Asks for the attribution popover at the selection (the popover listens for it). */
export const OPEN_ATTRIBUTION_COMMAND: LexicalCommand<void> = createCommand('OPEN_ATTRIBUTION_COMMAND');

export interface ApplyAttribution {
  sourceId: string;
  locator: string;
  /** The selection the popover was opened on; the editor's own may have moved to the popover. */
  selection: RangeSelection | null;
}

/** Attributes the selection to a source; handled when something was attributed. */
export const APPLY_ATTRIBUTION_COMMAND: LexicalCommand<ApplyAttribution> = createCommand('APPLY_ATTRIBUTION_COMMAND');

/** Takes away one attribution (by key), or the one the caret is in (null); its words stay. */
export const REMOVE_ATTRIBUTION_COMMAND: LexicalCommand<NodeKey | null> = createCommand('REMOVE_ATTRIBUTION_COMMAND');

/** The attribution the selection sits in, when all of it is inside one. */
export function $attributionAtSelection(): AttributionNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = $attributionAround(selection.anchor.getNode());
  if (!anchor) return null;
  return $attributionAround(selection.focus.getNode()) === anchor ? anchor : null;
}

/** True for Ctrl+Shift+A (Cmd+Shift+A on a Mac). */
export function isAttributeShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a';
}

export function AttributionPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([AttributionNode])) return;
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isAttributeShortcut(event)) return false;
          event.preventDefault();
          return editor.dispatchCommand(OPEN_ATTRIBUTION_COMMAND, undefined);
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        APPLY_ATTRIBUTION_COMMAND,
        ({ sourceId, locator, selection }) => {
          if (selection) $setSelection(selection.clone());
          return $attributeSelection(sourceId, locator.trim()) > 0;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        REMOVE_ATTRIBUTION_COMMAND,
        (key) => {
          const found = key ? $getNodeByKey(key) : $attributionAtSelection();
          if (!$isAttributionNode(found)) return false;
          $removeAttribution(found);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
  }, [editor]);
  return null;
}
